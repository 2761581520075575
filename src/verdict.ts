import { logistic } from "./confidence.js";
import type { ScoredText } from "./scoring.js";

/** Document-level summary of how spun a text is. */
export interface DocumentScore {
  /** Number of word tokens in the text. */
  words: number;
  /** Share of the words that lie in spans reported as spun (at the chosen threshold). */
  spunWordShare: number;
  /** Expected share of spun units per word, from all candidates weighted by their probability. */
  spinRate: number;
  /**
   * Evidence that the document is spun: the log likelihood ratio (spun : clean) its candidates add,
   * net of its length. Around 0–2 for clean text, higher for spun text; spinProbability maps it.
   */
  spinEvidence: number;
  /** Probability that the document as a whole was spun (spun and clean taken as equally likely beforehand). */
  spinProbability: number;
  verdict: "spun" | "clean";
}

/**
 * Maps the text's evidence (scoring.ts, documentEvidence) to P(spun) for a reader who thinks spun and
 * clean texts equally likely: a logistic regression with balanced classes on the 41 raw dev pages and
 * the seed article (spun) against 100-, 300-, 1,000- and 5,000-word windows of State of the Union
 * addresses since 1990 and of corpus/clean (clean); refit with `npx tsx scripts/fit-verdict.ts DEV_PAGES/raw`.
 */
export const VERDICT_MAP = { slope: 2.007, intercept: -2.325 } as const;

/**
 * The verdict says "spun" only from this probability (evidence 2.25): calling a clean page spun costs
 * a user's trust more than missing a lightly spun one. At 0.5 (evidence 1.16) one more dev page would
 * be caught and a clean text full of spinner-prone phrases (tests/pipeline.test.ts) would sit at the line.
 */
export const SPUN_VERDICT_FROM = 0.9;

/** P(the document is spun) from its evidence (see VERDICT_MAP). */
export function documentSpinProbability(evidence: number, words: number): number {
  return words === 0 ? 0 : logistic(VERDICT_MAP.slope * evidence + VERDICT_MAP.intercept);
}

/** The document summary, from the text-wide evidence the candidates were scored with. */
export function scoreDocument(scoredText: Pick<ScoredText, "documentEvidence" | "rate">, reportedWords: number, words: number): DocumentScore {
  const probability = documentSpinProbability(scoredText.documentEvidence, words);
  return {
    words,
    spunWordShare: words === 0 ? 0 : reportedWords / words,
    spinRate: scoredText.rate,
    spinEvidence: words === 0 ? 0 : scoredText.documentEvidence,
    spinProbability: probability,
    verdict: probability >= SPUN_VERDICT_FROM ? "spun" : "clean",
  };
}
