import { describe, expect, it } from "vitest";
import { withoutUnchangedEdges, type Edit } from "../src/repair.js";

const edit = (text: string, replacement: string, start = 10): Edit => ({ start, end: start + text.length, text, replacement, confidence: 0.9 });

describe("withoutUnchangedEdges", () => {
  it("drops whole words a restoration leaves as they were, at either end", () => {
    expect(withoutUnchangedEdges(edit("than judges anticipated", "than analysts expected"))).toEqual({ start: 15, end: 33, text: "judges anticipated", replacement: "analysts expected", confidence: 0.9 });
    expect(withoutUnchangedEdges(edit("reminiscent of the", "such as the"))).toMatchObject({ start: 10, end: 24, text: "reminiscent of", replacement: "such as" });
    expect(withoutUnchangedEdges(edit("the Nationwide Military said", "the National Army said"))).toMatchObject({ start: 14, end: 33, text: "Nationwide Military", replacement: "National Army" });
  });

  it("never cuts inside a word, and keeps edits that share no whole word", () => {
    for (const [text, replacement] of [["Nationwide Military", "National Army"], ["a space", "an area"], ["members of the family", "relations"], ["know-how", "technology"]] as const) {
      expect(withoutUnchangedEdges(edit(text, replacement))).toEqual(edit(text, replacement));
    }
  });

  it("keeps the edit's own text a slice of the input", () => {
    const input = "Profits came in advance than judges anticipated.";
    const trimmed = withoutUnchangedEdges({ start: 24, end: 47, text: input.slice(24, 47), replacement: "than analysts expected", confidence: 1 });
    expect(input.slice(trimmed.start, trimmed.end)).toBe(trimmed.text);
  });
});
