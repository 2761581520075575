import { UnspinError } from "../errors.js";
import { hasPlural, pluralize, verbForms } from "./inflect.js";
import type { ContextCondition, DictionaryEntry, EntryForm } from "./types.js";

const POS_TAGS = new Set(["NOUN", "PROPN", "VERB", "AUX", "ADJ", "ADV", "ADP", "DET", "PRON", "NUM", "CCONJ",
  "SCONJ", "PART", "INTJ", "PUNCT", "SYM", "X"]);
const DEFAULT_LEGIT = 0.1;
const HEAD_MARK = "*";

interface Location { file: string; line: number }

function fail(where: Location, reason: string): never {
  throw new UnspinError("DICTIONARY_SYNTAX", `${where.file}:${where.line}: ${reason}`);
}

/** The fields of one parsed line before inflection. */
interface ParsedLine {
  spunWords: string[];
  originalsWords: string[][];
  legit: number;
  inflection?: "noun" | "verb";
  pos?: Set<string>;
  conditions: ContextCondition[];
  source?: string;
}

function splitWords(phrase: string): string[] {
  return phrase.trim().split(/\s+/).filter((w) => w.length > 0);
}

function parseCondition(value: string, negated: boolean, where: Location): ContextCondition {
  const match = /^(prev|next|doc):(.+)$/.exec(value);
  if (!match) fail(where, `condition "${value}" must look like next:NOUN/ADJ, prev:word/word or doc:word/word`);
  const side = match[1] as ContextCondition["side"];
  const tags = new Set<string>();
  const words = new Set<string>();
  for (const item of match[2]!.split("/")) {
    if (item === "") fail(where, `empty item in condition "${value}"`);
    if (/^[A-Z]+$/.test(item)) {
      if (side === "doc") fail(where, `doc: takes words, not POS tags ("${item}" in condition "${value}")`);
      if (!POS_TAGS.has(item)) fail(where, `unknown POS tag "${item}" in condition "${value}"`);
      tags.add(item);
    } else words.add(item.toLowerCase());
  }
  return { side, tags, words, negated, wholeWords: [...words].some((w) => /[^\p{L}\p{N}]/u.test(w)) };
}

function parseLegit(value: string, where: Location): number {
  const legit = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(legit > 0 && legit < 1)) fail(where, `legit must be a number between 0 and 1 (exclusive), got "${value}"`);
  return legit;
}

function applyOption(parsed: ParsedLine, option: string, where: Location): void {
  const eq = option.indexOf("=");
  if (eq <= 0) fail(where, `option "${option}" must be key=value`);
  const key = option.slice(0, eq).trim();
  const value = option.slice(eq + 1).trim();
  if (value === "") fail(where, `option "${key}" has no value`);
  switch (key) {
    case "legit": parsed.legit = parseLegit(value, where); break;
    case "infl":
      if (value !== "noun" && value !== "verb") fail(where, `infl must be "noun" or "verb", got "${value}"`);
      parsed.inflection = value;
      break;
    case "pos":
      parsed.pos = new Set(value.split("/"));
      for (const tag of parsed.pos) if (!POS_TAGS.has(tag)) fail(where, `unknown POS tag "${tag}"`);
      break;
    case "if": parsed.conditions.push(parseCondition(value, false, where)); break;
    case "unless": parsed.conditions.push(parseCondition(value, true, where)); break;
    case "src":
      if (!/^[a-z0-9][a-z0-9:._-]*$/.test(value)) fail(where, `src must be a lowercase tag, got "${value}"`);
      parsed.source = value;
      break;
    default: fail(where, `unknown option "${key}" (expected legit, infl, pos, if, unless or src)`);
  }
}

/** Parses one entry line (`SPUN => ORIG | ORIG ; key=value …`). */
function parseEntryLine(text: string, where: Location): ParsedLine {
  const arrow = text.indexOf("=>");
  if (arrow < 0) fail(where, `missing "=>" between the spun form and its originals`);
  const [originalsPart = "", ...options] = text.slice(arrow + 2).split(";");
  const spunWords = splitWords(text.slice(0, arrow));
  if (spunWords.length === 0) fail(where, "the spun form is empty");
  const parsed: ParsedLine = { spunWords, originalsWords: [], legit: DEFAULT_LEGIT, conditions: [] };
  for (const original of originalsPart.split("|")) {
    const words = splitWords(original);
    if (words.length === 0) fail(where, "an original is empty (write the shortest natural original instead)");
    parsed.originalsWords.push(words);
  }
  for (const option of options) {
    if (option.trim() === "") fail(where, "empty option after ';'");
    applyOption(parsed, option.trim(), where);
  }
  checkHeadMarks(parsed, where);
  const spun = plain(spunWords).toLowerCase();
  for (const original of parsed.originalsWords) {
    if (plain(original).toLowerCase() === spun) fail(where, `the original "${plain(original)}" equals the spun form`);
  }
  return parsed;
}

function plain(words: string[]): string {
  return words.map(stripMark).join(" ");
}

function stripMark(word: string): string {
  return word.endsWith(HEAD_MARK) && word.length > 1 ? word.slice(0, -1) : word;
}

function checkHeadMarks(parsed: ParsedLine, where: Location): void {
  for (const words of [parsed.spunWords, ...parsed.originalsWords]) {
    const marks = words.filter((w) => w.endsWith(HEAD_MARK)).length;
    if (marks > 1) fail(where, `more than one word marked with "${HEAD_MARK}" in "${words.join(" ")}"`);
    if (marks === 1 && !parsed.inflection) fail(where, `"${HEAD_MARK}" marks the inflected word, but the line has no infl=`);
  }
}

/** Which word inflects: the one marked `*`, else the last word of a noun or the first word of a verb. */
function headIndex(words: string[], inflection: "noun" | "verb" | undefined): number {
  const marked = words.findIndex((w) => w.endsWith(HEAD_MARK));
  if (marked >= 0) return marked;
  return inflection === "verb" ? 0 : words.length - 1;
}

function withHead(words: string[], head: number, replacement: string): string {
  return words.map((w, i) => (i === head ? replacement : stripMark(w))).join(" ");
}

interface Variant { spun: string; originals: string[]; participles?: string[]; form: EntryForm }

function nounVariants(parsed: ParsedLine): Variant[] {
  const spunHead = headIndex(parsed.spunWords, "noun");
  const singular: Variant = { spun: plain(parsed.spunWords), originals: parsed.originalsWords.map(plain), form: "as-written" };
  const head = stripMark(parsed.spunWords[spunHead]!);
  if (!hasPlural(head)) return [singular];
  const plural: Variant = {
    spun: withHead(parsed.spunWords, spunHead, pluralize(head)),
    originals: parsed.originalsWords.map((words) => {
      const h = headIndex(words, "noun");
      return withHead(words, h, pluralize(stripMark(words[h]!)));
    }),
    form: "plural",
  };
  return [singular, plural];
}

function verbVariants(parsed: ParsedLine): Variant[] {
  const spunHead = headIndex(parsed.spunWords, "verb");
  const spunForms = verbForms(stripMark(parsed.spunWords[spunHead]!));
  const originalForms = parsed.originalsWords.map((words) => {
    const h = headIndex(words, "verb");
    return { words, h, forms: verbForms(stripMark(words[h]!)) };
  });
  const build = (pick: (f: ReturnType<typeof verbForms>) => string): string[] =>
    originalForms.map(({ words, h, forms }) => withHead(words, h, pick(forms)));
  const spunWith = (form: string) => withHead(parsed.spunWords, spunHead, form);
  const variants: Variant[] = [
    { spun: spunWith(spunForms.base), originals: build((f) => f.base), form: "as-written" },
    { spun: spunWith(spunForms.thirdPerson), originals: build((f) => f.thirdPerson), form: "third-person" },
    { spun: spunWith(spunForms.gerund), originals: build((f) => f.gerund), form: "gerund" },
  ];
  if (spunForms.past === spunForms.participle) {
    const pasts = build((f) => f.past);
    const participles = build((f) => f.participle);
    const same = pasts.every((p, i) => p === participles[i]);
    variants.push({ spun: spunWith(spunForms.past), originals: pasts, form: same ? "past" : "past-or-participle", ...(same ? {} : { participles }) });
  } else {
    variants.push({ spun: spunWith(spunForms.past), originals: build((f) => f.past), form: "past" });
    variants.push({ spun: spunWith(spunForms.participle), originals: build((f) => f.participle), form: "participle" });
  }
  return variants;
}

/** Expands one line into its matchable surface variants. */
function expandLine(parsed: ParsedLine): Variant[] {
  if (parsed.inflection === "noun") return nounVariants(parsed);
  if (parsed.inflection === "verb") return verbVariants(parsed);
  return [{ spun: plain(parsed.spunWords), originals: parsed.originalsWords.map(plain), form: "as-written" }];
}

/** Identity of an entry for duplicate checks: its spun form and its conditions. */
export function entryKey(entry: Pick<DictionaryEntry, "spun" | "conditions" | "pos">): string {
  return `${entry.spun}#${conditionKey(entry)}`;
}

function conditionKey(entry: Pick<DictionaryEntry, "conditions" | "pos">): string {
  const parts = entry.conditions.map((c) => `${c.negated ? "!" : ""}${c.side}:${[...c.tags, ...c.words].sort().join("/")}`).sort();
  return `${[...(entry.pos ?? [])].sort().join("/")}|${parts.join(",")}`;
}

/**
 * Parses the text of one dictionary file into entries (inflected variants included).
 * Throws UnspinError("DICTIONARY_SYNTAX") with `file:line: reason` on the first malformed line.
 */
export function parseDictionary(text: string, file: string, pack: string): DictionaryEntry[] {
  const byKey = new Map<string, DictionaryEntry>(); // spun form + conditions → entry
  let source = pack;
  text.replace(/^\uFEFF/, "").split(/\r?\n/).forEach((raw, i) => {
    const where = { file, line: i + 1 };
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    if (line.startsWith("@")) {
      source = parseDirective(line, where);
      return;
    }
    const parsed = parseEntryLine(line, where);
    for (const variant of expandLine(parsed)) {
      const entry = toEntry(parsed, variant, { pack, file, line: i + 1, source: parsed.source ?? source });
      const key = entryKey(entry);
      const previous = byKey.get(key);
      if (previous === undefined || (previous.form !== "as-written" && entry.form === "as-written")) {
        byKey.set(key, entry); // a form written on its own line beats a generated inflection
      } else if (previous.form === "as-written" && entry.form === "as-written" && !sameOriginals(previous, entry)) {
        fail(where, `"${entry.spun}" is already defined at line ${previous.line} with other originals`);
      }
    }
  });
  return [...byKey.values()];
}

function parseDirective(line: string, where: Location): string {
  const match = /^@source\s+([a-z0-9][a-z0-9:._-]*)$/.exec(line);
  if (!match) fail(where, `unknown directive "${line}" (expected "@source TAG")`);
  return match[1]!;
}

export function sameOriginals(a: DictionaryEntry, b: DictionaryEntry): boolean {
  return a.originals.join("|").toLowerCase() === b.originals.join("|").toLowerCase();
}

/** Which words of a spun form as written carry a capital letter; undefined when none does. */
function capitalsOf(spun: string): boolean[] | undefined {
  if (!/\p{Lu}/u.test(spun)) return undefined;
  return spun.split(" ").map((word) => /\p{Lu}/u.test(word));
}

function toEntry(parsed: ParsedLine, variant: Variant, origin: { pack: string; file: string; line: number; source: string }): DictionaryEntry {
  const capitals = capitalsOf(variant.spun);
  return {
    spun: variant.spun.toLowerCase(),
    originals: variant.originals,
    ...(variant.participles ? { participles: variant.participles } : {}),
    legit: parsed.legit,
    ...(parsed.pos ? { pos: parsed.pos } : {}),
    conditions: parsed.conditions,
    ...origin,
    form: variant.form,
    headWord: headIndex(parsed.spunWords, parsed.inflection),
    ...(capitals ? { capitals } : {}),
  };
}
