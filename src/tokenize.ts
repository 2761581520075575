import { createRequire } from "node:module";
import type winkNLP from "wink-nlp";

/** One token of the input, with exact character offsets into it. */
export interface Token {
  /** Position in the token array. */
  index: number;
  /** The token exactly as it appears in the input. */
  text: string;
  /** Lowercased, with curly apostrophes and quotes folded to straight ones: the matching key. */
  key: string;
  /** Offset of the first character in the input (UTF-16 code units, like String.slice). */
  start: number;
  /** Offset just past the last character. */
  end: number;
  /** Universal POS tag from wink-nlp (NOUN, VERB, PUNCT, …). */
  pos: string;
  /** Lemma from wink-nlp, when asked for (`{ lemmas: true }`): the pipeline does not need them. */
  lemma?: string;
  /** wink-nlp token type: word, number, punctuation, emoji, tabCRLF, … */
  type: string;
  /** Index of the sentence the token belongs to. */
  sentence: number;
  /** True when whitespace separates this token from the previous one. */
  spaceBefore: boolean;
  /** Case shape of the letters: `lower`, `upper` (two or more capitals), `title`, `mixed`, or `none`. */
  shape: CaseShape;
}

export type CaseShape = "lower" | "upper" | "title" | "mixed" | "none";

/** The case shape of a token's letters (used to carry case over to restorations). */
export function caseShape(text: string): CaseShape {
  return asciiCaseShape(text) ?? unicodeCaseShape(text);
}

/** The same for plain ASCII text (nearly every token), without building strings; undefined otherwise. */
function asciiCaseShape(text: string): CaseShape | undefined {
  let upper = 0;
  let lower = 0;
  let firstIsUpper = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return undefined;
    const isUpper = c >= 65 && c <= 90;
    if (isUpper || (c >= 97 && c <= 122)) {
      if (upper + lower === 0) firstIsUpper = isUpper;
      if (isUpper) upper++;
      else lower++;
    }
  }
  if (upper + lower === 0) return "none";
  if (upper === 0) return "lower";
  if (lower === 0) return upper > 1 ? "upper" : "title";
  return firstIsUpper && upper === 1 ? "title" : "mixed";
}

function unicodeCaseShape(text: string): CaseShape {
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length === 0 || letters.toLowerCase() === letters.toUpperCase()) return "none";
  if (letters === letters.toLowerCase()) return "lower";
  if (letters === letters.toUpperCase()) return letters.length > 1 ? "upper" : "title";
  const rest = letters.slice(1);
  return letters[0] === letters[0]!.toUpperCase() && rest === rest.toLowerCase() ? "title" : "mixed";
}

// wink-nlp must be instantiated once per process: later instances share and corrupt model state.
let nlp: ReturnType<typeof winkNLP> | undefined;
/**
 * Loads wink-nlp and its model on first use, not on import (about 0.15 s): a CLI main thread that
 * hands every document to worker threads never tokenizes, so it starts the workers that much sooner.
 */
function engine(): ReturnType<typeof winkNLP> {
  if (nlp) return nlp;
  const require = createRequire(import.meta.url);
  const load = require("wink-nlp") as typeof winkNLP;
  nlp = load(require("wink-eng-lite-web-model"), ["sbd", "pos"]);
  return nlp;
}

/** Folds case and typographic apostrophes/quotes so that `Received’t` and `received't` match. */
export function matchKey(text: string): string {
  const lower = text.toLowerCase();
  if (!FOLDED_QUOTES.test(lower)) return lower;
  return lower.replace(/[\u2018\u2019\u02bc\u2032]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

const FOLDED_QUOTES = /[\u2018\u2019\u02bc\u2032\u201c\u201d]/;

/**
 * Splits text into tokens with offsets, POS tags, sentence numbers and (unless `lemmas: false`) lemmas.
 * wink-nlp has no offset API: offsets come from walking each token's preceding whitespace and value,
 * which reproduces the input exactly.
 */
export function tokenize(text: string, options: TokenizeOptions = { lemmas: true }): Token[] {
  const tokens: Token[] = [];
  let sentenceBase = 0;
  for (const stretch of stretchBounds(text)) {
    const part = tokenizeRange(text, stretch[0]![0], stretch.at(-1)![1], options);
    sentenceBase = rebase(part, tokens.length, sentenceBase);
    for (const token of part) tokens.push(token);
  }
  return tokens;
}

/** Renumbers tokens read on their own after `tokenBase` tokens and `sentenceBase` sentences; returns the next sentence number. */
export function rebase(tokens: Token[], tokenBase: number, sentenceBase: number): number {
  for (const token of tokens) {
    token.index += tokenBase;
    token.sentence += sentenceBase;
  }
  return tokens.length === 0 ? sentenceBase : tokens[tokens.length - 1]!.sentence + 1;
}

/**
 * Tokenizes characters [from, to) of a text on their own: offsets are into the whole text, token
 * indices and sentence numbers start at 0 (see `rebase`).
 */
export function tokenizeRange(text: string, from: number, to: number, options: TokenizeOptions = {}): Token[] {
  const tokens = tokenizeChunk(text.slice(from, to), options);
  if (from > 0) {
    for (const token of tokens) {
      token.start += from;
      token.end += from;
    }
  }
  return tokens;
}

/**
 * A text is read in stretches of whole paragraphs (pieces) of at most STRETCH_CHARS, one call of
 * wink-nlp each: wink-nlp slows down more than linearly on very long documents, and a caller that
 * handles one stretch at a time holds only that stretch's tokens.
 *
 * A piece is a paragraph: it ends after a paragraph break (a line break, a blank line and the
 * whitespace after it). Nothing the later stages find reaches across a paragraph break (sentences end
 * there, see tokenizeChunk; context conditions and word readings stay inside), and wink-nlp tokenizes
 * and tags a paragraph alike with or without the paragraphs around it (on 1,295 paragraphs of the
 * corpus, the dev pages and State of the Union addresses, 301,427 tokens: identical). So what is
 * found in a piece depends on its text alone, and repair, looking at its own output once more, need
 * not read again the pieces its edits left alone (see candidates-of-text.ts).
 */
const STRETCH_CHARS = 64 * 1024;
/** A blank line: a line break, whitespace without one, another line break. */
const BLANK_LINE = String.raw`\n[^\S\n]*\n`;
/** A paragraph break: a blank line and all the whitespace after it. */
const PARAGRAPH_BREAK = new RegExp(BLANK_LINE + String.raw`\s*`, "g");

/** The [from, to) ranges of a text's paragraphs (one empty range for an empty text). */
export function pieceBounds(text: string): [number, number][] {
  const bounds: [number, number][] = [];
  let from = 0;
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    const end = match.index + match[0].length;
    if (end >= text.length) break;
    bounds.push(...withinMaximum(text, from, end));
    from = end;
  }
  bounds.push(...withinMaximum(text, from, text.length));
  return bounds;
}

/** The text's pieces grouped into stretches of at most STRETCH_CHARS (a longer piece alone). */
export function stretchBounds(text: string): [number, number][][] {
  const stretches: [number, number][][] = [];
  let current: [number, number][] = [];
  for (const piece of pieceBounds(text)) {
    if (current.length > 0 && piece[1] - current[0]![0] > STRETCH_CHARS) {
      stretches.push(current);
      current = [];
    }
    current.push(piece);
  }
  stretches.push(current);
  return stretches;
}

/**
 * A paragraph longer than STRETCH_CHARS, cut at line breaks, else spaces, into pieces of about that
 * size (the only pieces that end inside a paragraph).
 */
function withinMaximum(text: string, from: number, to: number): [number, number][] {
  const bounds: [number, number][] = [];
  while (to - from > STRETCH_CHARS) {
    const window = text.slice(from + STRETCH_CHARS / 2, from + STRETCH_CHARS);
    const cut = [/\n/g, /\s/g].map((re) => lastMatchEnd(window, re)).find((i) => i > 0);
    let end = cut === undefined ? from + STRETCH_CHARS : from + STRETCH_CHARS / 2 + cut;
    if (/[\udc00-\udfff]/.test(text[end] ?? "")) end--; // never between the halves of a surrogate pair
    bounds.push([from, end]);
    from = end;
  }
  bounds.push([from, to]);
  return bounds;
}

function lastMatchEnd(text: string, re: RegExp): number {
  let end = -1;
  for (const match of text.matchAll(re)) end = match.index + match[0].length;
  return end;
}

export interface TokenizeOptions {
  /** Ask wink-nlp for lemmas too (about a tenth of its time). */
  lemmas?: boolean;
}

/** Whitespace with a blank line in it: a paragraph break. */
const PARAGRAPH_GAP = new RegExp(BLANK_LINE);

function tokenizeChunk(text: string, options: TokenizeOptions): Token[] {
  if (text.length === 0) return [];
  const nlp = engine();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const lemmas = options.lemmas ? (doc.tokens().out(its.lemma as never) as string[]) : undefined;
  const types = doc.tokens().out(its.type) as string[];
  const spans = doc.sentences().out(its.span as never) as unknown as [number, number][];
  const sentenceOf = sentenceIndexByToken(spans, values.length);
  const tokens: Token[] = [];
  let offset = 0;
  // Paragraph breaks passed: added to the sentence numbers, so that no sentence spans a paragraph break.
  let breaks = 0;
  let contentEnd = -1;
  let afterLineBreak = false;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? "";
    const space = spaces[i] ?? "";
    offset += space.length;
    // wink-nlp silently drops a few characters (a byte-order mark, for one): re-synchronise on them.
    if (text.startsWith(value, offset) === false) offset = resync(text, value, offset - space.length);
    if (types[i] === "tabCRLF") afterLineBreak = true;
    else {
      if (afterLineBreak && contentEnd >= 0 && PARAGRAPH_GAP.test(text.slice(contentEnd, offset))) breaks++;
      afterLineBreak = false;
      contentEnd = offset + value.length;
    }
    const token: Token = {
      index: i,
      text: value,
      key: matchKey(value),
      start: offset,
      end: offset + value.length,
      pos: tags[i] ?? "X",
      type: types[i] ?? "word",
      sentence: (sentenceOf[i] ?? 0) + breaks,
      spaceBefore: space.length > 0 || i === 0,
      shape: caseShape(value),
    };
    if (lemmas) token.lemma = lemmas[i] ?? value;
    tokens.push(token);
    offset += value.length;
  }
  return splitPossessives(tokens);
}

const POSSESSIVE = /^(.*\p{L})(['\u2019]s)$/iu;

/** A word ending in 's or ’s after a letter; the cheap test on the last characters spares the regex. */
function isPossessive(token: Token): boolean {
  const text = token.text;
  const last = text.charCodeAt(text.length - 1);
  const quote = text.charCodeAt(text.length - 2);
  return token.type === "word" && (last === 115 || last === 83) && (quote === 39 || quote === 0x2019) && POSSESSIVE.test(text);
}

/**
 * wink-nlp remembers every new word it meets: after it has seen `Storm's,` (kept whole before a comma)
 * it keeps `Storm's` whole everywhere, where it would otherwise split `Storm` + `'s`. So token
 * boundaries would depend on the documents processed before. Always splitting the possessive makes
 * them depend on the text alone. (The tags wink-nlp gives the neighbours can still differ.)
 */
function splitPossessives(tokens: Token[]): Token[] {
  if (!tokens.some(isPossessive)) return tokens;
  const result: Token[] = [];
  for (const token of tokens) {
    const match = isPossessive(token) ? POSSESSIVE.exec(token.text) : null;
    if (!match) {
      token.index = result.length; // tokens are this function's own: renumbered in place
      result.push(token);
      continue;
    }
    const stem = match[1]!;
    const stemPos = token.pos === "PROPN" && caseShape(stem) === "lower" ? "NOUN" : token.pos;
    result.push({ ...token, index: result.length, text: stem, key: matchKey(stem), end: token.start + stem.length, pos: stemPos, ...(token.lemma === undefined ? {} : { lemma: stem.toLowerCase() }), shape: caseShape(stem) });
    const mark = match[2]!;
    result.push({ ...token, index: result.length, text: mark, key: matchKey(mark), start: token.start + stem.length, pos: "PART", ...(token.lemma === undefined ? {} : { lemma: "'s" }), spaceBefore: false, shape: caseShape(mark) });
  }
  return result;
}

function resync(text: string, value: string, from: number): number {
  const found = text.indexOf(value, from);
  if (found < 0) throw new Error(`tokenizer lost its place at offset ${from}`);
  return found;
}

function sentenceIndexByToken(spans: [number, number][], count: number): number[] {
  const result = new Array<number>(count).fill(0);
  spans.forEach(([from, to], sentence) => {
    for (let i = from; i <= to && i < count; i++) result[i] = sentence;
  });
  return result;
}

/** True for tokens that count as words (for densities and per-1,000-word rates). */
export function isWordToken(token: Token): boolean {
  return token.type === "word" || token.type === "number";
}

/** A phrase as token keys, with which tokens attach to the previous one without whitespace. */
export interface PhraseTokens {
  keys: string[];
  attached: boolean[];
}

/**
 * Tokenizes many short phrases the way running text is tokenized. wink-nlp splits a text within its
 * whitespace-separated words only, so each distinct word is tokenized once (in one pass, words
 * joined by blank lines) and phrases are assembled from their words: fast for 100,000 entries.
 */
export function tokenizePhrases(phrases: readonly string[]): PhraseTokens[] {
  const missing = phrases.filter((p) => !knownPhrases.has(p));
  if (missing.length > 0) tokenizeNewPhrases(missing).forEach((tokens, i) => knownPhrases.set(missing[i]!, tokens));
  return phrases.map((p) => knownPhrases.get(p)!);
}

/** Phrases tokenized before, or given by a compiled dictionary (see dictionary/compiled.ts). */
const knownPhrases = new Map<string, PhraseTokens>();

/**
 * Drops the remembered phrase tokens. A process that builds one unspinner (a batch worker) does not
 * need them once its index is built: a few MB per thread.
 */
export function forgetPhrases(): void {
  knownPhrases.clear();
}

/** Adds phrases whose tokens were computed before (at build time), so they are not tokenized again. */
export function rememberPhrases(phrases: Iterable<readonly [string, PhraseTokens]>): void {
  for (const [phrase, tokens] of phrases) knownPhrases.set(phrase, tokens);
}

function tokenizeNewPhrases(phrases: readonly string[]): PhraseTokens[] {
  const words = [...new Set(phrases.flatMap((p) => p.split(/\s+/).filter(Boolean)))];
  const tokensOfWord = new Map<string, string[]>();
  const separator = "\n\n";
  let word = -1;
  let nextStart = 0;
  for (const token of tokenize(words.join(separator), {})) {
    while (token.start >= nextStart && word < words.length - 1) {
      word++;
      nextStart += (words[word]?.length ?? 0) + separator.length;
      tokensOfWord.set(words[word]!, []);
    }
    if (token.type === "tabCRLF" || token.text.trim() === "") continue;
    tokensOfWord.get(words[word]!)!.push(token.key);
  }
  return phrases.map((phrase) => {
    const keys: string[] = [];
    const attached: boolean[] = [];
    for (const w of phrase.split(/\s+/).filter(Boolean)) {
      (tokensOfWord.get(w) ?? [matchKey(w)]).forEach((key, k) => {
        keys.push(key);
        attached.push(k > 0);
      });
    }
    return { keys, attached };
  });
}
