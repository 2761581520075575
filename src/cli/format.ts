import type { Calibration } from "../eval/calibration.js";
import type { Evaluation } from "../eval/run.js";
import type { Rates } from "../eval/metrics.js";
import type { DetectResult } from "../unspinner.js";
import { lowerBound } from "../search.js";
import { plainPainter, type Painter } from "./color.js";

// Line starts of the last text asked about: findings of one text are located one after another, and
// scanning from the start for each would be quadratic on long texts.
let cachedText: string | undefined;
let cachedLineStarts: number[] = [];

function lineStartsOf(text: string): number[] {
  if (text !== cachedText) {
    cachedLineStarts = [0];
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) cachedLineStarts.push(i + 1);
    cachedText = text;
  }
  return cachedLineStarts;
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const starts = lineStartsOf(text);
  const line = lowerBound(starts.length, (i) => starts[i]! <= offset); // starts[0] = 0, so line ≥ 1
  return { line, column: offset - starts[line - 1]! + 1 };
}

/** One line per finding, `line:col  spun → restoration (confidence)`, then the document verdict. */
export function formatFindings(text: string, result: DetectResult, name: string, paint: Painter = plainPainter): string {
  const lines = result.findings.map((f) => {
    const { line, column } = lineAndColumn(text, f.start);
    const alternatives = f.restorations.slice(1).map((r) => r.text);
    const also = alternatives.length > 0 ? paint.dim(`  [also: ${alternatives.join(", ")}]`) : "";
    const confidence = `(${f.unsure ? "unsure " : ""}${f.confidence.toFixed(2)})`;
    return `${paint.location(`${name}:${line}:${column}`)}  ${paint.spun(oneLine(f.text))} → ${paint.restoration(f.restorations[0]?.text ?? "?")} ${paint.dim(confidence)}${also}`;
  });
  const d = result.document;
  const sure = result.findings.filter((f) => !f.unsure).length;
  lines.push(`${name}: ${paint.verdict(d.verdict, d.verdict)} (spin probability ${d.spinProbability.toFixed(2)}, ${(100 * d.spunWordShare).toFixed(1)}% of ${d.words} words in ${sure} findings)`);
  return lines.join("\n") + "\n";
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ");
}

function pct(value: number | null): string {
  return value === null ? "   –  " : `${(100 * value).toFixed(1).padStart(5)}%`;
}

function per1000(value: number | null): string {
  return value === null ? "  –  " : value.toFixed(2).padStart(6);
}

function row(name: string, words: number, marks: string, r: Rates): string {
  return `${name.padEnd(34)} ${String(words).padStart(7)} ${marks.padStart(6)}  ${pct(r.restorationAccuracy)}  ${pct(r.detectionPrecision)}  ${pct(r.detectionRecall)}  ${per1000(r.falseEditsPer1000Words)}  ${pct(r.distanceReduction)}`;
}

/** The human-readable evaluation table: one row per document, then totals for spun and clean text. */
export function formatEvaluation(evaluation: Evaluation): string {
  const header = `${"document".padEnd(34)} ${"words".padStart(7)} ${"marks".padStart(6)}  restore  precis.  recall  FE/1kw  dist.red`;
  const lines = [header, "-".repeat(header.length)];
  for (const d of evaluation.documents) {
    lines.push(row(`${d.kind === "clean" ? "clean/" : ""}${d.name}`, d.counts.words, d.kind === "clean" ? "" : String(d.counts.certainMarks), d.rates));
  }
  lines.push("-".repeat(header.length));
  const { spun, clean } = evaluation;
  if (spun.documents > 0) lines.push(row(`TOTAL spun (${spun.documents} docs)`, spun.counts.words, String(spun.counts.certainMarks), spun.rates));
  if (clean.documents > 0) lines.push(row(`TOTAL clean (${clean.documents} docs)`, clean.counts.words, "", clean.rates));
  lines.push("restore = restoration accuracy, precis./recall = detection precision/recall (certain marks), FE/1kw = false edits per 1,000 words,\n" +
    "dist.red = share of the word edit distance to the gold original removed by the repair");
  return lines.join("\n") + "\n";
}

/** Details of what went wrong in each document, for tuning: misses, wrong restorations, false edits. */
export function formatEvaluationDetails(evaluation: Evaluation): string {
  const lines: string[] = [];
  for (const d of evaluation.documents) {
    const text = d.alignment;
    lines.push(`## ${d.name}`);
    for (const m of text.marks) {
      if (m.mark.unsure || m.outcome === "restored") continue;
      lines.push(`  ${m.outcome === "unchanged" ? "missed " : "wrong  "} ${m.mark.spun} → ${m.mark.originals.join("|")}${m.outcome === "unchanged" ? "" : `  (got: ${m.got})`}`);
    }
    for (const e of text.falseEdits) lines.push(`  FALSE   @${e.start}: ${e.was || "(inserted)"} → ${e.got || "(deleted)"}`);
  }
  return lines.join("\n") + "\n";
}

/** The reliability table: per confidence bucket, how often the best restoration was right. */
export function formatCalibration(calibration: Calibration): string {
  const lines = ["", "confidence   findings  mean conf.  accuracy"];
  for (const b of calibration.bins) {
    lines.push(`${b.from.toFixed(1)}–${b.to.toFixed(1)}   ${String(b.findings).padStart(8)}  ${b.meanConfidence.toFixed(2).padStart(10)}  ${b.accuracy.toFixed(2).padStart(8)}`);
  }
  lines.push(`expected calibration error ${calibration.ece.toFixed(3)} over ${calibration.findings} findings (top restorations; every finding in clean text counts as wrong; unsure marks left out)`);
  return lines.join("\n") + "\n";
}
