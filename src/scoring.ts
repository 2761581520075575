import type { Candidate } from "./candidates.js";

/** A candidate with the probability that its span is spinner output. */
export interface ScoredCandidate extends Candidate {
  /** P(spun | entry prior, spin evidence around it): 0..1. */
  confidence: number;
  /** Position of the candidate's first token among the text's word tokens. */
  wordPosition: number;
}

/**
 * Spin rates behind the two hypotheses a text is judged between. In a spun text a listed word is spun
 * at RHO_SPUN, which is the rate at which an entry's `legit` is defined (the share of legitimate uses
 * in a half-spun document), so in a spun text P(spun) = 1 − legit. Clean text still carries the odd
 * spinner-made phrase (quoted, copied), at RHO_CLEAN.
 */
const RHO_SPUN = 0.5;
const RHO_CLEAN = 0.002;

/**
 * The evidence model used to decide whether a stretch of text is spun: the share of words that carry
 * a detectable spin in spun text (DETECTABLE_SPUN) versus clean text (DETECTABLE_CLEAN). Each word no
 * entry matched counts mildly for "clean": only a fraction of spun words are listed anywhere.
 */
const DETECTABLE_SPUN = 0.15;
const DETECTABLE_CLEAN = 0.001;
const UNMATCHED_WORD_LOG_RATIO = Math.log(1 - DETECTABLE_SPUN * 0.3);
/** Half-width, in words, of the neighbourhood that can vouch for a span in an otherwise clean text. */
const WINDOW_WORDS = 40;

/** legit/(1 − legit): (frequency in clean text) / (frequency as spinner output). */
export function cleanToSpunRatio(legit: number): number {
  return legit / (1 - legit);
}

/** P(spun) of one occurrence, given the spin rate of the text around it. */
export function spunProbability(legit: number, rate: number): number {
  const ratio = cleanToSpunRatio(legit);
  return rate / (rate + (1 - rate) * ratio);
}

/** Log likelihood ratio (spun text : clean text) contributed by one matched span. */
export function evidenceOf(legit: number): number {
  const ratio = cleanToSpunRatio(legit);
  return Math.log((DETECTABLE_SPUN + (1 - DETECTABLE_SPUN) * ratio) / (DETECTABLE_CLEAN + (1 - DETECTABLE_CLEAN) * ratio));
}

/** Log odds that a stretch of `words` words with these matched spans is spun (prior odds 1:1). */
export function spinLogOdds(evidence: number, matchedUnits: number, words: number): number {
  return evidence + Math.max(0, words - matchedUnits) * UNMATCHED_WORD_LOG_RATIO;
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** How much one candidate counts as a unit of evidence (overlapping readings share one unit). */
export function unitShares(candidates: readonly Candidate[]): number[] {
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

/** Sum of evidence and of units of the candidates whose word position lies in [from, to). */
class EvidenceWindow {
  private readonly prefixEvidence: number[];
  private readonly prefixUnits: number[];
  constructor(private readonly positions: number[], evidence: number[], shares: number[]) {
    this.prefixEvidence = [0];
    this.prefixUnits = [0];
    positions.forEach((_, i) => {
      this.prefixEvidence.push(this.prefixEvidence[i]! + evidence[i]! * shares[i]!);
      this.prefixUnits.push(this.prefixUnits[i]! + shares[i]!);
    });
  }
  private lowerBound(position: number): number {
    let lo = 0;
    let hi = this.positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.positions[mid]! < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  sum(from: number, to: number): { evidence: number; units: number } {
    const a = this.lowerBound(from);
    const b = this.lowerBound(to);
    return { evidence: this.prefixEvidence[b]! - this.prefixEvidence[a]!, units: this.prefixUnits[b]! - this.prefixUnits[a]! };
  }
}

/** Spin rate around a candidate, from the probability that the text around it is spun. */
function rateFromOdds(logOdds: number): number {
  const spun = logistic(logOdds);
  return spun * RHO_SPUN + (1 - spun) * RHO_CLEAN;
}

/**
 * Scores candidates. Each one's probability uses the spin evidence of the *other* candidates (its own
 * must not vouch for itself), from the whole document and from its neighbourhood (so that a spun
 * passage inside a clean page is still found), whichever is stronger.
 * `wordPositions[i]` is the word index at which candidate i starts; candidates must be in text order.
 */
export function scoreCandidates(candidates: readonly Candidate[], wordPositions: readonly number[], words: number): { scored: ScoredCandidate[]; rate: number } {
  const shares = unitShares(candidates);
  const evidence = candidates.map((c) => evidenceOf(c.legit));
  const window = new EvidenceWindow([...wordPositions], evidence, shares);
  const all = window.sum(-Infinity, Infinity);
  const scored = candidates.map((c, i) => {
    const own = evidence[i]! * shares[i]!;
    const docOdds = spinLogOdds(all.evidence - own, all.units - shares[i]!, words);
    const position = wordPositions[i]!;
    const near = window.sum(position - WINDOW_WORDS, position + WINDOW_WORDS + 1);
    const windowWords = Math.min(words, position + WINDOW_WORDS + 1) - Math.max(0, position - WINDOW_WORDS);
    const nearOdds = spinLogOdds(near.evidence - own, near.units - shares[i]!, windowWords);
    const rate = rateFromOdds(Math.max(docOdds, nearOdds));
    return { ...c, confidence: spunProbability(c.legit, rate), wordPosition: position };
  });
  const expectedSpun = scored.reduce((sum, c, i) => sum + c.confidence * shares[i]!, 0);
  return { scored, rate: words === 0 ? 0 : expectedSpun / words };
}
