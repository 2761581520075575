// Writes models/english-lm.bin, the compact bigram model unspin ships (see src/language-model.ts),
// from the unigram and bigram dumps of CMU Sphinx's generic US English model that
// dump-sphinx-lm.c writes (scripts/language-model/build.sh runs both).
//
//   node scripts/language-model/compact.mjs DUMP_DIR [OUT]
//
// Kept: the 65,535 most probable words (unigram log10 probability and backoff weight), and every
// bigram with a word that a single-word habit of the bundled dictionaries reads from or to (the only
// bigrams the word-fit stage asks for; any other bigram falls back to the unigram estimate).
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadBundledPacks } from "../../dist/dictionary/load.js";
import { CompositionModel } from "../../dist/compose.js";
import { LM_MAGIC, LM_VERSION, LM_MAX_WORDS, LM_QUANT_STEP } from "../../dist/language-model.js";

const [dumpDir, out = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "models", "english-lm.bin")] = process.argv.slice(2);
if (!dumpDir) throw new Error("usage: compact.mjs DUMP_DIR [OUT]");

const lines = (file) => readFileSync(join(dumpDir, file), "utf8").split("\n").filter(Boolean).map((l) => l.split("\t"));
const unigrams = lines("uni.txt").map(([p, w, bo]) => ({ w, p: Number(p), bo: Number(bo) }));
// The sentence marks and the unknown word come first whatever their probability (<s> has none).
const MARKS = ["<s>", "</s>", "<unk>"];
const rank = (u) => (MARKS.includes(u.w) ? 1 : u.p);
unigrams.sort((a, b) => rank(b) - rank(a) || (a.w < b.w ? -1 : 1));
const kept = unigrams.slice(0, LM_MAX_WORDS);
if (!kept.some((u) => u.w === "<unk>")) kept[kept.length - 1] = { w: "<unk>", p: -7, bo: 0 };
const id = new Map(kept.map((u, i) => [u.w, i]));

const habits = new CompositionModel(loadBundledPacks()).habitWords();
// Bigrams grouped by their first word (sorted by first, then second id), so a lookup searches only
// that word's list and a second id takes 16 bits.
const bigrams = [];
for (const [p, a, b] of lines("bi.txt")) {
  if (!(habits.has(a) || habits.has(b))) continue;
  const first = id.get(a);
  const second = id.get(b);
  if (first === undefined || second === undefined) continue;
  bigrams.push([first, second, Math.min(255, Math.round(-Number(p) / LM_QUANT_STEP))]);
}
bigrams.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
const starts = new Uint32Array(kept.length + 1);
for (const [first] of bigrams) starts[first + 1]++;
for (let i = 0; i < kept.length; i++) starts[i + 1] += starts[i];
const seconds = new Uint16Array(bigrams.map((b) => b[1]));
const quant = new Uint8Array(bigrams.map((b) => b[2]));

const words = Buffer.from(kept.map((u) => u.w).join("\n"), "utf8");
const header = Buffer.alloc(24);
header.write(LM_MAGIC, 0, "latin1");
header.writeUInt32LE(LM_VERSION, 8);
header.writeUInt32LE(kept.length, 12);
header.writeUInt32LE(bigrams.length, 16);
header.writeUInt32LE(words.length, 20);
const probs = new Float32Array(kept.length);
const backoffs = new Float32Array(kept.length);
kept.forEach((u, i) => ((probs[i] = u.p), (backoffs[i] = u.bo)));
const padding = (length) => Buffer.alloc((4 - (length % 4)) % 4);
const body = Buffer.concat([
  header,
  words,
  padding(words.length),
  Buffer.from(probs.buffer),
  Buffer.from(backoffs.buffer),
  Buffer.from(starts.buffer),
  Buffer.from(seconds.buffer),
  padding(seconds.byteLength),
  Buffer.from(quant.buffer),
]);
mkdirSync(dirname(out), { recursive: true });
// Stored as is: reading 7 MB costs milliseconds, gunzipping them tens (git and npm compress anyway).
writeFileSync(out, body);
console.log(`${out}: ${kept.length} words, ${bigrams.length} bigrams (${habits.size} habit words), ${(body.length / 1e6).toFixed(1)} MB`);
