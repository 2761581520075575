// False edits on short snippets of clean text: every .txt of the given folders is cut into windows of
// WORDS words (default 20), each window is repaired on its own, as a user would check a paragraph or a
// post, and every edit counts as false. Prints the rate per 1,000 words and the most frequent edits.
//
//   WORDS=20 npx tsx scripts/window-false-edits.ts corpus/clean .cache/sotu/clean
//
// On spun text (a folder of raw spun pages) the same count is the number of edits made on snippets.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createUnspinner } from "../src/index.js";

const size = Number(process.env.WORDS ?? 20);
const folders = process.argv.slice(2);
if (folders.length === 0 || !(size > 0)) {
  console.error("usage: WORDS=20 npx tsx scripts/window-false-edits.ts FOLDER…");
  process.exit(2);
}

const unspinner = createUnspinner();
const counts = new Map<string, number>();
let words = 0;
let edits = 0;
for (const folder of folders) {
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".txt"))) {
    const textWords = readFileSync(join(folder, name), "utf8").split(/\s+/).filter(Boolean);
    for (let at = 0; at + size <= textWords.length; at += size) {
      words += size;
      for (const edit of unspinner.repair(textWords.slice(at, at + size).join(" ")).edits) {
        edits++;
        const key = `${edit.text} → ${edit.replacement}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
}
console.log(`${size}-word windows: ${words} words, ${edits} edits, ${((1000 * edits) / Math.max(1, words)).toFixed(2)} per 1,000 words`);
for (const [edit, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(String(n).padStart(5), edit);
