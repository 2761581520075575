import { logistic } from "./confidence.js";
import { spinLogOdds, type ScoredText } from "./scoring.js";

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

/** The document summary, from the text-wide evidence the candidates were scored with. */
export function scoreDocument(scoredText: Pick<ScoredText, "evidence" | "units" | "rate">, reportedWords: number, words: number): DocumentScore {
  const probability = words === 0 ? 0 : logistic(spinLogOdds(scoredText.evidence, scoredText.units, words));
  return {
    words,
    spunWordShare: words === 0 ? 0 : reportedWords / words,
    spinRate: scoredText.rate,
    spinProbability: probability,
    verdict: probability >= 0.5 ? "spun" : "clean",
  };
}
