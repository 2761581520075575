/** A differing region: a[aStart, aEnd) was replaced by b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * Myers' O((N+M)·D) diff of two sequences of strings, returning the differing regions. Repairs
 * change few tokens, so D is small and long documents diff quickly.
 */
export function diffSequences(a: readonly string[], b: readonly string[]): Hunk[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let done = false;
  for (let d = 0; d <= max && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  return hunksFromTrace(trace, a.length, b.length, offset);
}

function hunksFromTrace(trace: Int32Array[], n: number, m: number, offset: number): Hunk[] {
  // Walk back through the saved frontiers, collecting matched pairs, then group the gaps into hunks.
  const matchedA = new Int32Array(n).fill(-1);
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = v[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) matchedA[--x] = --y;
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) matchedA[--x] = --y;
  const hunks: Hunk[] = [];
  let ai = 0;
  let bi = 0;
  while (ai < n || bi < m) {
    if (ai < n && matchedA[ai] === bi) {
      ai++;
      bi++;
      continue;
    }
    const hunk = { aStart: ai, aEnd: ai, bStart: bi, bEnd: bi };
    while (ai < n && matchedA[ai] === -1) ai++;
    const nextB = ai < n ? matchedA[ai]! : m;
    hunk.aEnd = ai;
    hunk.bEnd = nextB;
    bi = nextB;
    hunks.push(hunk);
  }
  return hunks;
}
