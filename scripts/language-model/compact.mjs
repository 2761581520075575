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
import { hashTableSize, LM_MAGIC, LM_MAX_WORDS, LM_QUANT_STEP, LM_VERSION, modelLayout, wordHash } from "../../dist/language-model.js";

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

const encoded = kept.map((u) => Buffer.from(u.w, "utf8"));
const counts = { words: kept.length, bigrams: bigrams.length, wordBytes: encoded.reduce((n, b) => n + b.length, 0), tableSize: hashTableSize(kept.length) };
const layout = modelLayout(counts);
const body = Buffer.alloc(layout.end);
body.write(LM_MAGIC, 0, "latin1");
[LM_VERSION, counts.words, counts.bigrams, counts.wordBytes, counts.tableSize].forEach((n, i) => body.writeUInt32LE(n, 8 + 4 * i));
const view = (Type, offset, length) => new Type(body.buffer, body.byteOffset + offset, length);
const wordStarts = view(Uint32Array, layout.wordStarts, counts.words + 1);
let at = layout.words;
encoded.forEach((bytes, i) => {
  wordStarts[i] = at;
  bytes.copy(body, at);
  at += bytes.length;
});
wordStarts[counts.words] = at;
const probs = view(Float32Array, layout.probs, counts.words);
const backoffs = view(Float32Array, layout.backoffs, counts.words);
kept.forEach((u, i) => ((probs[i] = u.p), (backoffs[i] = u.bo)));
const table = view(Int32Array, layout.table, counts.tableSize).fill(-1);
kept.forEach((u, i) => {
  let slot = wordHash(u.w) & (counts.tableSize - 1);
  while (table[slot] >= 0) slot = (slot + 1) & (counts.tableSize - 1);
  table[slot] = i;
});
view(Uint32Array, layout.bigramStarts, counts.words + 1).set(starts);
view(Uint16Array, layout.seconds, counts.bigrams).set(bigrams.map((b) => b[1]));
view(Uint8Array, layout.quantized, counts.bigrams).set(bigrams.map((b) => b[2]));
mkdirSync(dirname(out), { recursive: true });
// Stored as is: reading 7 MB costs milliseconds, gunzipping them tens (git and npm compress anyway).
writeFileSync(out, body);
console.log(`${out}: ${kept.length} words, ${bigrams.length} bigrams (${habits.size} habit words), ${(body.length / 1e6).toFixed(1)} MB`);
