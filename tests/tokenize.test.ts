import { describe, expect, it } from "vitest";
import { forgetPhrases, pieceBounds, stretchBounds, tokenize, tokenizePhrases, tokenizeRange } from "../src/tokenize.js";

const TRICKY = [
  "It’s the place they received’t go; don't.\r\n\tWall Avenue’s gross sales rose 8.5 p.c.",
  "Emoji 😀👍🏽 and café naïve — “quotes” ‘single’ … end  ",
  "URL https://example.com/a?b=c&d=e.\n\nNew paragraph\u00a0with NBSP and zero\u200bwidth.",
  "  leading spaces, trailing tabs\t\t",
  "\uFEFFByte-order mark first, then a soft\u00adhyphen and a word\u2060joiner.",
  "e\u0301 combining, Arabic العربية and Hebrew עברית mixed.",
];

describe("tokenize", () => {
  it.each(TRICKY)("offsets map back to the exact input: %j", (text) => {
    const tokens = tokenize(text);
    expect(tokens.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const token of tokens) {
      expect(text.slice(token.start, token.end)).toBe(token.text);
      expect(text.slice(previousEnd, token.start).trim()).toBe(""); // only whitespace between tokens
      previousEnd = token.end;
    }
    expect(text.slice(previousEnd).trim()).toBe("");
  });

  it("gives POS tags, lemmas and sentence numbers", () => {
    const tokens = tokenize("Officials met the army. They stayed.");
    expect(tokens.find((t) => t.text === "met")).toMatchObject({ pos: "VERB", lemma: "meet", sentence: 0 });
    expect(tokens.find((t) => t.text === "They")!.sentence).toBe(1);
  });

  it("gives each token its case shape", () => {
    const shapes = tokenize("NATO said Nationwide military iPhone 42 A").map((t) => [t.text, t.shape]);
    expect(shapes).toEqual([["NATO", "upper"], ["said", "lower"], ["Nationwide", "title"], ["military", "lower"], ["iPhone", "mixed"], ["42", "none"], ["A", "title"]]);
  });

  it("folds case and curly apostrophes in the matching key", () => {
    expect(tokenize("Received’t")[0]!.key).toBe("received't");
  });

  it("tokenizes phrases the same way as running text", () => {
    const [knowHow, pc] = tokenizePhrases(["know-how", "p.c"]);
    expect(knowHow).toEqual({ keys: ["know", "-", "how"], attached: [false, true, true] });
    expect(pc!.keys).toEqual(["p.c"]);
  });

  it("reads long texts in chunks without losing or shifting a token", () => {
    const paragraph = "The Nationwide Military met officials. 😀 They stayed for hours.\n\n";
    const long = paragraph.repeat(1500) + "x".repeat(70_000) + "😀 end";
    const tokens = tokenize(long);
    for (const t of tokens) expect(long.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.map((t) => t.text.replace(/\s+/g, "")).join("")).toBe(long.replace(/\s+/g, ""));
    for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.sentence).toBeGreaterThanOrEqual(tokens[i - 1]!.sentence);
    expect(tokens.at(-1)!.sentence).toBeGreaterThan(2500);
  });
});

describe("paragraphs (pieces) and stretches", () => {
  const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} tells of the Nationwide Military and its ${"many ".repeat(i % 7)}members of the family.`.repeat(1 + (i % 4)));
  const text = paragraphs.join("\n\n") + "\r\n  \r\nA last line after a break with spaces and carriage returns.";

  it("cover the text, one piece per paragraph, each ending after its paragraph break", () => {
    const bounds = pieceBounds(text);
    expect(bounds).toHaveLength(41);
    expect(bounds[0]![0]).toBe(0);
    expect(bounds.at(-1)![1]).toBe(text.length);
    bounds.forEach(([from, to], i) => {
      if (i > 0) expect(from).toBe(bounds[i - 1]![1]);
      if (i < bounds.length - 1) expect(text.slice(from, to).trimEnd()).toBe(i < 40 ? paragraphs[i] : undefined);
    });
  });

  it("group paragraphs into stretches of at most 64 kB", () => {
    const long = Array.from({ length: 400 }, () => paragraphs.join(" ")).join("\n\n");
    const stretches = stretchBounds(long);
    expect(stretches.length).toBeGreaterThan(1);
    expect(stretches.flat()).toEqual(pieceBounds(long));
    for (const s of stretches) if (s.length > 1) expect(s.at(-1)![1] - s[0]![0]).toBeLessThanOrEqual(64 * 1024);
  });

  it("are tokenized alike alone and within their stretch, and no sentence spans a paragraph break", () => {
    const alone = pieceBounds(text).flatMap(([from, to]) => tokenizeRange(text, from, to).map((t) => [t.text, t.start, t.pos]));
    const tokens = tokenize(text, {});
    expect(tokens.map((t) => [t.text, t.start, t.pos])).toEqual(alone);
    const bounds = pieceBounds(text);
    const paragraphOf = (t: { start: number }) => bounds.findIndex(([, to]) => t.start < to);
    const words = tokens.filter((t) => t.type === "word");
    for (let i = 1; i < words.length; i++) {
      if (paragraphOf(words[i]!) !== paragraphOf(words[i - 1]!)) expect(words[i]!.sentence).not.toBe(words[i - 1]!.sentence);
    }
  });
});

describe("possessives", () => {
  it("split the same way whatever wink-nlp has seen before", () => {
    // wink-nlp keeps a new word whole once it has met it before a comma; the split must not depend on that.
    const words = (text: string) => tokenize(text).map((t) => [t.text, t.start, t.end]);
    expect(words("Quorvath's, then")).toEqual([["Quorvath", 0, 8], ["'s", 8, 10], [",", 10, 11], ["then", 12, 16]]);
    expect(words("Quorvath's team")).toEqual([["Quorvath", 0, 8], ["'s", 8, 10], ["team", 11, 15]]);
    expect(words("the world\u2019s. Our world\u2019s best").filter(([t]) => t === "\u2019s")).toHaveLength(2);
  });
});

describe("remembered phrases", () => {
  it("are tokenized again, identically, after being forgotten", () => {
    const phrases = ["members of the family", "Wall Avenue", "know-how", "p.c"];
    const first = tokenizePhrases(phrases);
    forgetPhrases();
    expect(tokenizePhrases(phrases)).toEqual(first);
  });
});
