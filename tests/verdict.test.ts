import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { createUnspinner } from "../src/unspinner.js";
import { SPUN_VERDICT_FROM, VERDICT_MAP } from "../src/verdict.js";

const CLEAN_DIR = fileURLToPath(new URL("../corpus/clean/", import.meta.url));
const unspinner = createUnspinner();

/** The first `count` words of the bundled clean texts, in file order. */
function cleanWords(count: number): string[] {
  const words = readdirSync(CLEAN_DIR).sort().flatMap((f) => readFileSync(CLEAN_DIR + f, "utf8").split(/\s+/).filter(Boolean));
  return words.slice(0, count);
}

// Written for these tests: one sentence of word-table spin, about three of its hallmarks.
const SPUN_SENTENCES = ["Mavens counsel waiting till subsequent 12 months.", "The group's know-how is doable with out help."];

/** Clean text with one spun sentence after every 150 words: about 2% of its words are spinner hallmarks. */
function lightlySpun(words: string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < words.length; i += 150) parts.push(words.slice(i, i + 150).join(" ") + " " + SPUN_SENTENCES[(i / 150) % 2]);
  return parts.join(" ");
}

describe("document verdict", () => {
  it.each([300, 3000])("calls a %i-word text with one spun sentence per 150 words spun, and the text without them clean", (length) => {
    const words = cleanWords(length);
    const clean = unspinner.detect(words.join(" ")).document;
    const light = unspinner.detect(lightlySpun(words)).document;
    expect(clean.verdict).toBe("clean");
    expect(light.verdict).toBe("spun");
    expect(light.spinEvidence).toBeGreaterThan(clean.spinEvidence + 1);
  });

  it("keeps clean text clean at any length: chance matches in a long text do not add up to a verdict", () => {
    const lengths = [100, 1000, 5000, 20000];
    const documents = lengths.map((n) => unspinner.detect(cleanWords(n).join(" ")).document);
    expect(documents.map((d) => d.verdict)).toEqual(lengths.map(() => "clean"));
    expect(documents[3]!.spinEvidence).toBeLessThan(documents[0]!.spinEvidence);
  });

  it("maps evidence to a probability through VERDICT_MAP and says spun only from SPUN_VERDICT_FROM", () => {
    const { document } = unspinner.detect(lightlySpun(cleanWords(300)));
    const expected = 1 / (1 + Math.exp(-(VERDICT_MAP.slope * document.spinEvidence + VERDICT_MAP.intercept)));
    expect(document.spinProbability).toBeCloseTo(expected, 10);
    expect(document.spinProbability >= SPUN_VERDICT_FROM).toBe(document.verdict === "spun");
  });

  it("gives empty text no evidence and a clean verdict", () => {
    expect(unspinner.detect("").document).toMatchObject({ words: 0, spinEvidence: 0, spinProbability: 0, verdict: "clean" });
  });
});
