/**
 * Fits the noisy channel of src/word-fit.ts (FITTED_CHANNEL) by maximum likelihood: a logistic
 * regression of exact restoration on the fit readings' evidence (association, frequency, lines), with
 * the unexplained spin rate as an offset and the shipped confidence map on top, as the pipeline
 * computes it. Every corpus is read twice: with all dictionary lines, and without the lines for its
 * marks (the ablation run of `unspin eval --without-dictionary-entries-from`), so that the channel
 * serves pages the dictionaries know well and pages whose spinner they barely know.
 *
 *   npx tsx scripts/fit-word-fit.ts DEV_PAGES corpus/seed
 *
 * DEV_PAGES: a folder of annotated spun pages beside the checkout (the shipped channel was fitted on
 * the third-party dev pages and the seed article). Also prints the log loss with each document left
 * out of the fit in turn, and that of the shipped channel; then the first folder's totals with each
 * page scored by the channel fitted without it.
 */
import { FITTED_MAP, logit } from "../src/confidence.js";
import { discoverCorpus } from "../src/eval/corpus.js";
import { judgeFindings } from "../src/eval/calibration.js";
import { addCounts, rates, ZERO_COUNTS } from "../src/eval/metrics.js";
import { evaluateDocument } from "../src/eval/run.js";
import { createUnspinner } from "../src/unspinner.js";
import { FITTED_CHANNEL, fitLogOdds, type FitChannel } from "../src/word-fit.js";
import { fitLogistic } from "./logistic-regression.js";

interface Reading {
  document: string;
  right: boolean;
  /** ln odds of the unexplained spin rate. */
  rateLogOdds: number;
  association: number;
  frequency: number;
  lines: number;
}

/** With this channel a reading's prior is 1/2 (legit 0.5): its raw probability is the rate itself. */
const NEUTRAL: FitChannel = { habitShare: 1, associationWeight: 0, frequencyWeight: 0, lineWeight: 0 };

const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error("usage: fit-word-fit.ts CORPUS…");
const docs = discoverCorpus(paths);
const marked = docs.flatMap((d) => d.marks.map((m) => m.spun));

function readingsOf(options: { withoutEntriesFor?: string[] }): Reading[] {
  const unspinner = createUnspinner({ ...options, fitChannel: NEUTRAL });
  const readings: Reading[] = [];
  for (const judged of judgeFindings(docs, unspinner, 1e-9)) {
    const source = judged.source;
    if (source.kind !== "fit") continue;
    const rateLogOdds = (logit(judged.spanConfidence) - FITTED_MAP.intercept) / FITTED_MAP.slope;
    readings.push({ document: judged.document, right: judged.right, rateLogOdds, association: source.gain - source.frequency, frequency: source.frequency, lines: source.lines });
  }
  return readings;
}

const LN10 = Math.log(10);

/** A channel family: which evidence it weighs, and the channel a weight vector stands for. */
interface Family {
  name: string;
  features(r: Reading): number[];
  channel(w: readonly number[]): FitChannel;
}

/** One weight for the whole gain, no line count: the first channel shipped. */
const TWO_CONSTANTS: Family = {
  name: "habitShare, one gain weight",
  features: (r) => [1, r.association + r.frequency],
  channel: (w) => ({ habitShare: 10 ** w[0]!, associationWeight: w[1]!, frequencyWeight: w[1]!, lineWeight: 0 }),
};

const FOUR_CONSTANTS: Family = {
  name: "habitShare, association, frequency and line weights",
  features: (r) => [1, r.association, r.frequency, Math.log10(r.lines)],
  channel: (w) => ({ habitShare: 10 ** w[0]!, associationWeight: w[1]!, frequencyWeight: w[2]!, lineWeight: w[3]! }),
};

/** P(right) as the pipeline reports it: the confidence map over the channel's raw probability. */
function predicted(r: Reading, channel: FitChannel): number {
  const raw = r.rateLogOdds + LN10 * fitLogOdds({ gain: r.association + r.frequency, frequency: r.frequency, lines: r.lines }, channel);
  return 1 / (1 + Math.exp(-(FITTED_MAP.slope * raw + FITTED_MAP.intercept)));
}

function logLoss(readings: readonly Reading[], channel: FitChannel): number {
  const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
  return readings.reduce((sum, r) => sum - Math.log(r.right ? clamp(predicted(r, channel)) : 1 - clamp(predicted(r, channel))), 0) / Math.max(1, readings.length);
}

/**
 * A logistic regression with the rate as offset (convex): the pipeline's log odds are slope · (rate
 * log odds + ln 10 · Σ weight · feature) + intercept, so each feature enters scaled by slope · ln 10.
 */
function fit(readings: readonly Reading[], family: Family): FitChannel {
  const points = readings.map((r) => ({
    x: family.features(r).map((v) => v * FITTED_MAP.slope * LN10),
    y: r.right ? (1 as const) : (0 as const),
    offset: FITTED_MAP.slope * r.rateLogOdds + FITTED_MAP.intercept,
  }));
  return family.channel(fitLogistic(points));
}

const readings = [...readingsOf({}), ...readingsOf({ withoutEntriesFor: marked })];
const documents = [...new Set(readings.map((r) => r.document))];
const show = (c: FitChannel) => `{ habitShare: 10 ** ${Math.log10(c.habitShare).toFixed(2)}, associationWeight: ${c.associationWeight.toFixed(3)}, frequencyWeight: ${c.frequencyWeight.toFixed(3)}, lineWeight: ${c.lineWeight.toFixed(3)} }`;
console.log(`${readings.length} fit readings (${readings.filter((r) => r.right).length} right), from ${documents.length} documents`);
for (const family of [TWO_CONSTANTS, FOUR_CONSTANTS]) {
  const channel = fit(readings, family);
  const heldOut = documents.flatMap((d) => {
    const others = fit(readings.filter((r) => r.document !== d), family);
    return readings.filter((r) => r.document === d).map((r) => logLoss([r], others));
  });
  const looLoss = heldOut.reduce((sum, loss) => sum + loss, 0) / heldOut.length;
  console.log(`${family.name}: ${show(channel)}\n  log loss ${logLoss(readings, channel).toFixed(4)} in-sample, ${looLoss.toFixed(4)} leaving each document out`);
}
console.log(`shipped: ${show(FITTED_CHANNEL)}  log loss ${logLoss(readings, FITTED_CHANNEL).toFixed(4)}`);

/**
 * How much the shipped family leans on the pages it was fitted on: each annotated page is repaired
 * with the channel fitted without it, with every line and without the lines for the marks; the totals
 * are those of `unspin eval` over the annotated pages of the first folder given (later folders are
 * fitted on, not scored).
 */
const shippedFamily = FOUR_CONSTANTS;
for (const ablation of [false, true]) {
  let counts = ZERO_COUNTS;
  for (const doc of discoverCorpus([paths[0]!]).filter((d) => d.kind === "spun")) {
    const channel = fit(readings.filter((r) => r.document !== doc.path), shippedFamily);
    const unspinner = createUnspinner({ fitChannel: channel, ...(ablation ? { withoutEntriesFor: marked } : {}) });
    counts = addCounts(counts, evaluateDocument(doc, (text) => unspinner.repair(text).text).counts);
  }
  const r = rates(counts);
  const pct = (x: number | null) => (x === null ? "–" : `${(100 * x).toFixed(1)}%`);
  console.log(`${ablation ? "ablation" : "every line"}, each page scored with the channel fitted without it: restoration ${pct(r.restorationAccuracy)}, precision ${pct(r.detectionPrecision)}`);
}
