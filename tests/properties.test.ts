import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createUnspinner } from "../src/unspinner.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const unspinner = createUnspinner({ packs: [], dictionaries: [MINI] });
// Seeded so that a failure reproduces; override with FC_SEED to explore.
const SEED = Number(process.env.FC_SEED ?? 20261128);
const RUNS = Number(process.env.FC_RUNS ?? 1500);

// Spinner vocabulary mixed with hostile Unicode, so that properties are tested where edits happen.
const pieces = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("Mavens", "counsel", "demanding situations", "Nationwide", "Military", "army",
    "members of the family", "member of the family", "stays", "avid gamers", "advanced panorama", "a space", "an",
    "financial institution", "this 12 months", "hours", "balance", "NATIONWIDE", "three.25", "the", "and", ".") },
  { weight: 2, arbitrary: fc.constantFrom(" ", " ", "\r\n", "\n\n", "\t", "\u00a0", "\u200b", "\u200d", "\u0301", "😀", "👍🏽",
    "👨‍👩‍👧", "עברית", "العربية", "\uFEFF", "\ud800", "\udc00", "’", "“", "—") },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
);
const texts = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(""));
const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([text.length]);
  for (const { index } of segmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

describe("repair properties", () => {
  it("never throws, changes only its edits, and keeps edits on grapheme boundaries", () => {
    let withEdits = 0;
    fc.assert(
      fc.property(texts, (text) => {
        const result = unspinner.repair(text);
        if (result.edits.length > 0) withEdits++;
        const boundaries = graphemeBoundaries(text);
        let rebuilt = "";
        let cursor = 0;
        for (const edit of result.edits) {
          expect(edit.start).toBeGreaterThanOrEqual(cursor);
          expect(text.slice(edit.start, edit.end)).toBe(edit.text);
          expect(boundaries.has(edit.start) && boundaries.has(edit.end)).toBe(true);
          rebuilt += text.slice(cursor, edit.start) + edit.replacement;
          cursor = edit.end;
        }
        expect(rebuilt + text.slice(cursor)).toBe(result.text);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // The generator must actually exercise edits, or the property says nothing.
    expect(withEdits).toBeGreaterThan(RUNS / 10);
  });

  it("is idempotent: repair(repair(x)) === repair(x)", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const once = unspinner.repair(text).text;
        expect(unspinner.repair(once).text).toBe(once);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});

describe("detect properties", () => {
  it("gives valid, ordered, non-overlapping offsets and the same answer every time", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const first = unspinner.detect(text);
        let cursor = 0;
        for (const f of first.findings) {
          expect(f.start).toBeGreaterThanOrEqual(cursor);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(f.start, f.end)).toBe(f.text);
          cursor = f.end;
        }
        expect(unspinner.detect(text)).toEqual(first);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
