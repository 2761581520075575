import { describe, expect, it } from "vitest";
import { candidatesOfText, PieceMemo, type CandidateSources } from "../src/candidates-of-text.js";
import { CompositionModel } from "../src/compose.js";
import { DictionaryIndex } from "../src/dictionary/index.js";
import { parseDictionary } from "../src/dictionary/parse.js";
import { LanguageModel } from "../src/language-model.js";
import { createUnspinner } from "../src/unspinner.js";
import { WordFit } from "../src/word-fit.js";

const DICTIONARY = [
  "nationwide military => national army ; legit=0.001",
  "members of the family => relations ; legit=0.3 ; if=prev:bilateral/diplomatic",
  "elements => ingredients ; legit=0.2 ; if=doc:recipe/oven",
  "an important => a key ; legit=0.5",
  "gamers => players ; legit=0.05",
  "avid gamer => player ; legit=0.01",
  "report => account ; legit=0.01 ; unless=prev:peace",
].join("\n");
const entries = parseDictionary(DICTIONARY, "memo.dict", "test");
const composer = new CompositionModel(entries);
const sources: CandidateSources = { index: new DictionaryIndex(entries), composer, wordFit: new WordFit(LanguageModel.load(), composer) };

/** Paragraphs enough for several pieces, each with something for every line but the doc: one to find. */
const paragraphs = Array.from({ length: 60 }, (_, i) =>
  `Report ${i}: the Nationwide Military held talks on bilateral members of the family, an important step. ` +
  `The elements of the deal, an avid gamer says, were agreed over ${i + 2} days of talks in the capital. `.repeat(2 + (i % 3)) +
  (i === 29 ? "They hoped for peace" : ""),
);
const text = paragraphs.join("\n\n");

describe("reading a text again with a memo of its pieces", () => {
  it("finds what reading it afresh finds, with the candidates moved to their new offsets", () => {
    const memo = new PieceMemo();
    candidatesOfText(sources, text, memo);
    const piecesRead = memo.byText.size;
    // An edit early on that changes the length, one that changes the words of a paragraph, and one
    // at the end of the paragraph before an unchanged one (a condition must not look across).
    const edited = text.replace("Report 3: the Nationwide Military", "Report 3: the National Army of the east").replace("Report 47:", "Report seventeen, late:").replace("hoped for peace", "hoped for calm");
    expect(candidatesOfText(sources, edited, memo)).toEqual(candidatesOfText(sources, edited));
    // Most pieces were taken from the memo: only those around the two edits were read again.
    expect(piecesRead).toBeGreaterThanOrEqual(8);
    expect(memo.byText.size - piecesRead).toBeLessThanOrEqual(4);
  });

  it("reads a piece again when the text's answer to one of its doc: questions changed", () => {
    const memo = new PieceMemo();
    const before = candidatesOfText(sources, text, memo);
    expect(before.candidates.some((c) => c.text === "elements")).toBe(false);
    const edited = text.replace("Report 50:", "Report 50, from the recipe pages:");
    const after = candidatesOfText(sources, edited, memo);
    expect(after).toEqual(candidatesOfText(sources, edited));
    expect(after.candidates.filter((c) => c.text === "elements").length).toBeGreaterThan(20);
  });

  it("makes repair no different from detect on its output", () => {
    const unspinner = createUnspinner();
    const long = Array.from({ length: 30 }, (_, i) => (i % 5 === 0 ? "Mavens counsel that the Nationwide Military will meet key avid gamers." : `Paragraph ${i} is plain English about the weather and the harvest this year. `.repeat(8))).join("\n\n");
    const repaired = unspinner.repair(long);
    expect(repaired.edits.length).toBeGreaterThan(5);
    expect(unspinner.detect(repaired.text).findings).toEqual([]);
    expect(unspinner.repair(repaired.text).edits).toEqual([]);
  });
});
