import type { Candidate } from "./candidates.js";
import { applyConfidenceMap, IDENTITY_MAP, logistic, type ConfidenceMap } from "./confidence.js";
import { lowerBound } from "./search.js";
import { documentSpinProbability } from "./verdict.js";

/** A candidate with the probability that its span is spinner output. */
export interface ScoredCandidate extends Candidate {
  /** P(spun | entry prior, spin evidence around it): 0..1. */
  confidence: number;
  /** Position of the candidate's first token among the text's word tokens. */
  wordPosition: number;
}

/**
 * Spin rates behind the two hypotheses a text is judged between. An entry's `legit` is defined at a
 * spin rate of 1/2, so in a typically spun text P(spun) = 1 − legit. Texts are not all spun alike:
 * the rate follows the text's spin density (the expected number of spun units per word among the
 * matched spans), scaled so that a typical spun page of the dev set (density 0.08) gets 1/2, within
 * [RHO_SPUN_MIN, RHO_SPUN_MAX]. Clean text still carries the odd spinner-made phrase, at RHO_CLEAN.
 */
const RHO_SPUN = 0.5;
const TYPICAL_SPIN_DENSITY = 0.08;
const RHO_SPUN_MIN = 0.2;
const RHO_SPUN_MAX = 0.75;
const RHO_CLEAN = 0.002;

/**
 * The evidence model used to decide whether a stretch of text is spun: the share of words that carry
 * a detectable spin in spun text (DETECTABLE_SPUN) versus clean text (DETECTABLE_CLEAN). Each word no
 * entry matched counts mildly for "clean": only a fraction of spun words are listed anywhere.
 */
const DETECTABLE_SPUN = 0.15;
const DETECTABLE_CLEAN = 0.001;
/** An unmatched word in spun text still hides a detectable spin this often, relative to a matched one. */
const UNMATCHED_DETECTABLE_SHARE = 0.3;
const UNMATCHED_WORD_LOG_RATIO = unmatchedLogLikelihood(DETECTABLE_SPUN);
/** Half-width, in words, of the neighbourhood that can vouch for a span in an otherwise clean text. */
const WINDOW_WORDS = 40;

/** legit/(1 − legit): (frequency in clean text) / (frequency as spinner output). */
function cleanToSpunRatio(legit: number): number {
  return legit / (1 - legit);
}

/** P(spun) of one occurrence, given the spin rate of the text around it. */
function spunProbability(legit: number, rate: number): number {
  const ratio = cleanToSpunRatio(legit);
  return rate / (rate + (1 - rate) * ratio);
}

/**
 * Log likelihood (up to a constant shared by all densities) of one matched span in a text where a
 * share `density` of the words carry a detectable spin.
 */
function matchLogLikelihood(legit: number, density: number): number {
  return Math.log(density + (1 - density) * cleanToSpunRatio(legit));
}

/** The same for one word no candidate matched. */
function unmatchedLogLikelihood(density: number): number {
  return Math.log(1 - density * UNMATCHED_DETECTABLE_SHARE);
}

/** Log likelihood ratio (spun text : clean text) contributed by one matched span. */
function evidenceOf(legit: number): number {
  return matchLogLikelihood(legit, DETECTABLE_SPUN) - matchLogLikelihood(legit, DETECTABLE_CLEAN);
}

/**
 * Log odds that a stretch of text is spun before its spans and words are counted. At 1:1 (0) a short
 * snippet with one doubtful span had few words to weigh against it: cut into 20-word windows, clean
 * text got 0.13 false edits per 1,000 words and informal mail 0.25, against 0.00 and 0.01 for the whole
 * documents. At −1 they get 0.07 and 0.09 (scripts/window-false-edits.ts); the seed and the dev pages
 * do not move, the ablation run loses 3 of 663 marks, and the shipped calibration map still holds
 * (ECE 0.030 in-sample). −2 would leave 0.01 and 0.05 but lose a fifth of the edits on spun snippets.
 */
const PRIOR_SPIN_LOG_ODDS = -1;

/** Log odds that a stretch of `words` words with these matched spans is spun. */
function spinLogOdds(evidence: number, matchedUnits: number, words: number): number {
  return PRIOR_SPIN_LOG_ODDS + evidence + Math.max(0, words - matchedUnits) * UNMATCHED_WORD_LOG_RATIO;
}

/** How much one candidate counts as a unit of evidence (overlapping readings share one unit; 0: none). */
function unitShares(candidates: readonly Candidate[]): number[] {
  const counted = candidates.map((_, i) => i).filter((i) => isEvidence(candidates[i]!));
  const order = counted.sort((a, b) => candidates[a]!.start - candidates[b]!.start);
  const overlaps = new Array<number>(candidates.length).fill(0);
  for (const i of order) overlaps[i] = 1;
  for (let x = 0; x < order.length; x++) {
    const a = candidates[order[x]!]!;
    for (let y = x + 1; y < order.length && candidates[order[y]!]!.start < a.end; y++) {
      overlaps[order[x]!]!++;
      overlaps[order[y]!]!++;
    }
  }
  return overlaps.map((n) => (n === 0 ? 0 : 1 / n));
}

/**
 * Composed and fit readings are inferred from the dictionary's own lines, not observed spinner output:
 * they are scored like any candidate but add no evidence (and take no share of an overlapping line's).
 */
function isEvidence(candidate: Candidate): boolean {
  return candidate.origin.kind !== "composed" && candidate.origin.kind !== "fit";
}

/** Prefix sums of per-candidate series, to total them over any range of word positions. */
class PositionSums {
  private readonly prefixes: number[][];
  constructor(private readonly positions: readonly number[], series: readonly (readonly number[])[]) {
    this.prefixes = series.map((values) => {
      const prefix = [0];
      values.forEach((v, i) => prefix.push(prefix[i]! + v));
      return prefix;
    });
  }
  private lowerBound(position: number): number {
    return lowerBound(this.positions.length, (i) => this.positions[i]! < position);
  }
  /** Totals of each series over the candidates whose position lies in [from, to), written into `out`. */
  sumInto(from: number, to: number, out: number[]): number[] {
    const a = this.lowerBound(from);
    const b = this.lowerBound(to);
    for (let k = 0; k < this.prefixes.length; k++) out[k] = this.prefixes[k]![b]! - this.prefixes[k]![a]!;
    return out;
  }
}

/**
 * Spin rate around a candidate, from the evidence of the other spans in a stretch of `words` words:
 * how likely the stretch is spun, and how densely (`mass`: expected spun units at rate 1/2, Σ 1 − legit).
 */
function rateAround(evidence: number, units: number, mass: number, words: number): number {
  if (words <= 0) return RHO_CLEAN;
  const spun = logistic(spinLogOdds(evidence, units, words));
  const density = Math.max(0, mass) / words;
  const spunRate = Math.min(RHO_SPUN_MAX, Math.max(RHO_SPUN_MIN, (RHO_SPUN * density) / TYPICAL_SPIN_DENSITY));
  return spun * spunRate + (1 - spun) * RHO_CLEAN;
}

/**
 * Share of the words of a spinner-made page that the spinner rewrote: 0.17–0.34 marks per word on the
 * annotated dev pages and the seed, median 0.30. Whatever the dictionaries find of it is explained;
 * a fit reading (word-fit.ts) competes only for the rest. 0.30 is also where the fit readings' log
 * likelihood peaks (scripts/fit-word-fit.ts with 0.25, 0.3, 0.35, 0.4, 0.5: 0.600, 0.597, 0.598,
 * 0.599, 0.602 with each document left out, measured before sentence-initial proper nouns were read).
 */
const PAGE_SPIN_SHARE = 0.3;

/**
 * Spin rate among the words no listed span covers, for fit readings: the share of a spinner-made page
 * left unexplained by what the listed spans found (`found`: expected spun units per word), if the
 * stretch is spun at all (`spun`). Where the dictionaries already find a page's spins, an unlisted
 * word is more likely the writer's own; where a spun page shows few listed spins, its spinner uses
 * words the dictionaries do not list.
 */
function unexplainedRate(spun: number, found: number): number {
  const unexplained = Math.max(0, PAGE_SPIN_SHARE - found) / (1 - Math.min(found, PAGE_SPIN_SHARE));
  // Clean text has no unexplained spin: a fit reading there is a writer's word choice.
  return spun * unexplained;
}

/** Scored candidates and the text-wide evidence they were scored with. */
export interface ScoredText {
  scored: ScoredCandidate[];
  /** Expected spun units per word. */
  rate: number;
  /** Total evidence (log likelihood ratio) and units of evidence of all candidates. */
  evidence: number;
  units: number;
  /** Evidence that the whole text is spun (see documentEvidence). */
  documentEvidence: number;
}

/**
 * Spun texts differ in how much of their spin the dictionaries can see: a word-table spinner leaves
 * a detectable spin in one word of five, a light paraphraser in one of thirty. The document verdict
 * weighs the text against each of these densities (equally) rather than against one typical density,
 * which would call a lightly spun page clean. Local rates (scoreCandidates) keep the single density.
 */
const VERDICT_DENSITIES = [0.03, 0.06, 0.1, 0.15, 0.25];

function logLikelihood(legits: readonly number[], shares: readonly number[], unmatched: number, density: number): number {
  let sum = unmatched * unmatchedLogLikelihood(density);
  for (let i = 0; i < legits.length; i++) sum += shares[i]! * matchLogLikelihood(legits[i]!, density);
  return sum;
}

/** Log odds (spun at one of VERDICT_DENSITIES : clean) of a text of `words` words with these candidates. */
function documentLogOdds(legits: readonly number[], shares: readonly number[], units: number, words: number): number {
  const unmatched = Math.max(0, words - units);
  const clean = logLikelihood(legits, shares, unmatched, DETECTABLE_CLEAN);
  const spun = VERDICT_DENSITIES.map((d) => logLikelihood(legits, shares, unmatched, d));
  const top = Math.max(...spun);
  return top + Math.log(spun.reduce((sum, ll) => sum + Math.exp(ll - top), 0) / spun.length) - clean;
}

/** Texts up to this long are judged on their candidates alone (see documentEvidence). */
const PAGE_WORDS = 300;

/**
 * The document's evidence of spin: its log odds, less those of a text without any candidate that is as
 * long as it, up to PAGE_WORDS. Every unmatched word counts mildly for "clean", so without this a
 * short page could never gather enough evidence (a 100-word text with nothing matched sits at log odds
 * −2.1, a 300-word one at −4.3). Beyond a page the words count again, so that a long clean text with a
 * few chance matches stays clean: its candidates must be as dense as in a spun page. Measured on clean
 * windows of State of the Union addresses and corpus/clean, the evidence tops out at 1.5 for 100 words,
 * 1.2 for 300, and stays below −5 for 1,000 and more; spun dev pages reach 1.6 to over 100.
 */
function documentEvidence(legits: readonly number[], shares: readonly number[], units: number, words: number): number {
  return documentLogOdds(legits, shares, units, words) - documentLogOdds([], [], 0, Math.min(words, PAGE_WORDS));
}

/**
 * Rescores the fit readings at the unexplained spin rate (see unexplainedRate), once the listed spans
 * are scored: what they found in the whole text is what explains its spin. Whether the text is spun at
 * all is the document verdict's probability: a fit reading needs a text the listed spans show to be
 * spun (a window of a long text is too small to measure a density that varies from 0.17 to 0.34
 * between pages, so a spun passage inside a long clean text gets none).
 */
function scoreFitReadings(scored: ScoredCandidate[], found: number, spun: number, map: ConfidenceMap): void {
  const rate = unexplainedRate(spun, found);
  for (const c of scored) {
    if (c.origin.kind === "fit") c.confidence = applyConfidenceMap(spunProbability(c.legit, rate), map);
  }
}

/**
 * Scores candidates. Each one's probability uses the spin evidence of the *other* candidates (its own
 * must not vouch for itself), from the whole document and from its neighbourhood (so that a spun
 * passage inside a clean page is still found), whichever is stronger.
 * `wordPositions[i]` is the word index at which candidate i starts; candidates must be in text order.
 * The probabilities go through `map` (see confidence.ts) last; the text's spin rate uses the mapped ones.
 */
export function scoreCandidates(candidates: Candidate[], wordPositions: readonly number[], words: number, map: ConfidenceMap = IDENTITY_MAP): ScoredText {
  const shares = unitShares(candidates);
  const evidence = candidates.map((c, i) => evidenceOf(c.legit) * shares[i]!);
  const mass = candidates.map((c, i) => (1 - c.legit) * shares[i]!);
  const sums = new PositionSums(wordPositions, [evidence, shares, mass]);
  const [allEvidence = 0, allUnits = 0, allMass = 0] = sums.sumInto(-Infinity, Infinity, []);
  const near: number[] = [];
  const scored = candidates.map((c, i) => {
    const position = wordPositions[i]!;
    const scoredCandidate = c as ScoredCandidate;
    scoredCandidate.wordPosition = position;
    // Fit readings are scored once the text's spin is known (scoreFitReadings); they have no share here.
    if (c.origin.kind === "fit") {
      scoredCandidate.confidence = 0;
      return scoredCandidate;
    }
    const [nearEvidence = 0, nearUnits = 0, nearMass = 0] = sums.sumInto(position - WINDOW_WORDS, position + WINDOW_WORDS + 1, near);
    const windowWords = Math.min(words, position + WINDOW_WORDS + 1) - Math.max(0, position - WINDOW_WORDS);
    // The candidate's own evidence is taken out: a span must not vouch for itself.
    const rate = Math.max(
      rateAround(allEvidence - evidence[i]!, allUnits - shares[i]!, allMass - mass[i]!, words),
      rateAround(nearEvidence - evidence[i]!, nearUnits - shares[i]!, nearMass - mass[i]!, windowWords),
    );
    // Scored in place: long texts have hundreds of thousands of candidates, copies would double them.
    scoredCandidate.confidence = applyConfidenceMap(spunProbability(c.legit, rate), map);
    return scoredCandidate;
  });
  const expectedSpun = scored.reduce((sum, c, i) => sum + c.confidence * shares[i]!, 0);
  const textEvidence = documentEvidence(candidates.map((c) => c.legit), shares, allUnits, words);
  scoreFitReadings(scored, expectedSpun / Math.max(1, words), documentSpinProbability(textEvidence, words), map);
  return { scored, rate: words === 0 ? 0 : expectedSpun / words, evidence: allEvidence, units: allUnits, documentEvidence: textEvidence };
}
