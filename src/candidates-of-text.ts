/*
 * The candidate stage over a whole text: a stretch of paragraphs at a time (see tokenize.ts), so only
 * one stretch's tokens are ever held. A `doc:` condition asks about the stretch being read: the whole
 * text, up to 64 kB.
 */
import { DocumentWords, documentWordsIn, findCandidates, type Candidate } from "./candidates.js";
import type { CompositionModel } from "./compose.js";
import type { DictionaryIndex } from "./dictionary/index.js";
import { isWordToken, rebase, stretchBounds, tokenizeRange, type Token } from "./tokenize.js";
import type { WordFit } from "./word-fit.js";

/** What finding candidates needs besides the text. */
export interface CandidateSources {
  index: DictionaryIndex;
  composer?: CompositionModel;
  /** Absent when the unspinner was created with `languageModel: false`. */
  wordFit?: WordFit;
}

/** The candidates of a text, each with the position of its first token among the text's words. */
export interface TextCandidates {
  candidates: Candidate[];
  positions: number[];
  /** Word tokens in the text. */
  words: number;
}

/** What one paragraph (piece) yielded, as found in the text it was read in (offsets are that text's). */
interface PieceResult {
  from: number;
  tokenBase: number;
  tokens: number;
  words: number;
  candidates: Candidate[];
  /** Each candidate's word position within the piece. */
  positions: number[];
  /** The `doc:` condition words the piece contains. */
  documentWords: ReadonlySet<string>;
  /** The `doc:` questions asked while it was read (maybe more than its own), with their answers. */
  answers: ReadonlyMap<ReadonlySet<string>, boolean>;
}

/**
 * Paragraphs already read, by their text. Repair looks at its own output again to make sure it is
 * stable; the output differs from the input only inside the edits, so most paragraphs are the same
 * text and their candidates are taken from here (moved to their new offsets) instead of being found
 * again. What is found in a paragraph depends on its text alone and on the answers to the `doc:`
 * questions asked while it was read, which are asked again of the new text. One memo serves one repair.
 */
export class PieceMemo {
  readonly byText = new Map<string, PieceResult>();
}

/** Part of a stretch: a paragraph the memo knows, or consecutive paragraphs read together. */
type Part = KnownPart | ReadPart;
interface KnownPart {
  kind: "known";
  piece: [number, number];
  result: PieceResult;
}
interface ReadPart {
  kind: "read";
  pieces: [number, number][];
  tokens: Token[];
  /** Its `doc:` condition words, once some condition asks. */
  documentWords?: ReadonlySet<string>;
}

/** Consecutive paragraphs, tokenized with one call of wink-nlp. */
function toRead(text: string, pieces: [number, number][]): ReadPart {
  return { kind: "read", pieces, tokens: tokenizeRange(text, pieces[0]![0], pieces.at(-1)![1]) };
}

function wordsOf(part: Part, asked: ReadonlySet<string>): ReadonlySet<string> {
  if (part.kind === "known") return part.result.documentWords;
  return (part.documentWords ??= documentWordsIn(part.tokens, asked));
}

/** The `doc:` condition words of a stretch's parts, gathered when a condition first asks. */
function stretchWords(parts: readonly Part[], asked: ReadonlySet<string>): () => ReadonlySet<string> {
  let present: Set<string> | undefined;
  return () => {
    if (present) return present;
    present = new Set<string>();
    for (const part of parts) for (const word of wordsOf(part, asked)) present.add(word);
    return present;
  };
}

/** The stretch's paragraphs: those the memo knows, the others in runs read together. */
function partsOf(text: string, stretch: [number, number][], memo: PieceMemo | undefined): Part[] {
  if (!memo) return [toRead(text, stretch)];
  const parts: Part[] = [];
  let run: [number, number][] = [];
  for (const piece of stretch) {
    const result = memo.byText.get(text.slice(piece[0], piece[1]));
    if (!result) {
      run.push(piece);
      continue;
    }
    if (run.length > 0) parts.push(toRead(text, run));
    run = [];
    parts.push({ kind: "known", piece, result });
  }
  if (run.length > 0) parts.push(toRead(text, run));
  return parts;
}

/** A candidate found at other offsets, moved by `chars` characters and `tokens` tokens. */
function moved(candidate: Candidate, chars: number, tokens: number): Candidate {
  if (chars === 0 && tokens === 0) return candidate;
  const { article } = candidate.context;
  const context = article ? { ...candidate.context, article: { ...article, start: article.start + chars, end: article.end + chars } } : candidate.context;
  return {
    ...candidate, start: candidate.start + chars, end: candidate.end + chars,
    startToken: candidate.startToken + tokens, endToken: candidate.endToken + tokens, context,
  };
}

/** True when the stretch answers every `doc:` question asked while a paragraph was read as it was answered then. */
function sameAnswers(known: PieceResult, documentWords: DocumentWords): boolean {
  for (const [wanted, answer] of known.answers) if (documentWords.hasAny(wanted) !== answer) return false;
  return true;
}

/** Word tokens before each token of a run (and in all, at the end). */
function wordsBefore(tokens: readonly Token[]): number[] {
  const counts = new Array<number>(tokens.length + 1);
  counts[0] = 0;
  for (let i = 0; i < tokens.length; i++) counts[i + 1] = counts[i]! + (isWordToken(tokens[i]!) ? 1 : 0);
  return counts;
}

const NO_WORDS: ReadonlySet<string> = new Set();

/** A paragraph's `doc:` words, kept per paragraph: most have none, and share one empty set. */
function ownWords(tokens: readonly Token[], from: number, to: number, asked: ReadonlySet<string>): ReadonlySet<string> {
  const words = documentWordsIn(tokens, asked, from, to);
  return words.size === 0 ? NO_WORDS : words;
}

/**
 * What a run yielded, one result per paragraph, for the memo. No candidate spans a paragraph break,
 * so each belongs to the paragraph it starts in.
 */
function byPiece(text: string, part: ReadPart, candidates: readonly Candidate[], words: readonly number[], answers: PieceResult["answers"], asked: ReadonlySet<string>): [string, PieceResult][] {
  const { tokens } = part;
  const runBase = tokens[0]?.index ?? 0;
  const results: [string, PieceResult][] = [];
  let t = 0;
  let c = 0;
  for (const [from, to] of part.pieces) {
    const [firstToken, firstCandidate] = [t, c];
    while (t < tokens.length && tokens[t]!.start < to) t++;
    while (c < candidates.length && candidates[c]!.start < to) c++;
    const own = candidates.slice(firstCandidate, c);
    results.push([text.slice(from, to), {
      from, tokenBase: runBase + firstToken, tokens: t - firstToken, words: words[t]! - words[firstToken]!, candidates: own,
      positions: own.map((x) => words[x.startToken - runBase]! - words[firstToken]!),
      documentWords: ownWords(tokens, firstToken, t, asked), answers,
    }]);
  }
  return results;
}

/**
 * Finds the candidates of a text. With a memo, the paragraphs it knows are not read again (when the
 * text answers their `doc:` questions alike), and the paragraphs read are added to it.
 */
export function candidatesOfText(sources: CandidateSources, text: string, memo?: PieceMemo): TextCandidates {
  const result: TextCandidates = { candidates: [], positions: [], words: 0 };
  const asked = sources.index.documentConditionWords;
  let tokenBase = 0;
  const read = (part: ReadPart, present: () => ReadonlySet<string>) => {
    rebase(part.tokens, tokenBase, 0);
    const documentWords = new DocumentWords(present);
    const candidates = findCandidates(part.tokens, text, sources.index, sources.composer, sources.wordFit, documentWords);
    const words = wordsBefore(part.tokens);
    for (const c of candidates) {
      result.candidates.push(c);
      result.positions.push(result.words + words[c.startToken - tokenBase]!);
    }
    if (memo) for (const [pieceText, piece] of byPiece(text, part, candidates, words, documentWords.answers, asked)) memo.byText.set(pieceText, piece);
    result.words += words[part.tokens.length]!;
    tokenBase += part.tokens.length;
  };
  for (const stretch of stretchBounds(text)) {
    const parts = partsOf(text, stretch, memo);
    const present = stretchWords(parts, asked);
    for (const part of parts) {
      if (part.kind === "read") {
        read(part, present);
        continue;
      }
      const known = part.result;
      if (!sameAnswers(known, new DocumentWords(present))) {
        read(toRead(text, [part.piece]), present);
        continue;
      }
      const [chars, tokens] = [part.piece[0] - known.from, tokenBase - known.tokenBase];
      for (const c of known.candidates) result.candidates.push(moved(c, chars, tokens));
      for (const p of known.positions) result.positions.push(result.words + p);
      result.words += known.words;
      tokenBase += known.tokens;
    }
  }
  return result;
}
