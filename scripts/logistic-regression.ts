/**
 * Logistic regression by Newton's method, shared by the fitting scripts: P(y = 1) = logistic(offset +
 * Σ weights[i] · x[i]), each point with a weight in the log loss. The loss is convex, so a few dozen
 * Newton steps reach the optimum.
 */
import { logistic } from "../src/confidence.js";

export interface RegressionPoint {
  x: readonly number[];
  y: 0 | 1;
  /** The point's weight in the log loss (default 1). */
  weight?: number;
  /** A known part of the log odds (default 0). */
  offset?: number;
}

/** The weights that minimise the weighted log loss, starting from `start` (default all 0). */
export function fitLogistic(points: readonly RegressionPoint[], start?: readonly number[], steps = 50): number[] {
  const size = points[0]?.x.length ?? 0;
  let weights = start ? [...start] : new Array<number>(size).fill(0);
  for (let step = 0; step < steps; step++) {
    const gradient = new Array<number>(size).fill(0);
    // A tiny ridge keeps the system solvable when a feature is constant.
    const hessian = Array.from({ length: size }, (_, i) => Array.from({ length: size }, (_, j) => (i === j ? 1e-9 : 0)));
    for (const point of points) {
      const p = logistic((point.offset ?? 0) + point.x.reduce((sum, xi, i) => sum + xi * weights[i]!, 0));
      const weight = point.weight ?? 1;
      point.x.forEach((xi, i) => {
        gradient[i]! += weight * (p - point.y) * xi;
        point.x.forEach((xj, j) => (hessian[i]![j]! += weight * p * (1 - p) * xi * xj));
      });
    }
    const delta = solve(hessian, gradient);
    weights = weights.map((w, k) => w - delta[k]!);
    if (delta.every((d) => Math.abs(d) < 1e-12)) break;
  }
  return weights;
}

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
function solve(matrix: readonly (readonly number[])[], vector: readonly number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i]!]);
  for (let col = 0; col < n; col++) {
    const pivot = a.slice(col).reduce((best, row, i) => (Math.abs(row[col]!) > Math.abs(a[best]![col]!) ? col + i : best), col);
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    for (let row = col + 1; row < n; row++) {
      const factor = a[row]![col]! / a[col]![col]!;
      for (let k = col; k <= n; k++) a[row]![k]! -= factor * a[col]![k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row--) x[row] = (a[row]![n]! - a[row]!.slice(row + 1, n).reduce((sum, v, k) => sum + v * x[row + 1 + k]!, 0)) / a[row]![row]!;
  return x;
}
