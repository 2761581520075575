import { describe, expect, it } from "vitest";
import { CompositionModel } from "../src/compose.js";
import { parseDictionary } from "../src/dictionary/parse.js";
import { scoreCandidates } from "../src/scoring.js";
import { tokenize } from "../src/tokenize.js";
import { createUnspinner } from "../src/unspinner.js";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Written for these tests: two listed tortured terms teach word habits; a third line teaches one more.
const DICT = [
  "irregular woodland => random forest ; legit=0.01",
  "profound learning => deep learning ; legit=0.01",
  "haphazard => random ; legit=0.5",
  "stochastic => random ; legit=0.05",
  "timberland => forest ; legit=0.05",
  "with => in ; legit=0.9",
  "in a => within a ; legit=0.9",
].join("\n");
const model = new CompositionModel(parseDictionary(DICT, "test.dict", "test"));

function readings(text: string) {
  const tokens = tokenize(text);
  return tokens.flatMap((_, i) => model.readingsAt(tokens, i)).map((r) => ({
    span: text.slice(tokens[r.start]!.start, tokens[r.end - 1]!.end), term: r.term, substituted: r.substituted,
  }));
}

describe("composed readings", () => {
  it("map a phrase back word by word to a known term", () => {
    expect(readings("We trained a haphazard woodland on it.")).toEqual([{ span: "haphazard woodland", term: "random forest", substituted: 2 }]);
    expect(readings("Profound forest and random woodland.")).toEqual([{ span: "random woodland", term: "random forest", substituted: 1 }]);
  });

  it("are distinctive only when every word maps back by a distinctive single-word line", () => {
    const distinctive = (text: string) => {
      const tokens = tokenize(text);
      return tokens.flatMap((_, i) => model.readingsAt(tokens, i)).map((r) => r.distinctive);
    };
    expect(distinctive("a stochastic timberland")).toEqual([true]);
    expect(distinctive("a haphazard timberland")).toEqual([false]);
    // `woodland → forest` comes from a phrase line: the phrase is odd, the word is not.
    expect(distinctive("a stochastic woodland")).toEqual([false]);
  });

  it("reassemble `A of B` into the known term `B A`", () => {
    expect(readings("A forest of haphazard trees, and a forest of random.")).toEqual([{ span: "forest of random", term: "random forest", substituted: 1 }]);
    expect(readings("The woodland of haphazard.")).toEqual([{ span: "woodland of haphazard", term: "random forest", substituted: 3 }]);
  });

  it("find every term of a large dictionary, whichever words open it (the opening-pair test never turns one away)", () => {
    // 2,000 made-up terms, each taught a habit for its first and second word.
    const letters = (n: number): string => (n < 26 ? "" : letters(Math.floor(n / 26) - 1)) + String.fromCharCode(97 + (n % 26));
    const word = (n: number, salt: string) => `${salt}${letters(n)}q`;
    const lines = Array.from({ length: 2000 }, (_, n) => [
      `${word(n, "sa")} ${word(n, "tb")} => ${word(n, "a")} ${word(n, "b")} ; legit=0.01`,
      `${word(n, "sx")} => ${word(n, "a")} ; legit=0.05`,
      `${word(n, "sy")} => ${word(n, "b")} ; legit=0.05`,
    ]).flat();
    const large = new CompositionModel(parseDictionary(lines.join("\n"), "large.dict", "test"));
    const found = (text: string) => {
      const tokens = tokenize(text);
      return tokens.flatMap((_, i) => large.readingsAt(tokens, i)).map((r) => r.term);
    };
    for (let n = 0; n < 2000; n += 7) {
      expect(found(`x ${word(n, "sx")} ${word(n, "sy")} y`)).toEqual([`${word(n, "a")} ${word(n, "b")}`]);
      expect(found(`x ${word(n, "a")} ${word(n, "sy")} y`)).toEqual([`${word(n, "a")} ${word(n, "b")}`]);
      expect(found(`x ${word(n, "sx")} ${word(n + 1, "sy")} y`)).toEqual([]);
    }
  });

  it("come out the same from a model restored from its snapshot (what the build stores for the bundled packs)", () => {
    const restored = new CompositionModel(JSON.parse(JSON.stringify(model.snapshot())));
    // As the unspinner restores it: with the entries, whose spun-form strings it then keeps.
    const withEntries = new CompositionModel(JSON.parse(JSON.stringify(model.snapshot())), parseDictionary(DICT, "test.dict", "test"));
    const readingsOf = (m: CompositionModel, text: string) => {
      const tokens = tokenize(text);
      return tokens.flatMap((_, i) => m.readingsAt(tokens, i));
    };
    for (const text of ["We trained a haphazard woodland on it.", "The woodland of haphazard.", "a stochastic timberland", "An irregular woodland.", "A random forest and an irregular woodland."]) {
      expect(readingsOf(restored, text)).toEqual(readingsOf(model, text));
      expect(readingsOf(withEntries, text)).toEqual(readingsOf(model, text));
    }
    expect(withEntries.snapshot()).toEqual(model.snapshot());
    for (const word of ["haphazard", "woodland", "profound", "with", "nothing"]) {
      expect(restored.habitsOf(word)).toEqual(model.habitsOf(word));
      expect(restored.hasOwnLine(word)).toBe(model.hasOwnLine(word));
    }
    expect(restored.habitWords()).toEqual(model.habitWords());
    expect(restored.snapshot()).toEqual(model.snapshot());
  });

  it("leave alone the terms themselves, listed spun phrases, phrases across punctuation and function words", () => {
    expect(readings("A random forest, deep learning.")).toEqual([]);
    expect(readings("An irregular woodland.")).toEqual([]);
    expect(readings("It was haphazard. Woodland followed.")).toEqual([]);
    expect(readings("We met with a friend.")).toEqual([]);
  });

  it("become findings with their own source in a densely spun text", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-compose-"));
    const file = join(dir, "test.dict");
    writeFileSync(file, DICT + "\nfallacious => wrong ; legit=0.01\ncounterfeit consciousness => artificial intelligence ; legit=0.01\n");
    const unspinner = createUnspinner({ packs: [], dictionaries: [file] });
    const text = "Counterfeit consciousness and profound learning beat the haphazard woodland, a fallacious claim.";
    const finding = unspinner.detect(text).findings.find((f) => f.text === "haphazard woodland");
    expect(finding).toMatchObject({ restorations: [{ text: "random forest" }], source: { kind: "composed", term: "random forest", substituted: 2 } });
    const clean = "The walk starts at the old mill and follows the river for two miles. Past the bridge the path " +
      "climbs through a haphazard woodland of birch and hazel, then drops to the village green, where the cafe opens at nine.";
    expect(unspinner.repair(clean).text).toBe(clean);
  });
});

describe("composed readings in scoring", () => {
  const base = { words: 2, context: { participle: false, sentenceStart: false }, text: "x", originals: ["y"] };
  const line = { ...base, startToken: 0, endToken: 2, start: 0, end: 10, legit: 0.01, origin: { kind: "dictionary" as const, pack: "p", source: "p", file: "f", line: 1, spun: "x" } };
  const composed = { ...base, startToken: 0, endToken: 2, start: 0, end: 10, legit: 0.7, origin: { kind: "composed" as const, term: "y", substituted: 1 } };

  it("add no evidence and take no share of an overlapping line's", () => {
    const alone = scoreCandidates([{ ...line }], [0], 50);
    const both = scoreCandidates([{ ...line }, { ...composed }], [0, 0], 50);
    expect(both.evidence).toBeCloseTo(alone.evidence, 12);
    expect(both.units).toBeCloseTo(alone.units, 12);
    expect(both.scored[1]!.confidence).toBeGreaterThan(0);
  });
});
