import type { CompositionModel } from "./compose.js";
import { SENTENCE_END, SENTENCE_START, type LanguageModel } from "./language-model.js";
import type { Token } from "./tokenize.js";

/**
 * Candidate generation and context fit for single words that no dictionary line lists: the word is
 * read back through the spinner's word habits (compose.ts: `gamers` → `players`, learned from
 * `avid gamers` and `professional gamers`), and each reading is weighed by how much better the
 * original fits between the word's neighbours than the word itself, by the language model.
 *
 * The fit alone cannot tell a spin from a writer's choice: clean text is full of words a more common
 * synonym would fit better (`automobile`, `purchase`). So a fit reading adds no evidence that a text
 * is spun; it is scored like any candidate, at the spin rate the other spans around it set, and clean
 * text leaves it far below the threshold. The gain enters as a likelihood ratio (noisy channel):
 * P(text | original) / P(text | word) = 10^gain, times the share of habit words a spinner writes.
 */
export interface FitReading {
  /** Array index of the word's token. */
  at: number;
  original: string;
  /** log10 of how much better the original fits its neighbours than the word. */
  gain: number;
}

/** Readings that fit less than 10^MIN_GAIN times better are not candidates at all. */
const MIN_GAIN = 0.5;

/**
 * The noisy channel behind a fit reading's prior: its odds of being the original are the spin rate's
 * odds × habitShare × 10^(gainWeight × gain).
 */
export interface FitChannel {
  /** How often, in spun text, a habit word stands for its original before its context is weighed. */
  habitShare: number;
  /** How much of the language model's log likelihood ratio counts as evidence. */
  gainWeight: number;
}

/**
 * Fitted by maximum likelihood (log loss 0.617 against exact restoration) on the fit readings of the
 * dev pages and the seed, scored with every dictionary line and again without the lines for their
 * marks (`scripts/fit-word-fit.ts`). The weight is far below 1: a bigram model's likelihood ratio
 * overstates the evidence, since clean text is full of words a more common synonym would fit better
 * (`petrol`, `tournaments`, `pivotal`).
 */
export const FITTED_CHANNEL: FitChannel = { habitShare: 10 ** -0.2, gainWeight: 0.2 };

/** Tags of words a spinner rewrites and a habit can read back; names and numbers are left alone. */
const REREAD_TAGS = new Set(["NOUN", "VERB", "ADJ", "ADV", "AUX"]);

/**
 * Prior legitimacy (see dictionaries/FORMAT.md) of a fit reading with this gain: the clean-to-spun
 * ratio is 10^(−gainWeight × gain) / habitShare.
 */
export function fitLegit(gain: number, channel: FitChannel = FITTED_CHANNEL): number {
  const ratio = 10 ** (-channel.gainWeight * gain) / channel.habitShare;
  return ratio / (1 + ratio);
}

export class WordFit {
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
   */
  readingsIn(tokens: readonly Token[], isCovered: (at: number) => boolean, restored: RestoredNeighbours = NO_RESTORATIONS): FitReading[] {
    const words: number[] = [];
    for (let i = 0; i < tokens.length; i++) if (tokens[i]!.type === "word") words.push(i);
    const readings: FitReading[] = [];
    for (let w = 0; w < words.length; w++) {
      const at = words[w]!;
      const token = tokens[at]!;
      const habits = this.composer.habitsOf(token.key);
      // A word with a line of its own is the dictionary's to judge: its conditions or prior said no here.
      if (habits.length === 0 || !REREAD_TAGS.has(token.pos) || isCovered(at) || this.composer.hasOwnLine(token.key)) continue;
      const before = words[w - 1];
      const after = words[w + 1];
      const previous = before !== undefined && tokens[before]!.sentence === token.sentence ? (restored.lastWordAt(before) ?? tokens[before]!.key) : SENTENCE_START;
      const next = after !== undefined && tokens[after]!.sentence === token.sentence ? (restored.firstWordAt(after) ?? tokens[after]!.key) : SENTENCE_END;
      const asWritten = this.model.fit(previous, token.key, next);
      let best: FitReading | undefined;
      for (const { word } of habits) {
        const gain = this.model.fit(previous, word, next) - asWritten;
        if (gain >= MIN_GAIN && gain > (best?.gain ?? -Infinity)) best = { at, original: word, gain };
      }
      if (best) readings.push(best);
    }
    return readings;
  }
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
