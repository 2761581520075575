/**
 * Fits the noisy channel of src/word-fit.ts (FITTED_CHANNEL) by maximum likelihood: the log loss of
 * the fit readings' reported confidence against exact restoration, over a grid of the two constants.
 * Every corpus is read twice: with all dictionary lines, and without the lines for its marks (the
 * ablation run of `unspin eval --without-dictionary-entries-from`), so that the constants serve both
 * pages the dictionaries know well and pages whose spinner they barely know.
 *
 *   npx tsx scripts/fit-word-fit.ts DEV_PAGES corpus/seed
 *
 * DEV_PAGES: a folder of annotated spun pages beside the checkout (the shipped constants were fitted
 * on the third-party dev pages and the seed article).
 */
import { discoverCorpus } from "../src/eval/corpus.js";
import { judgeFindings, type JudgedFinding } from "../src/eval/calibration.js";
import { createUnspinner } from "../src/unspinner.js";
import { FITTED_CHANNEL, type FitChannel } from "../src/word-fit.js";

const FLOOR = 1e-4;
const GAIN_WEIGHTS = [0.1, 0.15, 0.2, 0.25, 0.3];
const SHARE_EXPONENTS = [-0.4, -0.3, -0.2, -0.1, 0];

const paths = process.argv.slice(2);
if (paths.length === 0) throw new Error("usage: fit-word-fit.ts CORPUS…");
const docs = discoverCorpus(paths);
const marked = docs.flatMap((d) => d.marks.map((m) => m.spun));

function fitReadings(channel: FitChannel): JudgedFinding[] {
  const full = createUnspinner({ fitChannel: channel });
  const ablated = createUnspinner({ fitChannel: channel, withoutEntriesFor: marked });
  return [...judgeFindings(docs, full, FLOOR), ...judgeFindings(docs, ablated, FLOOR)].filter((j) => j.kind === "fit");
}

function logLoss(judged: readonly JudgedFinding[]): number {
  const clamp = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));
  return judged.reduce((sum, j) => sum - Math.log(j.right ? clamp(j.confidence) : 1 - clamp(j.confidence)), 0) / Math.max(1, judged.length);
}

let best = { loss: Infinity, channel: FITTED_CHANNEL };
for (const gainWeight of GAIN_WEIGHTS) {
  const row: string[] = [];
  for (const exponent of SHARE_EXPONENTS) {
    const channel = { habitShare: 10 ** exponent, gainWeight };
    const judged = fitReadings(channel);
    const loss = logLoss(judged);
    row.push(loss.toFixed(4));
    if (loss < best.loss) best = { loss, channel };
  }
  console.log(`gainWeight ${gainWeight}: ${row.join("  ")}  (habitShare 10^${SHARE_EXPONENTS.join(", 10^")})`);
}
const judged = fitReadings(best.channel);
const right = judged.filter((j) => j.right).length;
console.log(`best: habitShare 10^${Math.log10(best.channel.habitShare).toFixed(2)}, gainWeight ${best.channel.gainWeight}: log loss ${best.loss.toFixed(4)} over ${judged.length} fit readings (${right} right)`);
