import { applyEdits } from "../repair.js";
import type { FindingSource, Unspinner } from "../unspinner.js";
import { alignRepair } from "./align.js";
import type { CorpusDocument } from "./corpus.js";

/** One confidence bucket of a reliability table. */
export interface CalibrationBin {
  from: number;
  to: number;
  findings: number;
  /** Mean reported confidence of its findings. */
  meanConfidence: number;
  /** Share of its findings whose best restoration is right. */
  accuracy: number;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Expected calibration error: Σ (findings share) × |accuracy − mean confidence|. */
  ece: number;
  findings: number;
}

/**
 * Is a finding's best restoration right? The single edit is applied on its own and aligned with the
 * gold: right when it restores a certain mark and changes nothing outside the marks; findings that
 * only touch unsure marks are neither right nor wrong and are left out (null).
 */
function judge(doc: CorpusDocument, edit: { start: number; end: number; text: string; replacement: string; confidence: number }): boolean | null {
  const alignment = alignRepair(doc.text, doc.marks, applyEdits(doc.text, [edit]));
  const certain = alignment.marks.filter((m) => !m.mark.unsure && m.outcome !== "unchanged");
  if (alignment.falseEdits.length > 0) return false;
  if (certain.length === 0) return alignment.marks.some((m) => m.outcome !== "unchanged") ? null : false;
  return certain.every((m) => m.outcome === "restored");
}

/** One finding's top restoration, judged against the gold. */
export interface JudgedFinding {
  document: string;
  /** The finding's confidence (span spun) and its top restoration's confidence. */
  spanConfidence: number;
  confidence: number;
  right: boolean;
  /** What produced the finding (dictionary line, rule, composed or fit reading). */
  source: FindingSource;
}

/**
 * Judges the top restoration of every finding from confidence `floor`: in annotated documents against
 * the marks, in clean documents as wrong (any change there is a false edit).
 */
export function judgeFindings(docs: readonly CorpusDocument[], unspinner: Unspinner, floor: number): JudgedFinding[] {
  const judged: JudgedFinding[] = [];
  for (const doc of docs) {
    for (const f of unspinner.detect(doc.text, { minConfidence: floor }).findings) {
      const top = f.restorations[0]!;
      const right = doc.kind === "clean" ? false : judge(doc, { start: f.start, end: f.end, text: f.text, replacement: top.text, confidence: top.confidence });
      if (right !== null) judged.push({ document: doc.path, spanConfidence: f.confidence, confidence: top.confidence, right, source: f.source });
    }
  }
  return judged;
}

/** Reliability table and expected calibration error of judged confidences, in bins from `floor`. */
export function reliability(judged: readonly Pick<JudgedFinding, "confidence" | "right">[], floor = 0.1, binWidth = 0.1): Calibration {
  const bins: CalibrationBin[] = [];
  for (let from = Math.floor(floor / binWidth) * binWidth; from < 1 - 1e-9; from += binWidth) {
    const to = from + binWidth;
    const inBin = judged.filter((j) => j.confidence >= from - 1e-9 && (j.confidence < to - 1e-9 || to >= 1 - 1e-9));
    if (inBin.length === 0) continue;
    bins.push({
      from, to, findings: inBin.length,
      meanConfidence: inBin.reduce((s, j) => s + j.confidence, 0) / inBin.length,
      accuracy: inBin.filter((j) => j.right).length / inBin.length,
    });
  }
  const total = bins.reduce((sum, b) => sum + b.findings, 0);
  const ece = bins.reduce((sum, b) => sum + (b.findings / Math.max(1, total)) * Math.abs(b.accuracy - b.meanConfidence), 0);
  return { bins, ece, findings: total };
}

/** Reliability of the reported confidences, down to `floor`, on annotated and clean documents. */
export function calibrate(docs: readonly CorpusDocument[], unspinner: Unspinner, floor = 0.1, binWidth = 0.1): Calibration {
  return reliability(judgeFindings(docs, unspinner, floor), floor, binWidth);
}
