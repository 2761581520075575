import type { CompositionModel, ComposedReading } from "./compose.js";
import type { DictionaryIndex } from "./dictionary/index.js";
import type { ContextCondition, DictionaryEntry } from "./dictionary/types.js";
import { fitLegit, type FitChannel, type FitReading, type RestoredNeighbours, type WordFit } from "./word-fit.js";
import { restorationContext, type RestorationContext } from "./restore.js";
import { isWordToken, type Token } from "./tokenize.js";

/** Where a finding comes from: a dictionary line, a built-in rule or a composed reading. */
export type FindingSource =
  | { kind: "dictionary"; pack: string; source: string; file: string; line: number; spun: string }
  | { kind: "rule"; rule: string }
  /** A known term reassembled from the spinner's word habits (see compose.ts). */
  | { kind: "composed"; term: string; substituted: number }
  /**
   * A single word read back through a word habit because the original fits its neighbours better
   * (see word-fit.ts): the gain and its frequency part (log10), and how many lines teach the habit.
   */
  | { kind: "fit"; original: string; gain: number; frequency: number; lines: number };

/** A span that may be spun, with the originals it may stand for. Not yet scored. */
export interface Candidate {
  /** Token range [startToken, endToken) in the whole text's token numbering. */
  startToken: number;
  endToken: number;
  /** Word tokens in the span. */
  words: number;
  /** What restoring needs to know about the neighbouring tokens. */
  context: RestorationContext;
  /** Character range [start, end) in the input. */
  start: number;
  end: number;
  text: string;
  /** Originals, best first (from the dictionary, before case and article adjustments). */
  originals: string[];
  /** Participle originals for past-or-participle forms (preferred after have/be). */
  participles?: string[];
  /** Share of occurrences that are legitimate in a half-spun document. */
  legit: number;
  origin: FindingSource;
  /** Spun words the dictionary writes with capitals (see DictionaryEntry.capitals). */
  capitals?: readonly boolean[];
}

/** Tokens that conditions skip over: line breaks are not neighbours. */
function isLayout(token: Token): boolean {
  return token.type !== "word" && (token.type === "tabCRLF" || token.text.trim() === "");
}

/**
 * The nearest token from `from` on (by `step`) that is not layout, unless a paragraph break (two line
 * breaks) comes first: a condition reads the span's own paragraph, so that what is found in a
 * paragraph depends on it alone (see tokenize.ts).
 */
function neighbourIndex(tokens: readonly Token[], from: number, step: 1 | -1): number {
  let lineBreaks = 0;
  for (let i = from; i >= 0 && i < tokens.length; i += step) {
    const token = tokens[i]!;
    if (!isLayout(token)) return i;
    for (let k = 0; k < token.text.length; k++) if (token.text.charCodeAt(k) === 10) lineBreaks++;
    if (lineBreaks >= 2) return -1;
  }
  return -1;
}

/**
 * The whitespace-delimited word that token `at` is part of, as far as it reaches away from the span
 * (`step` −1: back to where it starts, +1: on to where it ends), keys joined: `work-life`, `5g`. The
 * tokenizer splits hyphenated words, so a condition word such as `prev:work-life` is tested on this.
 */
function wholeWord(tokens: readonly Token[], at: number, step: 1 | -1): string {
  let from = at;
  let to = at;
  if (step < 0) while (from > 0 && !tokens[from]!.spaceBefore && !isLayout(tokens[from - 1]!)) from--;
  else while (to + 1 < tokens.length && !tokens[to + 1]!.spaceBefore && !isLayout(tokens[to + 1]!)) to++;
  let word = "";
  for (let i = from; i <= to; i++) word += tokens[i]!.key;
  return word;
}

/**
 * Which of the words that `doc:` conditions name the text contains (the topic tells the sense:
 * `components` are ingredients in a recipe, parts in a machine). Each condition's answer is kept: it
 * holds for the whole text, however often its entry matches, and a piece of text whose candidates are
 * reused (candidates-of-text.ts) is reused only where the same questions get the same answers.
 */
export class DocumentWords {
  private present: ReadonlySet<string> | undefined;
  /** Answers by word set, in the order asked. */
  readonly answers = new Map<ReadonlySet<string>, boolean>();
  /** `present`: the condition words the text contains, or a function that finds them when first needed. */
  constructor(private readonly source: ReadonlySet<string> | (() => ReadonlySet<string>)) {}
  hasAny(wanted: ReadonlySet<string>): boolean {
    let answer = this.answers.get(wanted);
    if (answer === undefined) this.answers.set(wanted, (answer = this.lookUp(wanted)));
    return answer;
  }
  private lookUp(wanted: ReadonlySet<string>): boolean {
    this.present ??= typeof this.source === "function" ? this.source() : this.source;
    for (const word of wanted) if (this.present.has(word)) return true;
    return false;
  }
}

/** The words of `asked` (every word some `doc:` condition names) that occur among tokens [from, to). */
export function documentWordsIn(tokens: readonly Token[], asked: ReadonlySet<string>, from = 0, to = tokens.length): Set<string> {
  const present = new Set<string>();
  if (asked.size > 0) for (let i = from; i < to; i++) if (asked.has(tokens[i]!.key)) present.add(tokens[i]!.key);
  return present;
}

function conditionHolds(condition: ContextCondition, tokens: readonly Token[], start: number, end: number, documentWords: DocumentWords): boolean {
  let hit: boolean;
  if (condition.side === "doc") hit = documentWords.hasAny(condition.words);
  else {
    const step = condition.side === "prev" ? -1 : 1;
    const at = neighbourIndex(tokens, step < 0 ? start - 1 : end, step);
    const token = tokens[at];
    hit = token !== undefined && (condition.tags.has(token.pos) || condition.words.has(token.key) ||
      (condition.wholeWords && condition.words.has(wholeWord(tokens, at, step))));
  }
  return condition.negated ? !hit : hit;
}

/**
 * The entry's POS test: on its head word when the match has one token per word of the spun form,
 * else (the tokenizer split a word) on any token of the match.
 */
function headPosFits(entry: DictionaryEntry, tokens: readonly Token[], start: number, end: number): boolean {
  const tags = entry.pos;
  if (!tags) return true;
  if (end - start === wordCount(entry.spun) && entry.headWord < end - start) return tags.has(tokens[start + entry.headWord]!.pos);
  for (let i = start; i < end; i++) if (tags.has(tokens[i]!.pos)) return true;
  return false;
}

/** Words of a single-spaced phrase, counted without splitting it (this runs for every match). */
function wordCount(phrase: string): number {
  let words = 1;
  for (let i = 0; i < phrase.length; i++) if (phrase.charCodeAt(i) === 32) words++;
  return words;
}

/** True when the entry's POS test and context conditions accept the match at tokens [start, end). */
function entryApplies(entry: DictionaryEntry, tokens: readonly Token[], start: number, end: number, documentWords: DocumentWords): boolean {
  return headPosFits(entry, tokens, start, end) && entry.conditions.every((c) => conditionHolds(c, tokens, start, end, documentWords));
}

/** A candidate for tokens [start, end) (array positions) with the given originals and prior. */
function candidateAt(
  tokens: readonly Token[], text: string, start: number, end: number,
  originals: string[], legit: number, origin: FindingSource, participles?: string[],
): Candidate {
  const from = tokens[start]!.start;
  const to = tokens[end - 1]!.end;
  let words = 0;
  for (let i = start; i < end; i++) if (isWordToken(tokens[i]!)) words++;
  const candidate: Candidate = {
    startToken: tokens[start]!.index, endToken: tokens[end - 1]!.index + 1, start: from, end: to, text: text.slice(from, to),
    words, context: restorationContext(tokens, start), originals, legit, origin,
  };
  if (participles) candidate.participles = participles;
  return candidate;
}

function fromDictionary(entry: DictionaryEntry, tokens: readonly Token[], text: string, start: number, end: number): Candidate {
  const candidate = candidateAt(tokens, text, start, end, entry.originals, entry.legit, originOf(entry), entry.participles);
  if (entry.capitals) candidate.capitals = entry.capitals;
  return candidate;
}

// One source object per entry, shared by all its matches (long texts have hundreds of thousands).
const origins = new WeakMap<DictionaryEntry, FindingSource>();
function originOf(entry: DictionaryEntry): FindingSource {
  let origin = origins.get(entry);
  if (!origin) {
    origin = { kind: "dictionary", pack: entry.pack, source: entry.source, file: entry.file, line: entry.line, spun: entry.spun };
    origins.set(entry, origin);
  }
  return origin;
}

const NUMBER_WORD_RULE: FindingSource = { kind: "rule", rule: "number-word-decimal" };
const NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/**
 * Spinners rewrite the digit before a decimal point as a word (`3.25` → `three.25`), because their
 * tokenizer sees `3` as a word. No writer produces `three.25`, so the rule is nearly certain.
 */
function numberWordDecimals(tokens: readonly Token[], text: string): Candidate[] {
  const found: Candidate[] = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    const dot = tokens[i + 1]!;
    const rest = tokens[i + 2]!;
    if (dot.text !== "." || dot.spaceBefore || rest.spaceBefore || !/^\d/.test(rest.text)) continue;
    const digit = NUMBER_WORDS.indexOf(tokens[i]!.key);
    if (digit < 0) continue;
    if (!onClusterBoundaries(text, tokens[i]!.start, tokens[i]!.end)) continue;
    found.push(candidateAt(tokens, text, i, i + 1, [String(digit)], 0.001, NUMBER_WORD_RULE));
  }
  return found;
}

const graphemes = new Intl.Segmenter("en", { granularity: "grapheme" });

/**
 * True when a grapheme cluster starts at `index`: a replacement must never strip an accent from a
 * letter or split an emoji or tag sequence. Plain text below U+0300 on both sides is always a
 * boundary; anything else is settled by Intl.Segmenter on a few characters around the index.
 */
function isGraphemeBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  if (text.charCodeAt(index) < 0x300 && text.charCodeAt(index - 1) < 0x300) return true;
  let from = Math.max(0, index - 8);
  if (/[\udc00-\udfff]/.test(text[from] ?? "")) from--;
  for (const { index: at } of graphemes.segment(text.slice(from, Math.min(text.length, index + 8)))) {
    if (from + at === index) return true;
    if (from + at > index) return false;
  }
  return false;
}

function onClusterBoundaries(text: string, start: number, end: number): boolean {
  return isGraphemeBoundary(text, start) && isGraphemeBoundary(text, end);
}

/**
 * Prior of a composed reading. A phrase with one word mapped back (`closing year` → `last year`) is
 * often ordinary English, and so is one whose words map back by habits careful writers share
 * (`management team` → `control group`); several words mapped back by distinctive habits
 * (`flag to commotion proportion`) almost never are. On the dev pages 12 of 18 composed readings
 * restored the original, so the ordinary prior is high: they apply only in densely spun text.
 */
function composedLegit(reading: ComposedReading): number {
  return reading.substituted >= 2 && reading.distinctive ? 0.2 : 0.7;
}

function fromComposition(reading: ComposedReading, tokens: readonly Token[], text: string): Candidate {
  const origin: FindingSource = { kind: "composed", term: reading.term, substituted: reading.substituted };
  return candidateAt(tokens, text, reading.start, reading.end, [reading.term], composedLegit(reading), origin);
}

function fromFit(reading: FitReading, tokens: readonly Token[], text: string, channel: FitChannel): Candidate {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const origin: FindingSource = { kind: "fit", original: reading.original, gain: round(reading.gain), frequency: round(reading.frequency), lines: reading.lines };
  return candidateAt(tokens, text, reading.at, reading.at + 1, [reading.original], fitLegit(reading, channel), origin);
}

/** Candidates more often spun than not, even in a half-spun page, stand for their restoration as neighbours. */
const NEIGHBOUR_LEGIT = 0.5;

/**
 * The restored words at the edges of the likely spun candidates: for each edge token, from the
 * candidate with the lowest prior that starts or ends there (worked out only for the tokens asked).
 */
function restoredNeighbours(candidates: readonly Candidate[], base: number, length: number): RestoredNeighbours {
  const startingAt = new Array<Candidate | undefined>(length);
  const endingAt = new Array<Candidate | undefined>(length);
  for (const c of candidates) {
    if (c.legit >= NEIGHBOUR_LEGIT || c.originals.length === 0) continue;
    const first = c.startToken - base;
    const last = c.endToken - 1 - base;
    if (c.legit < (startingAt[first]?.legit ?? 1)) startingAt[first] = c;
    if (c.legit < (endingAt[last]?.legit ?? 1)) endingAt[last] = c;
  }
  const words = (c: Candidate | undefined) => c?.originals[0]!.toLowerCase().split(" ").filter(Boolean);
  return { firstWordAt: (at) => words(startingAt[at])?.[0], lastWordAt: (at) => words(endingAt[at])?.at(-1) };
}

/**
 * Fit readings for the words no dictionary line or rule touches (a listed span knows better). A composed
 * reading does not stand in the way: it is a guess at a whole term from a prior alone, and the choice
 * between it and a word's own reading is left to selection (in the ablation run, 3 more marks restored
 * at the same precision, where `culinary expertise` → `culinary experience` at 0.28 had hidden
 * `expertise` → `experience` at 0.90).
 */
function fitCandidates(tokens: readonly Token[], text: string, others: readonly Candidate[], wordFit: WordFit): Candidate[] {
  const base = tokens[0]?.index ?? 0;
  const covered = new Uint8Array(tokens.length);
  for (const c of others) if (c.origin.kind !== "composed") covered.fill(1, c.startToken - base, c.endToken - base);
  const readings = wordFit.readingsIn(tokens, (at) => covered[at] === 1, restoredNeighbours(others, base, tokens.length));
  return readings.map((reading) => fromFit(reading, tokens, text, wordFit.channel));
}

/**
 * Every dictionary match whose conditions hold, the built-in rules' candidates, where no dictionary
 * line covers the same tokens the composed readings, and for words nothing else covers the fit
 * readings; in text order. `documentWords` answers `doc:` conditions (by default from these tokens).
 */
export function findCandidates(
  tokens: readonly Token[], text: string, index: DictionaryIndex, composer?: CompositionModel, wordFit?: WordFit,
  documentWords = new DocumentWords(() => documentWordsIn(tokens, index.documentConditionWords)),
): Candidate[] {
  const candidates: Candidate[] = [];
  for (let start = 0; start < tokens.length; start++) {
    if (isLayout(tokens[start]!)) continue;
    const firstMatch = candidates.length;
    for (const match of index.matchAt(tokens, start)) {
      if (!entryApplies(match.entry, tokens, match.start, match.end, documentWords)) continue;
      if (!onClusterBoundaries(text, tokens[match.start]!.start, tokens[match.end - 1]!.end)) continue;
      candidates.push(fromDictionary(match.entry, tokens, text, match.start, match.end));
    }
    for (const reading of composer?.readingsAt(tokens, start) ?? []) {
      const endToken = tokens[reading.end - 1]!.index + 1;
      let listed = false;
      for (let k = firstMatch; k < candidates.length && !listed; k++) listed = candidates[k]!.endToken === endToken;
      if (!listed) candidates.push(fromComposition(reading, tokens, text));
    }
  }
  candidates.push(...numberWordDecimals(tokens, text));
  if (wordFit) candidates.push(...fitCandidates(tokens, text, candidates, wordFit));
  return candidates.sort((a, b) => a.startToken - b.startToken || a.endToken - b.endToken);
}
