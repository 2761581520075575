import type { Alignment } from "./align.js";

/** Counts from which every rate is derived (so totals are sums, not averages of rates). */
export interface Counts {
  words: number;
  certainMarks: number;
  changedCertain: number;
  restoredCertain: number;
  falseEdits: number;
  /** Word edit distance from the input to the gold original, and from the repair to it. */
  distanceBefore: number;
  distanceAfter: number;
}

export interface Rates {
  restorationAccuracy: number | null;
  detectionPrecision: number | null;
  detectionRecall: number | null;
  falseEditsPer1000Words: number | null;
  /** Share of the word edit distance to the gold original that the repair removed (negative: added). */
  distanceReduction: number | null;
}

export function countAlignment(alignment: Alignment, distanceBefore = 0, distanceAfter = 0): Counts {
  const certain = alignment.marks.filter((m) => !m.mark.unsure);
  return {
    words: alignment.words,
    certainMarks: certain.length,
    changedCertain: certain.filter((m) => m.outcome !== "unchanged").length,
    restoredCertain: certain.filter((m) => m.outcome === "restored").length,
    falseEdits: alignment.falseEdits.reduce((sum, e) => sum + e.count, 0),
    distanceBefore,
    distanceAfter,
  };
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    words: a.words + b.words,
    certainMarks: a.certainMarks + b.certainMarks,
    changedCertain: a.changedCertain + b.changedCertain,
    restoredCertain: a.restoredCertain + b.restoredCertain,
    falseEdits: a.falseEdits + b.falseEdits,
    distanceBefore: a.distanceBefore + b.distanceBefore,
    distanceAfter: a.distanceAfter + b.distanceAfter,
  };
}

export const ZERO_COUNTS: Counts = { words: 0, certainMarks: 0, changedCertain: 0, restoredCertain: 0, falseEdits: 0, distanceBefore: 0, distanceAfter: 0 };

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** The SPIN-MARKUP definitions: precision counts every change outside marks against the repair. */
export function rates(c: Counts): Rates {
  return {
    restorationAccuracy: ratio(c.restoredCertain, c.certainMarks),
    detectionPrecision: ratio(c.changedCertain, c.changedCertain + c.falseEdits),
    detectionRecall: ratio(c.changedCertain, c.certainMarks),
    falseEditsPer1000Words: c.words === 0 ? null : (1000 * c.falseEdits) / c.words,
    distanceReduction: c.distanceBefore === 0 ? null : 1 - c.distanceAfter / c.distanceBefore,
  };
}
