import type { CompositionModel } from "./compose.js";
import { SENTENCE_END, SENTENCE_START, type LanguageModel } from "./language-model.js";
import type { Token } from "./tokenize.js";

/**
 * Candidate generation and context fit for single words that no dictionary line lists: the word is
 * read back through the spinner's word habits (compose.ts: `gamers` → `players`, learned from
 * `professional gamers`), and each reading is weighed by how much better the original fits between
 * the word's neighbours than the word itself, by the language model.
 *
 * The fit alone cannot tell a spin from a writer's choice: clean text is full of words a commoner
 * synonym would fit better (`automobile`, `purchase`). So a fit reading adds no evidence that a text
 * is spun; it is scored at the spin rate the listed spans leave unexplained (scoring.ts), and clean
 * text leaves it far below the threshold. Its prior is a noisy channel (see FitChannel).
 */
export interface FitReading {
  /** Array index of the word's token. */
  at: number;
  original: string;
  /** log10 of how much better the original fits its neighbours than the word. */
  gain: number;
  /** The part of the gain that is the words' own frequency: log10 P(original) − log10 P(word). */
  frequency: number;
  /** How many dictionary lines teach the habit. */
  lines: number;
}

/** Readings that fit less than 10^MIN_GAIN times better are not candidates at all. */
const MIN_GAIN = 0.5;
/**
 * A first reading that fits 10 times better counts as the restored neighbour of the words beside it
 * (log loss with each document left out, scripts/fit-word-fit.ts: one pass 0.600; a second pass with
 * neighbours from first readings of gain 0.5, 1, 1.5, 2: 0.597, 0.593, 0.592, 0.596).
 */
const NEIGHBOUR_GAIN = 1;

/**
 * The noisy channel behind a fit reading's prior. The gain splits into how much commoner the original
 * is (`frequency`) and how much better it goes with these neighbours than its frequency alone says
 * (`association` = gain − frequency); a bigram model overstates both, frequency most (clean text is
 * full of words a commoner synonym fits better: `petrol`, `tournaments`, `pivotal`). The reading's
 * odds of being the original are the spin rate's odds × habitShare × 10^(associationWeight ×
 * association + frequencyWeight × frequency) × lines^lineWeight (a habit many lines teach is a
 * spinner's habit more surely).
 */
export interface FitChannel {
  habitShare: number;
  associationWeight: number;
  frequencyWeight: number;
  lineWeight: number;
}

/**
 * Fitted by maximum likelihood on the fit readings of the dev pages and the seed, scored with every
 * dictionary line and again without the lines for their marks (`scripts/fit-word-fit.ts`). With the
 * dictionaries of 2026-11-28 (31,294 forms), separate weights for association, frequency and lines
 * fit better with each document left out of the fit (log loss 0.580) than one weight for the whole
 * gain (0.593): a habit that more lines teach is more surely the spinner's. (With 27,941 forms the
 * two had been equal out of sample, and the one-weight channel shipped.)
 */
export const FITTED_CHANNEL: FitChannel = { habitShare: 10 ** -0.38, associationWeight: 0.299, frequencyWeight: 0.177, lineWeight: 0.332 };

/** Tags of words a spinner rewrites and a habit can read back; names and numbers are left alone. */
const REREAD_TAGS = new Set(["NOUN", "VERB", "ADJ", "ADV", "AUX"]);

/**
 * Whether a word may be read back: by its tag, and at the start of a sentence also when tagged a
 * proper noun (wink-nlp takes many capitalised first words for names; a name elsewhere is left alone).
 */
function rereadable(token: Token, startsSentence: boolean): boolean {
  return REREAD_TAGS.has(token.pos) || (startsSentence && token.pos === "PROPN");
}

/** log10 of the channel's odds factor for a reading (see FitChannel). */
export function fitLogOdds(reading: Pick<FitReading, "gain" | "frequency" | "lines">, channel: FitChannel = FITTED_CHANNEL): number {
  const association = reading.gain - reading.frequency;
  return Math.log10(channel.habitShare) + channel.associationWeight * association + channel.frequencyWeight * reading.frequency + channel.lineWeight * Math.log10(reading.lines);
}

/**
 * Prior legitimacy (see dictionaries/FORMAT.md) of a fit reading: the clean-to-spun ratio is the
 * inverse of the channel's odds factor.
 */
export function fitLegit(reading: Pick<FitReading, "gain" | "frequency" | "lines">, channel: FitChannel = FITTED_CHANNEL): number {
  const ratio = 10 ** -fitLogOdds(reading, channel);
  return ratio / (1 + ratio);
}

export class WordFit {
  /** Habits by spun word, with model ids (bounded by the habit vocabulary: the words that have habits). */
  private readonly habitIds = new Map<string, HabitIds>();

  constructor(
    private readonly model: LanguageModel,
    private readonly composer: CompositionModel,
    readonly channel: FitChannel = FITTED_CHANNEL,
  ) {}

  /**
   * The best reading of every word token of `tokens` that `isCovered` does not exclude, where one fits
   * at least 10^MIN_GAIN times better. Neighbours are the adjacent words of the same sentence
   * (punctuation and numbers are skipped: the model was trained on words alone), as restored where
   * `restored` knows a likely restoration: spinners rewrite neighbouring words together, and
   * `the advanced panorama` is judged word by word against `the complex landscape`, not against itself.
   * Readings are decoded twice: the second time, a neighbour that a first reading restores with a
   * gain of at least NEIGHBOUR_GAIN counts as restored too.
   */
  readingsIn(tokens: readonly Token[], isCovered: (at: number) => boolean, restored: RestoredNeighbours = NO_RESTORATIONS): FitReading[] {
    const words: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === "word") words.push(i);
    const candidates = words.map((_, w) => w).filter((w) => this.isCandidate(tokens, words, w, isCovered));
    const first = candidates.map((w) => this.readingAt(tokens, words, w, restored));
    const likely = new Map<number, string>();
    for (const reading of first) if (reading && reading.gain >= NEIGHBOUR_GAIN) likely.set(reading.at, reading.original);
    const withFirstReadings: RestoredNeighbours = {
      firstWordAt: (at) => restored.firstWordAt(at) ?? likely.get(at),
      lastWordAt: (at) => restored.lastWordAt(at) ?? likely.get(at),
    };
    // Only a word beside a likely first reading can read differently the second time.
    const besideLikely = (w: number) => likely.has(words[w - 1] ?? -1) || likely.has(words[w + 1] ?? -1);
    const readings = candidates.map((w, i) => (besideLikely(w) ? this.readingAt(tokens, words, w, withFirstReadings) : first[i]));
    return readings.filter((r): r is FitReading => r !== undefined);
  }

  /** Whether word `w` may get a reading at all (see readingsIn). */
  private isCandidate(tokens: readonly Token[], words: readonly number[], w: number, isCovered: (at: number) => boolean): boolean {
    const at = words[w]!;
    const token = tokens[at]!;
    // A word with a line of its own is the dictionary's to judge: its conditions or prior said no here.
    return this.composer.habitsOf(token.key).length > 0 && rereadable(token, startsSentence(tokens, words, w)) && !isCovered(at) && !this.composer.hasOwnLine(token.key);
  }

  /** The best reading of word `w` between its neighbours as `restored` reads them, if one fits well enough. */
  private readingAt(tokens: readonly Token[], words: readonly number[], w: number, restored: RestoredNeighbours): FitReading | undefined {
    const at = words[w]!;
    const token = tokens[at]!;
    const before = words[w - 1];
    const after = words[w + 1];
    const model = this.model;
    const previous = model.wordId(!startsSentence(tokens, words, w) ? (restored.lastWordAt(before!) ?? tokens[before!]!.key) : SENTENCE_START);
    const next = model.wordId(after !== undefined && tokens[after]!.sentence === token.sentence ? (restored.firstWordAt(after) ?? tokens[after]!.key) : SENTENCE_END);
    const written = model.wordId(token.key);
    const asWritten = model.fitOfIds(previous, written, next);
    const habits = this.habitsOf(token.key);
    // Which original: the habit's share of the word's habits (its lines) times the likelihood ratio.
    let best: FitReading | undefined;
    let bestScore = -Infinity;
    let bestId = -1;
    for (let h = 0; h < habits.words.length; h++) {
      const id = habits.ids[h]!;
      const gain = model.fitOfIds(previous, id, next) - asWritten;
      const score = gain + habits.logLines[h]!;
      if (gain >= MIN_GAIN && score > bestScore) [best, bestScore, bestId] = [{ at, original: habits.words[h]!, gain, frequency: 0, lines: habits.lines[h]! }, score, id];
    }
    if (best) best.frequency = model.unigramOfId(bestId) - model.unigramOfId(written);
    return best;
  }

  /** A spun word's habits with their model ids, looked up once per word (a page repeats its words). */
  private habitsOf(spunWord: string): HabitIds {
    let habits = this.habitIds.get(spunWord);
    if (!habits) {
      const list = this.composer.habitsOf(spunWord);
      habits = {
        words: list.map((h) => h.word),
        ids: Int32Array.from(list, (h) => this.model.wordId(h.word)),
        lines: list.map((h) => h.lines),
        logLines: Float64Array.from(list, (h) => Math.log10(h.lines)),
      };
      this.habitIds.set(spunWord, habits);
    }
    return habits;
  }
}

interface HabitIds {
  words: string[];
  ids: Int32Array;
  lines: number[];
  logLines: Float64Array;
}

function startsSentence(tokens: readonly Token[], words: readonly number[], w: number): boolean {
  const before = words[w - 1];
  return before === undefined || tokens[before]!.sentence !== tokens[words[w]!]!.sentence;
}

/**
 * The words that likely stand at the edges of other candidates once restored, by the array index of
 * the token they replace: `firstWordAt` for a span's first token, `lastWordAt` for its last.
 */
export interface RestoredNeighbours {
  firstWordAt(at: number): string | undefined;
  lastWordAt(at: number): string | undefined;
}

const NO_RESTORATIONS: RestoredNeighbours = { firstWordAt: () => undefined, lastWordAt: () => undefined };
