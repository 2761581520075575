import { lowerBound } from "./search.js";
import type { ScoredCandidate } from "./scoring.js";

/**
 * Chooses non-overlapping candidates that maximise the total of confidence × length in tokens
 * (weighted interval scheduling). Longer readings win when they are about as sure as their parts:
 * `nationwide military → national army` beats `nationwide → national` plus a doubtful `military → army`.
 */
export function chooseNonOverlapping(candidates: readonly ScoredCandidate[]): ScoredCandidate[] {
  const sorted = [...candidates].sort((a, b) => a.endToken - b.endToken || a.startToken - b.startToken || b.confidence - a.confidence);
  const best: number[] = new Array(sorted.length + 1).fill(0);
  const take: boolean[] = new Array(sorted.length).fill(false);
  const previous: number[] = sorted.map((c, i) => lastEndingBefore(sorted, i, c.startToken));
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i]!;
    const withIt = weight(c) + best[previous[i]! + 1]!;
    take[i] = withIt > best[i]!;
    best[i + 1] = take[i] ? withIt : best[i]!;
  }
  const chosen: ScoredCandidate[] = [];
  for (let i = sorted.length - 1; i >= 0; ) {
    if (take[i]) {
      chosen.push(sorted[i]!);
      i = previous[i]!;
    } else i--;
  }
  return chosen.reverse();
}

function weight(candidate: ScoredCandidate): number {
  return candidate.confidence * (candidate.endToken - candidate.startToken);
}

/** Index of the last candidate (in end order) that ends at or before token `start`, or -1. */
function lastEndingBefore(sorted: readonly ScoredCandidate[], upTo: number, start: number): number {
  return lowerBound(upTo, (i) => sorted[i]!.endToken <= start) - 1;
}
