import { diffSequences } from "./diff.js";
import { lowerBound } from "../search.js";
import type { Mark } from "./markup.js";
import { evalTokens, type EvalToken } from "./words.js";

/** What happened to one mark in a repaired text. */
export type MarkOutcome = "unchanged" | "restored" | "changed-other";

export interface MarkResult {
  mark: Mark;
  outcome: MarkOutcome;
  /** The repaired text's tokens in the mark's slot, joined by spaces. */
  got: string;
}

/** A change outside every mark (a false edit), in the plain text's offsets. */
export interface FalseEdit {
  start: number;
  end: number;
  /** The repaired text's tokens there. */
  got: string;
  /** The plain text there ("" for an insertion). */
  was: string;
  /** Number of word tokens counted against the repair. */
  count: number;
}

export interface Alignment {
  marks: MarkResult[];
  falseEdits: FalseEdit[];
  /** Word tokens in the plain text. */
  words: number;
}

/** One unit of the reference: a literal token of the plain text or a whole mark. */
type Item = { kind: "literal"; token: EvalToken } | { kind: "mark"; mark: Mark; options: string[][]; from: number; to: number };

function buildItems(plainTokens: EvalToken[], marks: readonly Mark[]): { items: Item[]; itemOfToken: number[] } {
  const items: Item[] = [];
  const itemOfToken = new Array<number>(plainTokens.length);
  const sorted = [...marks].sort((a, b) => a.start - b.start);
  let m = 0;
  for (let t = 0; t < plainTokens.length; ) {
    const token = plainTokens[t]!;
    while (m < sorted.length && sorted[m]!.end <= token.start && sorted[m]!.end > sorted[m]!.start) m++;
    const mark = sorted[m];
    if (mark && mark.start <= token.start && token.end <= mark.end && mark.end > mark.start) {
      const from = t;
      while (t < plainTokens.length && plainTokens[t]!.end <= mark.end) itemOfToken[t++] = items.length;
      items.push({ kind: "mark", mark, options: optionsOf(mark), from, to: t });
      m++;
    } else {
      itemOfToken[t++] = items.length;
      items.push({ kind: "literal", token });
    }
  }
  return { items, itemOfToken };
}

function optionsOf(mark: Mark): string[][] {
  return mark.originals.map((o) => evalTokens(o).map((t) => t.norm));
}

/** Insertion marks (`{spun|}`) and marks that did not cover whole tokens are placed by offset. */
function emptyMarkResults(marks: readonly Mark[], items: Item[]): MarkResult[] {
  const placed = new Set(items.flatMap((i) => (i.kind === "mark" ? [i.mark] : [])));
  return marks.filter((m) => !placed.has(m)).map((mark) => ({ mark, outcome: "unchanged", got: mark.spun }));
}

const INF = 1e9;

/**
 * Aligns reference items with repaired tokens inside one differing region (small), where each mark
 * may take any number of tokens: free if they spell the spun text or an original, else a cost that
 * grows with the length difference. Literal tokens cost 1 to substitute, delete or insert.
 */
function alignRegion(items: Item[], hyp: EvalToken[], spunLength: (item: Item) => number): { consumed: [number, number][] } {
  const n = items.length;
  const m = hyp.length;
  const cost: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(INF));
  const back: [number, number][][] = Array.from({ length: n + 1 }, () => new Array<[number, number]>(m + 1));
  cost[0]![0] = 0;
  const relax = (i: number, j: number, pi: number, pj: number, c: number) => {
    const total = cost[pi]![pj]! + c;
    if (total < cost[i]![j]!) {
      cost[i]![j] = total;
      back[i]![j] = [pi, pj];
    }
  };
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if (j > 0) relax(i, j, i, j - 1, hyp[j - 1]!.isWord ? 1 : 0.5); // inserted token
      if (i === 0) continue;
      const item = items[i - 1]!;
      if (item.kind === "literal") {
        relax(i, j, i - 1, j, 1); // deleted
        if (j > 0) relax(i, j, i - 1, j - 1, item.token.norm === hyp[j - 1]!.norm ? 0 : 1);
      } else {
        const maxLength = Math.max(spunLength(item), ...item.options.map((o) => o.length)) + 2;
        for (let k = 0; k <= Math.min(j, maxLength); k++) relax(i, j, i - 1, j - k, markCost(item, hyp, j - k, j, spunLength(item)));
      }
    }
  }
  const consumed: [number, number][] = new Array(n);
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const [pi, pj] = back[i]![j]!;
    if (pi < i) consumed[pi] = [pj, j];
    i = pi;
    j = pj;
  }
  return { consumed };
}

function sameTokens(a: readonly string[], hyp: EvalToken[], from: number, to: number): boolean {
  if (a.length !== to - from) return false;
  return a.every((w, i) => w === hyp[from + i]!.norm);
}

function markCost(item: Extract<Item, { kind: "mark" }>, hyp: EvalToken[], from: number, to: number, spunLength: number): number {
  if (item.mark.unsure) return Math.abs(to - from - spunLength) * 0.1;
  if (item.options.some((o) => sameTokens(o, hyp, from, to))) return 0;
  // A wrong restoration most likely has the length of the spun text or of one of its originals.
  const length = to - from;
  return 0.5 + Math.min(Math.abs(length - spunLength), ...item.options.map((o) => Math.abs(length - o.length)));
}

/**
 * Aligns a repaired text with a marked document and says, for every mark, whether the repair left it,
 * restored it or changed it to something else, and lists every change outside the marks.
 */
export function alignRepair(plain: string, marks: readonly Mark[], repaired: string): Alignment {
  const plainTokens = evalTokens(plain);
  const hypTokens = evalTokens(repaired);
  const { items, itemOfToken } = buildItems(plainTokens, marks);
  const results = new Map<Mark, MarkResult>();
  const falseEdits: FalseEdit[] = [];
  const spunLength = (item: Item) => (item.kind === "mark" ? item.to - item.from : 1);
  for (const region of regionsToAlign(plainTokens, hypTokens, itemOfToken)) {
    const regionItems = items.slice(region.itemStart, region.itemEnd);
    const regionHyp = hypTokens.slice(region.hypStart, region.hypEnd);
    const { consumed } = alignRegion(regionItems, regionHyp, spunLength);
    let covered = 0;
    regionItems.forEach((item, i) => {
      const [from, to] = consumed[i]!;
      if (from > covered) falseEdits.push(insertion(regionHyp, covered, from, plainTokens, item));
      covered = to;
      const got = regionHyp.slice(from, to);
      if (item.kind === "mark") results.set(item.mark, classify(item, got));
      else if (!(got.length === 1 && got[0]!.norm === item.token.norm)) {
        falseEdits.push({ start: item.token.start, end: item.token.end, got: got.map((t) => t.norm).join(" "), was: "", count: item.token.isWord || got.some((t) => t.isWord) ? 1 : 0 });
      }
    });
    if (covered < regionHyp.length) falseEdits.push(insertion(regionHyp, covered, regionHyp.length, plainTokens, undefined));
  }
  const markResults = items.flatMap((item) => (item.kind === "mark" ? [results.get(item.mark) ?? { mark: item.mark, outcome: "unchanged" as const, got: item.mark.spun }] : []));
  return {
    marks: [...markResults, ...emptyMarkResults(marks, items)],
    falseEdits: falseEdits.filter((e) => e.count > 0).map((e) => ({ ...e, was: plain.slice(e.start, e.end) })),
    words: plainTokens.filter((t) => t.isWord).length,
  };
}

function insertion(hyp: EvalToken[], from: number, to: number, plainTokens: EvalToken[], before: Item | undefined): FalseEdit {
  const at = before === undefined ? plainTokens[plainTokens.length - 1]?.end ?? 0 : before.kind === "literal" ? before.token.start : before.mark.start;
  const inserted = hyp.slice(from, to);
  return { start: at, end: at, got: inserted.map((t) => t.norm).join(" "), was: "", count: inserted.filter((t) => t.isWord).length };
}

function classify(item: Extract<Item, { kind: "mark" }>, got: EvalToken[]): MarkResult {
  const norms = got.map((t) => t.norm);
  const spun = evalTokens(item.mark.spun).map((t) => t.norm);
  const text = norms.join(" ");
  if (norms.length === spun.length && norms.every((w, i) => w === spun[i])) return { mark: item.mark, outcome: "unchanged", got: text };
  const restored = item.options.some((o) => o.length === norms.length && o.every((w, i) => w === norms[i]));
  return { mark: item.mark, outcome: restored ? "restored" : "changed-other", got: text };
}

interface Region { itemStart: number; itemEnd: number; hypStart: number; hypEnd: number }

/**
 * Diff hunks widened to whole items (a hunk touching part of a mark takes the whole mark, and each
 * hunk takes one neighbouring item on both sides so that an insertion next to a mark can be credited
 * to it), merged where they overlap, and mapped to the repaired text's token range.
 */
function regionsToAlign(plainTokens: EvalToken[], hypTokens: EvalToken[], itemOfToken: number[]): Region[] {
  const hunks = diffSequences(plainTokens.map((t) => t.norm), hypTokens.map((t) => t.norm));
  const lastItem = itemOfToken[plainTokens.length - 1] ?? -1;
  const spans: { itemStart: number; itemEnd: number }[] = [];
  for (const h of hunks) {
    const itemStart = h.aStart > 0 ? itemOfToken[h.aStart - 1]! : 0;
    const itemEnd = (h.aEnd < plainTokens.length ? itemOfToken[h.aEnd]! : lastItem) + 1;
    const previous = spans[spans.length - 1];
    if (previous && itemStart < previous.itemEnd) previous.itemEnd = Math.max(previous.itemEnd, itemEnd);
    else spans.push({ itemStart, itemEnd });
  }
  // Outside hunks the two token sequences match one to one, so a plain-text boundary maps to the
  // repaired text by adding the length changes of the hunks before it.
  const hypBoundary = (tokenBoundary: number): number => {
    let shift = 0;
    for (const h of hunks) {
      if (h.aEnd > tokenBoundary || (h.aStart === h.aEnd && h.aEnd === tokenBoundary)) break;
      shift += h.bEnd - h.bStart - (h.aEnd - h.aStart);
    }
    return tokenBoundary + shift;
  };
  return spans.map(({ itemStart, itemEnd }) => {
    const tokenStart = firstTokenOfItem(itemOfToken, itemStart);
    const tokenEnd = firstTokenOfItem(itemOfToken, itemEnd);
    const hypEnd = tokenEnd >= plainTokens.length ? hypTokens.length : hypBoundary(tokenEnd);
    return { itemStart, itemEnd, hypStart: hypBoundary(tokenStart), hypEnd };
  });
}

/** The first token whose item is ≥ `item` (itemOfToken is non-decreasing). */
function firstTokenOfItem(itemOfToken: number[], item: number): number {
  return lowerBound(itemOfToken.length, (i) => itemOfToken[i]! < item);
}
