/**
 * Are the confidences right on short texts too? The confidence map was fitted on whole pages, and the
 * spin prior (src/scoring.ts) was set on snippets. This cuts every document of an evaluation corpus into
 * windows of about WORDS words (never inside a mark), scores each window as a document of its own,
 * and prints, per window size, the reliability of the reported confidences (ECE, as in
 * scripts/fit-calibration.ts) and the evaluation totals at the default threshold.
 *
 *   npx tsx scripts/calibration-by-length.ts DEV_PAGES corpus/seed corpus/clean .cache/sotu
 *
 * Sizes default to 25, 50, 100, 200 and whole documents; SIZES=30,60 picks others.
 */
import { discoverCorpus, type CorpusDocument } from "../src/eval/corpus.js";
import { judgeFindings, reliability } from "../src/eval/calibration.js";
import { evaluateDocument, summarise } from "../src/eval/run.js";
import type { Mark } from "../src/eval/markup.js";
import { createUnspinner } from "../src/unspinner.js";

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: npx tsx scripts/calibration-by-length.ts CORPUS_PATH…");
  process.exit(2);
}
const sizes = (process.env.SIZES ?? "25,50,100,200,0").split(",").map(Number);

/** The mark that covers character `at`, if any. */
function markAt(marks: readonly Mark[], at: number): Mark | undefined {
  return marks.find((m) => m.start < at && at < m.end);
}

/** Offsets of the whitespace-separated words of a text. */
function wordSpans(text: string): [number, number][] {
  return [...text.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length]);
}

/** The document cut into windows of about `size` words; a window never ends inside a mark. */
function windows(doc: CorpusDocument, size: number): CorpusDocument[] {
  if (size <= 0) return [doc];
  const words = wordSpans(doc.text);
  const out: CorpusDocument[] = [];
  for (let first = 0; first < words.length; ) {
    let last = Math.min(words.length, first + size) - 1;
    while (last + 1 < words.length && markAt(doc.marks, words[last]![1])) last++;
    const from = words[first]![0];
    const to = words[last]![1];
    const marks = doc.marks.filter((m) => m.start >= from && m.end <= to).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    out.push({ ...doc, name: `${doc.name}@${from}`, path: `${doc.path}@${from}`, text: doc.text.slice(from, to), marks });
    first = last + 1;
  }
  return out;
}

const unspinner = createUnspinner();
const documents = discoverCorpus(paths);
const percent = (x: number | null) => x === null ? "   –  " : `${(100 * x).toFixed(1)}%`.padStart(6);
console.log("window   texts  findings   ECE   restoration  precision  clean FE/1kw");
for (const size of sizes) {
  const docs = documents.flatMap((d) => windows(d, size));
  const calibration = reliability(judgeFindings(docs, unspinner, 0.1), 0.1, 0.1);
  const evaluations = docs.map((d) => evaluateDocument(d, (t) => unspinner.repair(t).text));
  const sum = (kind: string) => summarise(evaluations.filter((e) => e.kind === kind)).rates;
  const spun = sum("spun");
  const clean = sum("clean");
  console.log(`${size > 0 ? String(size).padStart(5) : "whole"}  ${String(docs.length).padStart(7)}  ${String(calibration.findings).padStart(8)}  ${calibration.ece.toFixed(3)}  ${percent(spun.restorationAccuracy)}      ${percent(spun.detectionPrecision)}     ${clean.falseEditsPer1000Words?.toFixed(2) ?? "–"}`);
  if (process.env.BINS) for (const b of calibration.bins) console.log(`        ${b.from.toFixed(1)}–${b.to.toFixed(1)}  ${String(b.findings).padStart(5)}  mean ${b.meanConfidence.toFixed(2)}  right ${b.accuracy.toFixed(2)}`);
}
