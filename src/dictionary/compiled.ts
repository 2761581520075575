import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { interner } from "../intern.js";
import { rememberPhrases, tokenizePhrases, type PhraseTokens } from "../tokenize.js";
import type { CompositionSnapshot } from "../compose.js";
import type { DictionaryEntry, EntryForm } from "./types.js";

/**
 * Compiled packs: a pack's parsed and inflected entries with the tokens of their spun phrases, written
 * by `npm run build` (scripts/compile-dictionaries.mjs). Parsing the bundled packs and tokenizing their
 * phrases with wink-nlp is most of the time it takes to create an unspinner, and every worker thread of
 * a batch pays it again. A compiled pack is used only when its fingerprint (the pack's files, the
 * code that parses and tokenizes them, the wink-nlp versions) matches; otherwise the pack is parsed as
 * usual, so a stale or missing file costs time, never correctness.
 */

/** Bump when the compiled file's layout changes. */
const FORMAT = 4;

/** Where the build writes compiled bundled packs (from src/ and from dist/ alike). */
export const COMPILED_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "compiled");

/**
 * The file is about half the size of the entries written out in full, which is time and transient
 * memory in every worker that loads it: the pack name and file names are written once, fields that
 * have their usual value are left out (see storedEntry), and so are a phrase's keys and spacing when
 * they are just its words with spaces between.
 */
interface CompiledPack {
  format: number;
  fingerprint: string;
  pack: string;
  files: string[];
  entries: StoredEntry[];
  /** A phrase, its token keys when they are not its words, and its spacing when some token is attached. */
  phrases: [string, string[]?, boolean[]?][];
}

/** An entry as written: `file` indexes `files`; absent `pack`, `source`, `form`, `headWord` and `conditions` have their usual value. */
type StoredEntry = Omit<DictionaryEntry, "pack" | "file" | "source" | "form" | "headWord" | "conditions" | "pos"> & {
  pack?: string;
  file: number;
  source?: string;
  form?: EntryForm;
  headWord?: number;
  conditions?: DictionaryEntry["conditions"];
  pos?: string[];
};

function storedEntry(entry: DictionaryEntry, pack: string, fileIndex: (file: string) => number): StoredEntry {
  const { pack: entryPack, file, source, form, headWord, conditions, pos, ...rest } = entry;
  const stored: StoredEntry = { ...rest, file: fileIndex(file) };
  if (entryPack !== pack) stored.pack = entryPack;
  if (source !== entryPack) stored.source = source;
  if (form !== "as-written") stored.form = form;
  if (headWord !== 0) stored.headWord = headWord;
  if (conditions.length > 0) stored.conditions = conditions;
  if (pos) stored.pos = [...pos];
  return stored;
}

function storedPhrase(phrase: string, tokens: PhraseTokens): [string, string[]?, boolean[]?] {
  const plainKeys = tokens.keys.join(" ") === phrase && !tokens.keys.some((key) => key.includes(" "));
  const attached = tokens.attached.some(Boolean);
  if (attached) return [phrase, tokens.keys, tokens.attached];
  return plainKeys ? [phrase] : [phrase, tokens.keys];
}

function phraseTokens([phrase, keys, attached]: [string, string[]?, boolean[]?], intern: (text: string) => string): [string, PhraseTokens] {
  // Interned: the index keeps a key per trie node, and the same words recur in thousands of phrases.
  const tokenKeys = (keys ?? phrase.split(" ")).map(intern);
  return [phrase, { keys: tokenKeys, attached: attached ?? tokenKeys.map(() => false) }];
}

/** The running code's own parser, inflector and tokenizer: a change to any of them changes the entries. */
function codeFingerprint(): string {
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const hash = createHash("sha256");
  for (const module of [`./parse${extension}`, `./inflect${extension}`, `../tokenize${extension}`]) {
    hash.update(readFileSync(new URL(module, import.meta.url)));
  }
  const require = createRequire(import.meta.url);
  for (const name of ["wink-nlp", "wink-eng-lite-web-model"]) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return hash.digest("hex");
}

let code: string | undefined;

/** Fingerprint of a pack folder's `*.dict` files as this code would load them. */
export function packFingerprint(folder: string): string {
  code ??= codeFingerprint();
  const hash = createHash("sha256").update(`${FORMAT}\n${code}\n`);
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".dict")).sort()) {
    hash.update(`${name}\n`).update(readFileSync(join(folder, name))).update("\n");
  }
  return hash.digest("hex");
}

function compiledPath(pack: string, dir: string): string {
  return join(dir, `${pack}.json`);
}

/**
 * JSON, not v8.serialize: it parses faster here, and objects v8.deserialize returns keep the whole
 * file's buffer alive (8 MB per worker thread). Sets travel as arrays and are revived.
 */
function toJson(compiled: CompiledPack): string {
  return JSON.stringify(compiled, (_key, value: unknown) => (value instanceof Set ? [...(value as Set<unknown>)] : value));
}

/** The pack's entries as the parser gives them, repeated lists and strings shared (memory per worker). */
function entriesOf(compiled: CompiledPack, intern: (text: string) => string): DictionaryEntry[] {
  const shared = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    let value = shared.get(key) as T | undefined;
    if (value === undefined) shared.set(key, (value = make()));
    return value;
  };
  // Frozen: every entry without conditions shares it.
  const noConditions = Object.freeze([]) as unknown as DictionaryEntry["conditions"];
  const conditionsOf = (conditions: DictionaryEntry["conditions"] | undefined) =>
    !conditions || conditions.length === 0 ? noConditions : once(`conditions:${JSON.stringify(conditions)}`, () =>
      conditions.map((c) => once(`condition:${JSON.stringify(c)}`, () => ({ ...c, tags: new Set(c.tags as unknown as string[]), words: new Set(c.words as unknown as string[]) }))));
  return compiled.entries.map((stored) => {
    const pack = intern(stored.pack ?? compiled.pack);
    // Required fields in one literal, optional ones added after: object literals with spreads build
    // larger objects (2 MB more per worker for the bundled packs).
    const entry: DictionaryEntry = {
      spun: stored.spun,
      originals: once(`originals:${stored.originals.join("|")}`, () => stored.originals.map(intern)),
      legit: stored.legit,
      conditions: conditionsOf(stored.conditions),
      pack,
      file: compiled.files[stored.file]!,
      line: stored.line,
      source: stored.source === undefined ? pack : intern(stored.source),
      form: stored.form ?? "as-written",
      headWord: stored.headWord ?? 0,
    };
    if (stored.participles) entry.participles = stored.participles;
    if (stored.pos) entry.pos = once(`pos:${stored.pos.join("/")}`, () => new Set(stored.pos));
    if (stored.capitals) entry.capitals = once(`capitals:${stored.capitals.join()}`, () => stored.capitals!);
    return entry;
  });
}

/** The compiled entries of a pack when they are up to date, with their phrase tokens remembered. */
export function readCompiledPack(folder: string, pack: string, dir = COMPILED_DIR, fingerprint = packFingerprint(folder)): DictionaryEntry[] | undefined {
  let compiled: CompiledPack;
  try {
    compiled = JSON.parse(readFileSync(compiledPath(pack, dir), "utf8")) as CompiledPack;
  } catch {
    return undefined; // none yet, or unreadable: parse the pack instead
  }
  if (compiled.format !== FORMAT || compiled.fingerprint !== fingerprint) return undefined;
  // Strings many entries and phrases repeat (originals, sources, words): the first copy serves them all.
  const intern = interner();
  rememberPhrases(compiled.phrases.map((phrase) => phraseTokens(phrase, intern)));
  return entriesOf(compiled, intern);
}

/** Writes a pack's compiled form (atomically: a reader never sees half a file). */
export function writeCompiledPack(folder: string, pack: string, entries: DictionaryEntry[], dir = COMPILED_DIR): void {
  const spun = [...new Set(entries.map((e) => e.spun))];
  const tokens = tokenizePhrases(spun);
  const files: string[] = [];
  const fileIndex = (file: string) => {
    const known = files.indexOf(file);
    return known >= 0 ? known : files.push(file) - 1;
  };
  const compiled: CompiledPack = {
    format: FORMAT, fingerprint: packFingerprint(folder), pack, files,
    entries: entries.map((entry) => storedEntry(entry, pack, fileIndex)),
    phrases: spun.map((p, i) => storedPhrase(p, tokens[i]!)),
  };
  mkdirSync(dir, { recursive: true });
  const temp = `${compiledPath(pack, dir)}.${process.pid}.tmp`;
  writeFileSync(temp, toJson(compiled));
  renameSync(temp, compiledPath(pack, dir));
}

/** The composition model of a set of packs, stored with the packs' fingerprints (see CompositionSnapshot). */
interface CompiledComposition {
  format: number;
  /** Of the code that learns the model: a changed learning rule must not meet an old model. */
  code: string;
  fingerprints: string[];
  snapshot: CompositionSnapshot;
}

function compositionCode(): string {
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  return createHash("sha256").update(readFileSync(new URL(`../compose${extension}`, import.meta.url))).digest("hex");
}

const COMPOSITION_FILE = "composition.json";

/** Writes the composition model built from the entries of these pack folders, in this order (atomically). */
export function writeCompiledComposition(folders: readonly string[], snapshot: CompositionSnapshot, dir = COMPILED_DIR): void {
  const compiled: CompiledComposition = { format: FORMAT, code: compositionCode(), fingerprints: folders.map(packFingerprint), snapshot };
  mkdirSync(dir, { recursive: true });
  const path = join(dir, COMPOSITION_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(compiled));
  renameSync(temp, path);
}

/** The stored composition model of packs with these fingerprints (packFingerprint), in this order. */
export function readCompiledComposition(fingerprints: readonly string[], dir = COMPILED_DIR): CompositionSnapshot | undefined {
  let compiled: CompiledComposition;
  try {
    compiled = JSON.parse(readFileSync(join(dir, COMPOSITION_FILE), "utf8")) as CompiledComposition;
  } catch {
    return undefined; // none yet, or unreadable: the model is learned from the entries instead
  }
  const same = compiled.format === FORMAT && compiled.code === compositionCode() &&
    compiled.fingerprints.length === fingerprints.length && fingerprints.every((f, i) => f === compiled.fingerprints[i]);
  return same ? compiled.snapshot : undefined;
}
