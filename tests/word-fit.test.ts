import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findCandidates } from "../src/candidates.js";
import { CompositionModel } from "../src/compose.js";
import { DictionaryIndex } from "../src/dictionary/index.js";
import { parseDictionary } from "../src/dictionary/parse.js";
import { LanguageModel, LM_MAGIC, LM_VERSION } from "../src/language-model.js";
import { tokenize } from "../src/tokenize.js";
import { createUnspinner } from "../src/unspinner.js";
import { FITTED_CHANNEL, fitLegit, WordFit } from "../src/word-fit.js";

const model = LanguageModel.load();

/** Habits only these lines teach: `gamers` → `players` from a phrase line, `velocity` with a line of its own. */
const HABITS = `professional gamers => professional players ; legit=0.05
velocity => speed ; legit=0.1
`;

function wordFit(dictionary = HABITS): WordFit {
  return new WordFit(model, new CompositionModel(parseDictionary(dictionary, "habits.dict", "test")));
}

/** A short text with two unmistakable spins (so it is judged spun) and an unlisted habit word. */
const SPUN_TEXT = "Counterfeit consciousness and profound learning are changing sport. The gamers are ready for the new season.";
const SPINS = `counterfeit consciousness => artificial intelligence ; legit=0.001
profound learning => deep learning ; legit=0.001
${HABITS}`;

function dictionaryFile(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "unspin-fit-")), "spins.dict");
  writeFileSync(path, text);
  return path;
}

describe("language model", () => {
  it("prefers the usual word in its usual company", () => {
    expect(model.bigram("united", "states")).toBeGreaterThan(model.bigram("united", "gamers"));
    expect(model.fit("the", "players", "are")).toBeGreaterThan(model.fit("the", "gamers", "are") + 1);
    expect(model.fit("at", "high", "speed")).toBeGreaterThan(model.fit("at", "high", "velocity"));
  });

  it("estimates unseen pairs by backing off and unknown words as rare", () => {
    expect(Number.isFinite(model.bigram("zzzqx", "qqqzz"))).toBe(true);
    expect(model.unigram("zzzqx")).toBeLessThan(model.unigram("speed"));
  });

  it("tells pairs it keeps from pairs it estimates", () => {
    expect(model.hasBigram("united", "states")).toBe(true);
    expect(model.hasBigram("nationwide", "zzzqx")).toBe(false);
    expect(model.hasBigram("zzzqx", "states")).toBe(false);
  });

  it("refuses a file that is not a model, a truncated one or one of another version, naming the file", () => {
    const good = Buffer.alloc(32);
    good.write(LM_MAGIC, 0, "latin1");
    good.writeUInt32LE(LM_VERSION, 8);
    expect(() => LanguageModel.fromBytes(Buffer.from("not a model at all, clearly"), "x.bin")).toThrow(/x\.bin: not an unspin language model/);
    const truncated = Buffer.from(good);
    truncated.writeUInt32LE(10, 12);
    expect(() => LanguageModel.fromBytes(truncated, "t.bin")).toThrow(/t\.bin: language model is truncated or corrupt/);
    const later = Buffer.from(good);
    later.writeUInt32LE(99, 8);
    expect(() => LanguageModel.fromBytes(later, "v.bin")).toThrow(/version 99/);
    const path = join(mkdtempSync(join(tmpdir(), "unspin-lm-")), "lm.bin");
    writeFileSync(path, "garbage");
    expect(() => createUnspinner({ packs: [], languageModel: path })).toThrow(/lm\.bin: not an unspin language model/);
    expect(() => createUnspinner({ packs: [], languageModel: path + ".missing" })).toThrow(/lm\.bin\.missing: cannot read the language model/);
  });

  it("works in place on the bytes of its file, shared or not", () => {
    const shared = LanguageModel.load(undefined, true).fileBytes;
    expect(shared.buffer).toBeInstanceOf(SharedArrayBuffer);
    const inPlace = LanguageModel.fromBytes(shared);
    for (const [a, b, c] of [["the", "players", "are"], ["<s>", "velocity", "</s>"], ["café", "au", "lait"]] as const) {
      expect(inPlace.fit(a, b, c)).toBe(model.fit(a, b, c));
    }
    const text = "Counterfeit consciousness and profound learning are changing sport. The gamers are ready.";
    expect(createUnspinner({ languageModel: shared }).detect(text, { unsureFrom: 0.01 })).toEqual(createUnspinner().detect(text, { unsureFrom: 0.01 }));
  });
});

describe("fit readings", () => {
  it("read a word back through a habit when the original fits its neighbours much better", () => {
    const tokens = tokenize("The gamers are ready.");
    const [reading, ...others] = wordFit().readingsIn(tokens, () => false);
    expect(others).toEqual([]);
    expect(reading).toMatchObject({ at: 1, original: "players" });
    expect(reading!.gain).toBeGreaterThan(1);
  });

  it("are read under a composed reading too: a guessed term must not hide a word's own reading", () => {
    const entries = parseDictionary(`${HABITS}expert advice => professional advice ; legit=0.05\n`, "habits.dict", "test");
    const composer = new CompositionModel(entries);
    const text = "The expert gamers are ready.";
    const candidates = findCandidates(tokenize(text), text, new DictionaryIndex(entries), composer, new WordFit(model, composer));
    const kindsOver = (word: string) => candidates.filter((c) => c.text.split(" ").includes(word)).map((c) => c.origin.kind).sort();
    expect(kindsOver("gamers")).toEqual(["composed", "fit"]);
    // A listed span still covers its words: no fit reading under a dictionary line.
    const listed = parseDictionary(`${HABITS}expert gamers => professional players ; legit=0.05\n`, "habits.dict", "test");
    const listedComposer = new CompositionModel(listed);
    const underLine = findCandidates(tokenize(text), text, new DictionaryIndex(listed), listedComposer, new WordFit(model, listedComposer));
    expect(underLine.filter((c) => c.text.includes("gamers")).map((c) => c.origin.kind)).toEqual(["dictionary"]);
  });

  it("leave words alone that fit as well, that another candidate covers, or that have a line of their own", () => {
    expect(wordFit().readingsIn(tokenize("Video gamers are ready."), () => false)).toEqual([]);
    expect(wordFit().readingsIn(tokenize("The gamers are ready."), (at) => at === 1)).toEqual([]);
    expect(wordFit().readingsIn(tokenize("It moved at high velocity."), () => false)).toEqual([]);
  });

  it("grow more likely with the association and the lines that teach the habit, and never reach certainty", () => {
    const reading = (gain: number, frequency = 0, lines = 1) => ({ gain, frequency, lines });
    const legits = [0.5, 1, 2, 4, 8].map((gain) => fitLegit(reading(gain)));
    for (let i = 1; i < legits.length; i++) expect(legits[i]).toBeLessThan(legits[i - 1]!);
    expect(legits.at(-1)).toBeGreaterThan(0);
    const channel = { ...FITTED_CHANNEL, lineWeight: 0.5 };
    expect(fitLegit(reading(2, 0, 8), channel)).toBeLessThan(fitLegit(reading(2, 0, 1), channel));
    const noAssociation = { ...FITTED_CHANNEL, associationWeight: 0 };
    expect(fitLegit(reading(3, 1), noAssociation)).toBeCloseTo(fitLegit(reading(1, 1), noAssociation));
  });
});

describe("fit readings in the pipeline", () => {
  const dictionaries = [dictionaryFile(SPINS)];
  const withModel = createUnspinner({ packs: [], dictionaries });
  const without = createUnspinner({ packs: [], dictionaries, languageModel: false });

  it("are reported in spun text, with their source, and add no evidence to the verdict", () => {
    const found = withModel.detect(SPUN_TEXT, { unsureFrom: 0.05 });
    const fit = found.findings.find((f) => f.source.kind === "fit");
    expect(fit).toMatchObject({ text: "gamers", source: { kind: "fit", original: "players", lines: 1 } });
    expect(fit!.restorations[0]!.text).toBe("players");
    expect(found.document).toEqual(without.detect(SPUN_TEXT).document);
    expect(without.detect(SPUN_TEXT, { unsureFrom: 0.05 }).findings.some((f) => f.source.kind === "fit")).toBe(false);
  });

  it("stay far below the threshold in clean text, however much better the original would fit", () => {
    const clean = "The gamers are ready for the new season, and the gamers are training every day.";
    const findings = withModel.detect(clean, { unsureFrom: 0.01 }).findings;
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) expect(finding.confidence).toBeLessThan(0.2);
    expect(withModel.repair(clean).text).toBe(clean);
  });

  it("weigh less where the listed spans already explain a page's spin", () => {
    // The same sentence after one listed spin, and after ten: the more a page's spin is explained,
    // the likelier an unlisted word is the writer's own.
    const sentence = " The gamers are ready for the new season.";
    const confidenceAfter = (spins: number) => {
      const text = Array.from({ length: spins }, (_, i) => (i % 2 ? "Profound learning helps." : "Counterfeit consciousness helps.")).join(" ") + sentence;
      return withModel.detect(text, { unsureFrom: 0.001 }).findings.find((f) => f.source.kind === "fit")?.confidence ?? 0;
    };
    expect(confidenceAfter(2)).toBeGreaterThan(confidenceAfter(10));
  });
});
