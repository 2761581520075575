/**
 * Measures unspin on a list of tortured → expected phrase pairs (such as the Problematic Paper
 * Screener export, which is third-party data: pass its path, never copy it into the project).
 *   npx tsx scripts/pps-measure.ts PATH/tortured-phrases.json|PATH/export.csv
 * Each phrase is placed in a short scientific carrier sentence, alone and in threes (papers that
 * contain one tortured phrase usually contain several). Reports the share detected (any finding over
 * the phrase at the default threshold) and restored exactly, split into phrases the bundled
 * tortured-science pack lists and phrases it does not.
 */
import { readFileSync } from "node:fs";
import { createUnspinner } from "../src/index.js";
import { loadBundledPacks } from "../src/dictionary/load.js";

interface Pair { tortured: string; expected: string }

function readPairs(path: string): Pair[] {
  const text = readFileSync(path, "utf8");
  if (path.endsWith(".json")) return (JSON.parse(text) as { phrases: { tortured: string; correct: string }[] }).phrases.map((p) => ({ tortured: p.tortured, expected: p.correct }));
  return text.split("\n").slice(1).flatMap((line) => {
    const match = /^"""(.+?)""[^,]*",([^,]+),/.exec(line) ?? /^"?([^",]+)"?,([^,]+),/.exec(line);
    return match ? [{ tortured: match[1]!, expected: match[2]! }] : [];
  });
}

const norm = (s: string) => s.toLowerCase().replace(/\([^)]*\)/g, "").replace(/[^a-z0-9]+/g, " ").trim();
const pairs = readPairs(process.argv[2] ?? "").filter((p) => /^[a-z0-9][a-z0-9 '-]*$/i.test(p.tortured.trim()) && !/\?/.test(p.expected));
const listed = new Set(loadBundledPacks(["tortured-science"]).map((e) => norm(e.spun)));
const unspinner = createUnspinner();

interface Tally { phrases: number; detected: number; restored: number }
const tallies = { listed: { alone: tally(), inThrees: tally() }, unlisted: { alone: tally(), inThrees: tally() } };
function tally(): Tally {
  return { phrases: 0, detected: 0, restored: 0 };
}

/** Checks the phrases placed in one text; returns per-phrase [detected, restored]. */
function check(group: Pair[]): [boolean, boolean][] {
  const parts: string[] = [];
  const spans: [number, number][] = [];
  let text = "";
  group.forEach((p, i) => {
    const lead = i === 0 ? "In this study, the " : i === 1 ? " We then compared the " : " Finally, the ";
    text += lead;
    spans.push([text.length, text.length + p.tortured.length]);
    text += p.tortured + (i === 2 ? " was evaluated on the collected samples." : " across all the collected samples.");
    parts.push(p.tortured);
  });
  const findings = unspinner.detect(text).findings;
  const repaired = norm(unspinner.repair(text).text);
  return group.map((p, i) => {
    const [from, to] = spans[i]!;
    const detected = findings.some((f) => f.start < to && from < f.end);
    return [detected, repaired.includes(` ${norm(p.expected)} `) && !repaired.includes(` ${norm(p.tortured)} `)];
  });
}

function add(t: Tally, [detected, restored]: [boolean, boolean]) {
  t.phrases++;
  if (detected) t.detected++;
  if (restored) t.restored++;
}

for (let i = 0; i < pairs.length; i++) {
  const p = pairs[i]!;
  add(listed.has(norm(p.tortured)) ? tallies.listed.alone : tallies.unlisted.alone, check([p])[0]!);
}
for (let i = 0; i + 3 <= pairs.length; i += 3) {
  const group = pairs.slice(i, i + 3);
  check(group).forEach((result, k) => add(listed.has(norm(group[k]!.tortured)) ? tallies.listed.inThrees : tallies.unlisted.inThrees, result));
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);
console.log(`${pairs.length} tortured → expected pairs (single-phrase, plain-text ones from the list)`);
for (const [group, byContext] of Object.entries(tallies)) {
  for (const [context, t] of Object.entries(byContext)) {
    console.log(`${group.padEnd(9)} ${context.padEnd(9)} ${String(t.phrases).padStart(5)} phrases  detected ${pct(t.detected, t.phrases).padStart(6)}  restored exactly ${pct(t.restored, t.phrases).padStart(6)}`);
  }
}
