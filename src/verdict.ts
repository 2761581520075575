import type { ScoredCandidate } from "./scoring.js";
import { cleanToSpunRatio } from "./scoring.js";

/** Document-level summary of how spun a text is. */
export interface DocumentScore {
  /** Number of word tokens in the text. */
  words: number;
  /** Share of the words that lie in spans reported as spun (at the chosen threshold). */
  spunWordShare: number;
  /** Estimated spin rate (spun units per word) from all candidates, weighted by their probability. */
  spinRate: number;
  /** Probability that the document as a whole was spun. */
  spinProbability: number;
  verdict: "spun" | "clean";
}

/** Spin rate of the dictionary-detectable units in a typical spun page, and in a clean one. */
const SPUN_RATE = 0.15;
const CLEAN_RATE = 0.001;
/**
 * Per-word evidence of a word that no entry matched: a spun page has fewer of them. Only a fraction of
 * spun words are listed anywhere, so the penalty is mild (log of 1 − 0.15 × 0.3).
 */
const UNMATCHED_WORD_LOG_RATIO = Math.log(1 - SPUN_RATE * 0.3);

/**
 * Likelihood-ratio test between "spun at SPUN_RATE" and "clean at CLEAN_RATE": each candidate adds the
 * log ratio of its probability under both rates, each unmatched word a small penalty.
 */
export function spinProbability(candidates: readonly ScoredCandidate[], words: number): number {
  let logOdds = 0;
  for (const c of candidates) {
    const ratio = cleanToSpunRatio(c.legit);
    logOdds += Math.log((SPUN_RATE + (1 - SPUN_RATE) * ratio) / (CLEAN_RATE + (1 - CLEAN_RATE) * ratio));
  }
  logOdds += Math.max(0, words - candidates.length) * UNMATCHED_WORD_LOG_RATIO;
  return 1 / (1 + Math.exp(-logOdds));
}

export function scoreDocument(all: readonly ScoredCandidate[], reportedWords: number, words: number, rate: number): DocumentScore {
  const probability = words === 0 ? 0 : spinProbability(all, words);
  return {
    words,
    spunWordShare: words === 0 ? 0 : reportedWords / words,
    spinRate: rate,
    spinProbability: probability,
    verdict: probability >= 0.5 ? "spun" : "clean",
  };
}
