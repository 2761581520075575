/**
 * Fits the confidence map of src/confidence.ts (Platt scaling in log-odds space) on an evaluation corpus
 * and reports its leave-one-document-out reliability, so the printed error is not measured on the
 * documents the map was fitted on.
 *
 *   npx tsx scripts/fit-calibration.ts DEV_PAGES corpus/seed corpus/clean .cache/sotu
 *
 * DEV_PAGES: a folder of annotated spun pages (NAME.txt + NAME.ann) beside the checkout; the shipped map
 * was fitted with the third-party dev pages, which the project never reads by itself.
 *
 * The map acts on the finding's probability p (the repair threshold compares it); the top restoration
 * reports p · share (share < 1 when an entry lists several originals), and that is what is judged.
 */
import { IDENTITY_MAP, logit, logistic, type ConfidenceMap } from "../src/confidence.js";
import { discoverCorpus } from "../src/eval/corpus.js";
import { judgeFindings, reliability, type JudgedFinding } from "../src/eval/calibration.js";
import { createUnspinner } from "../src/unspinner.js";

const FLOOR = 0.02;

interface Point {
  document: string;
  x: number;
  share: number;
  right: boolean;
}

function toPoint(j: JudgedFinding): Point {
  return { document: j.document, x: logit(j.spanConfidence), share: j.confidence / j.spanConfidence, right: j.right };
}

function predict(map: ConfidenceMap, p: Point): number {
  return p.share * logistic(map.slope * p.x + map.intercept);
}

/** Minimises the log loss of p · share by gradient descent (two parameters, convex enough here). */
function fit(points: readonly Point[]): ConfidenceMap {
  let slope = 1;
  let intercept = 0;
  const rate = 0.5;
  for (let step = 0; step < 4000; step++) {
    let gSlope = 0;
    let gIntercept = 0;
    for (const p of points) {
      const q = logistic(slope * p.x + intercept);
      const y = Math.min(1 - 1e-9, p.share * q);
      // d(−log-likelihood)/dz for prediction share·σ(z).
      const dLoss = p.right ? -(1 - q) : (p.share * q * (1 - q)) / (1 - y);
      gSlope += dLoss * p.x;
      gIntercept += dLoss;
    }
    slope -= (rate * gSlope) / points.length;
    intercept -= (rate * gIntercept) / points.length;
  }
  return { slope, intercept };
}

function table(label: string, judged: { confidence: number; right: boolean }[]): void {
  const r = reliability(judged, 0, 0.1);
  console.log(`\n${label}: ECE ${r.ece.toFixed(3)} over ${r.findings} findings`);
  for (const b of r.bins) console.log(`  ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.findings).padStart(5)}  conf ${b.meanConfidence.toFixed(2)}  acc ${b.accuracy.toFixed(2)}`);
}

const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error("usage: fit-calibration.ts CORPUS_DIR…");
const docs = discoverCorpus(paths);
const raw = createUnspinner({ confidenceMap: IDENTITY_MAP });
const points = judgeFindings(docs, raw, FLOOR).map(toPoint);
table("raw", points.map((p) => ({ confidence: predict(IDENTITY_MAP, p), right: p.right })));

const crossValidated = [...new Set(points.map((p) => p.document))].flatMap((doc) => {
  const map = fit(points.filter((p) => p.document !== doc));
  return points.filter((p) => p.document === doc).map((p) => ({ confidence: predict(map, p), right: p.right }));
});
table("leave-one-document-out", crossValidated);

const map = fit(points);
table("fitted on all (in-sample)", points.map((p) => ({ confidence: predict(map, p), right: p.right })));
console.log(`\nFITTED_MAP = { slope: ${map.slope.toFixed(3)}, intercept: ${map.intercept.toFixed(3)} }`);
