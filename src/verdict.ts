import { evidenceOf, logistic, spinLogOdds, unitShares, type ScoredCandidate } from "./scoring.js";

/** Document-level summary of how spun a text is. */
export interface DocumentScore {
  /** Number of word tokens in the text. */
  words: number;
  /** Share of the words that lie in spans reported as spun (at the chosen threshold). */
  spunWordShare: number;
  /** Expected share of spun units per word, from all candidates weighted by their probability. */
  spinRate: number;
  /** Probability that the document as a whole was spun. */
  spinProbability: number;
  verdict: "spun" | "clean";
}

/** Probability that the whole text is spun, from the evidence of every candidate. */
export function spinProbability(candidates: readonly ScoredCandidate[], words: number): number {
  if (words === 0) return 0;
  const shares = unitShares(candidates);
  const evidence = candidates.reduce((sum, c, i) => sum + evidenceOf(c.legit) * shares[i]!, 0);
  const units = shares.reduce((a, b) => a + b, 0);
  return logistic(spinLogOdds(evidence, units, words));
}

export function scoreDocument(all: readonly ScoredCandidate[], reportedWords: number, words: number, rate: number): DocumentScore {
  const probability = spinProbability(all, words);
  return {
    words,
    spunWordShare: words === 0 ? 0 : reportedWords / words,
    spinRate: rate,
    spinProbability: probability,
    verdict: probability >= 0.5 ? "spun" : "clean",
  };
}
