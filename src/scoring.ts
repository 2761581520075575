import type { Candidate } from "./candidates.js";

/** A candidate with the probability that its span is spinner output. */
export interface ScoredCandidate extends Candidate {
  /** P(spun | entry prior, document spin rate): 0..1. */
  confidence: number;
}

/**
 * Prior on the document spin rate, as pseudo-counts: most documents are clean, so a document must show
 * several spun spans before ordinary-word entries may fire. Mean 0.2 / 100 = 0.002 spun words per word.
 */
const PRIOR_SPUN_UNITS = 0.2;
const PRIOR_WORDS = 100;
const ITERATIONS = 25;

/**
 * Odds form of the entry prior. `legit` is the share of legitimate uses at a spin rate of 1/2, so
 * legit/(1-legit) is (frequency in clean text) / (frequency as spinner output).
 */
export function cleanToSpunRatio(legit: number): number {
  return legit / (1 - legit);
}

/** P(spun) of one occurrence, given the spin rate of the text around it. */
export function spunProbability(legit: number, rate: number): number {
  const ratio = cleanToSpunRatio(legit);
  return rate / (rate + (1 - rate) * ratio);
}

/** How much one candidate counts towards the number of spun units (overlapping readings share one). */
function unitShares(candidates: readonly Candidate[]): number[] {
  const order = candidates.map((_, i) => i).sort((a, b) => candidates[a]!.start - candidates[b]!.start);
  const overlaps = new Array<number>(candidates.length).fill(1);
  for (let x = 0; x < order.length; x++) {
    const a = candidates[order[x]!]!;
    for (let y = x + 1; y < order.length && candidates[order[y]!]!.start < a.end; y++) {
      overlaps[order[x]!]!++;
      overlaps[order[y]!]!++;
    }
  }
  return overlaps.map((n) => 1 / n);
}

/**
 * Scores candidates with the document's spin rate, estimated jointly with them (EM): the rate is the
 * expected share of spun units among the words, each candidate's probability uses the rate estimated
 * from the *other* candidates (its own evidence must not vouch for itself).
 */
export function scoreCandidates(candidates: readonly Candidate[], wordCount: number): { scored: ScoredCandidate[]; rate: number } {
  const shares = unitShares(candidates);
  const denominator = PRIOR_WORDS + wordCount;
  let probabilities = candidates.map(() => 0);
  let total = 0;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    probabilities = candidates.map((c, i) => {
      const othersRate = (PRIOR_SPUN_UNITS + total - probabilities[i]! * shares[i]!) / denominator;
      return spunProbability(c.legit, Math.min(Math.max(othersRate, 1e-6), 0.95));
    });
    total = probabilities.reduce((sum, p, i) => sum + p * shares[i]!, 0);
  }
  const rate = (PRIOR_SPUN_UNITS + total) / denominator;
  return { scored: candidates.map((c, i) => ({ ...c, confidence: probabilities[i]! })), rate };
}
