import { describe, expect, it } from "vitest";
import { alignRepair } from "../src/eval/align.js";
import { parseMarkup } from "../src/eval/markup.js";
import { countAlignment, rates } from "../src/eval/metrics.js";
import { diffSequences } from "../src/eval/diff.js";
import { reliability } from "../src/eval/calibration.js";

const MARKED = "The {Nationwide|National} {Military|Army} met {members of the family|relatives|relations} in the {town|city}. " +
  "{?Nevertheless|However}, {a space|an area} of \\{braces\\} and a pipe \\| stay{ typical|}.";

function score(marked: string, repaired: string) {
  const { plain, marks } = parseMarkup(marked);
  return rates(countAlignment(alignRepair(plain, marks, repaired)));
}

describe("spin markup", () => {
  it("parses certain, unsure and insertion marks and escapes", () => {
    const { plain, marks } = parseMarkup(MARKED);
    expect(plain).toBe("The Nationwide Military met members of the family in the town. Nevertheless, a space of {braces} and a pipe | stay typical.");
    expect(marks.map((m) => [m.spun, m.unsure])).toContainEqual(["Nevertheless", true]);
    expect(marks.at(-1)).toMatchObject({ spun: " typical", originals: [""] });
    for (const m of marks) expect(plain.slice(m.start, m.end)).toBe(m.spun);
  });

  it.each([["{unclosed|x"], ["stray } brace"], ["{nooriginal}"], ["{a|{b}}"]])("rejects %j", (text) => {
    expect(() => parseMarkup(text, "doc.ann")).toThrow(/doc\.ann:1:/);
  });
});

describe("alignment and metrics", () => {
  const { plain } = parseMarkup(MARKED);

  it("an untouched text restores nothing and edits nothing", () => {
    expect(score(MARKED, plain)).toMatchObject({ restorationAccuracy: 0, detectionPrecision: null, detectionRecall: 0, falseEditsPer1000Words: 0 });
  });

  it("a perfect repair scores 1 everywhere (any listed original counts; case is ignored)", () => {
    const repaired = "The national army met relations in the CITY. However, an area of {braces} and a pipe | stay.";
    expect(score(MARKED, repaired)).toMatchObject({ restorationAccuracy: 1, detectionPrecision: 1, detectionRecall: 1, falseEditsPer1000Words: 0 });
  });

  it("separates wrong restorations from misses and counts edits outside marks", () => {
    const repaired = "The National Armed met members of the family in the city. Nevertheless, a region of {braces} and one pipe | stay typical.";
    const r = score(MARKED, repaired);
    // changed: National (right), Armed (wrong), city (right), a region (not listed, so wrong): 4 of 6
    expect(r.detectionRecall).toBeCloseTo(4 / 6);
    expect(r.restorationAccuracy).toBeCloseTo(2 / 6);
    expect(r.detectionPrecision).toBeCloseTo(4 / 5); // "a pipe" → "one pipe" is a false edit
  });

  it("counts every change to a clean text as a false edit", () => {
    const clean = "one two three four five six seven eight nine ten";
    const r = score(clean, "one 2 three four five six seven eight nine ten extra");
    expect(r.falseEditsPer1000Words).toBeCloseTo(200);
    const edits = alignRepair(clean, [], "one 2 three four five six seven eight nine ten extra").falseEdits;
    expect(edits.map((e) => [e.was, e.got])).toEqual([["two", "2"], ["", "extra"]]);
  });

  it("diffs long sequences exactly", () => {
    const a = Array.from({ length: 3000 }, (_, i) => `w${i % 97}`);
    const b = [...a];
    b.splice(100, 2, "x");
    b.splice(2000, 0, "y", "z");
    expect(diffSequences(a, b)).toEqual([
      { aStart: 100, aEnd: 102, bStart: 100, bEnd: 101 },
      { aStart: 2001, aEnd: 2001, bStart: 2000, bEnd: 2002 },
    ]);
  });
});

describe("word distance", () => {
  it("counts word edits, folding case", async () => {
    const { wordDistance, goldText } = await import("../src/eval/distance.js");
    expect(wordDistance("the Nationwide Military met", "the national army met")).toBe(2);
    expect(wordDistance("a b c", "a b c")).toBe(0);
    const { plain, marks } = parseMarkup(MARKED);
    expect(goldText(plain, marks)).toBe("The National Army met relatives in the city. Nevertheless, an area of {braces} and a pipe | stay.");
  });
});

describe("reliability table", () => {
  it("bins confidences and weighs each bin's gap by its share of findings", () => {
    const judged = [
      { confidence: 0.15, right: false }, { confidence: 0.15, right: false },
      { confidence: 0.95, right: true }, { confidence: 0.95, right: true }, { confidence: 1, right: false },
    ];
    const table = reliability(judged, 0.1, 0.1);
    expect(table.bins.map((b) => [b.findings, b.accuracy])).toEqual([[2, 0], [3, 2 / 3]]);
    expect(table.ece).toBeCloseTo((2 / 5) * 0.15 + (3 / 5) * Math.abs(2 / 3 - (0.95 + 0.95 + 1) / 3), 9);
  });
});
