import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { IDENTITY_MAP } from "../src/confidence.js";
import { createUnspinner, DEFAULT_MIN_CONFIDENCE } from "../src/unspinner.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const unspinner = createUnspinner({ packs: [], dictionaries: [MINI] });

// Written for these tests: dense spin of the kind word-table spinners produce.
const SPUN = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious. " +
  "The avid gamers in this advanced panorama include each financial institution, and members of the family " +
  "between the two capitals remain tense. Officials will meet again in a space near the border this 12 months.";

describe("detect", () => {
  const result = unspinner.detect(SPUN);

  it("reports spans with exact offsets, ranked restorations and their source", () => {
    expect(result.findings.length).toBeGreaterThanOrEqual(8);
    for (const f of result.findings) {
      expect(SPUN.slice(f.start, f.end)).toBe(f.text);
      expect(f.confidence).toBeGreaterThanOrEqual(DEFAULT_MIN_CONFIDENCE);
      expect(f.confidence).toBeLessThanOrEqual(1);
      expect(f.restorations.length).toBeGreaterThan(0);
      expect(f.source).toMatchObject({ kind: "dictionary", source: "test-fixture" });
    }
    const mavens = result.findings.find((f) => f.text === "Mavens")!;
    expect(mavens.source).toMatchObject({ line: 10, spun: "mavens" });
  });

  it("matches inflected forms of multiword entries", () => {
    const texts = result.findings.map((f) => [f.text, f.restorations[0]!.text]);
    expect(texts).toContainEqual(["members of the family", "relations"]);
    expect(texts).toContainEqual(["demanding situations", "challenges"]);
    expect(texts).toContainEqual(["stay", "remain"]);
  });

  it("carries case over and fixes a/an", () => {
    const byText = Object.fromEntries(result.findings.map((f) => [f.text, f.restorations[0]!.text]));
    expect(byText["Mavens"]).toBe("Experts");
    expect(byText["Nationwide"]).toBe("National");
    expect(byText["Military"]).toBe("Army");
    expect(byText["a space"]).toBe("an area");
    expect(result.findings.find((f) => f.text === "a space")!.restorations.map((r) => r.text)).toEqual(["an area", "a region"]);
  });

  it("applies context conditions and POS tests", () => {
    expect(result.findings.some((f) => f.text === "12 months")).toBe(true);
    const legit = unspinner.detect(SPUN.replace("this 12 months", "over 12 months"));
    expect(legit.findings.some((f) => f.text === "12 months")).toBe(false);
    // `stay` is listed for verbs only: the noun (a short stay) never matches
    const noun = unspinner.detect(SPUN.replace("stay serious", "need a short stay"));
    expect(noun.findings.some((f) => f.text === "stay")).toBe(false);
  });

  it("judges the document spun", () => {
    expect(result.document.verdict).toBe("spun");
    expect(result.document.spinProbability).toBeGreaterThan(0.9);
    expect(result.document.spunWordShare).toBeGreaterThan(0.1);
  });

  it("applies doc: conditions only when the text mentions a topic word somewhere", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-doc-"));
    const dict = join(dir, "topics.dict");
    writeFileSync(dict, "components => ingredients ; legit=0.001 ; if=doc:recipe/oven ; unless=doc:circuit\n");
    const topical = createUnspinner({ packs: [], dictionaries: [MINI, dict] });
    const restored = (text: string) => topical.detect(text).findings.some((f) => f.restorations[0]!.text === "ingredients");
    expect(restored(SPUN + " Mix the components before they go in the oven.")).toBe(true);
    expect(restored(SPUN + " Mix the components before they go in the box.")).toBe(false);
    expect(restored(SPUN + " Mix the components of the circuit before the oven test.")).toBe(false);
  });

  it("tests hyphenated condition words on the whole word, though the tokenizer splits it", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-hyphen-"));
    const dict = join(dir, "hyphen.dict");
    writeFileSync(dict, "equilibrium => balance ; legit=0.001 ; unless=prev:work-life\nsteadiness => stability ; legit=0.001 ; if=next:long-term\n");
    const hyphen = createUnspinner({ packs: [], dictionaries: [MINI, dict] });
    const restored = (text: string) => hyphen.detect(SPUN + " " + text).findings.map((f) => f.restorations[0]!.text);
    expect(restored("A fragile equilibrium holds.")).toContain("balance");
    expect(restored("A work-life equilibrium holds.")).not.toContain("balance");
    expect(restored("Its steadiness long-term matters.")).toContain("stability");
    expect(restored("Its steadiness matters long-term.")).not.toContain("stability");
  });

  it("keeps ordinary words with a high legit prior untouched even in spun text", () => {
    const withBalance = unspinner.detect(SPUN + " The balance of power is shifting.");
    expect(withBalance.findings.some((f) => f.text === "balance")).toBe(false);
  });
});

describe("clean text", () => {
  const CLEAN = "My grandmother kept letters from members of the family who emigrated before the war. She read them " +
    "aloud to us on winter evenings, and we learned the names of cousins we would never meet. The avid gamers at " +
    "the club meet on Fridays now, and the army band plays in the square every summer, much as it did when she " +
    "was a girl. Her advanced age never stopped her walking into town; she would stay for hours at the library, " +
    "and the balance of her savings sat in a financial institution on the high street until the day she died. " +
    "She loved the panorama from the hill above the church, and she asked that her ashes be scattered there, " +
    "which we did on a bright morning in April with the whole village watching from the lane.";

  it("is left alone: no findings, verdict clean", () => {
    const result = unspinner.detect(CLEAN);
    expect(result.findings).toEqual([]);
    expect(result.document.verdict).toBe("clean");
    expect(unspinner.repair(CLEAN).text).toBe(CLEAN);
  });

  it("is left alone in a short snippet with one doubtful span, while a near-impossible one still fires", () => {
    const dict = join(mkdtempSync(join(tmpdir(), "unspin-snippet-")), "snippet.dict");
    writeFileSync(dict, "sure => certain ; legit=0.05\ncounterfeit consciousness => artificial intelligence ; legit=0.001\n");
    const alone = createUnspinner({ packs: [], dictionaries: [dict], languageModel: false });
    const snippet = "I am sure the committee will meet again next week to discuss the budget and the new school buildings.";
    expect(alone.repair(snippet).text).toBe(snippet);
    expect(alone.repair("Counterfeit consciousness is changing how we work.").text).toBe("Artificial intelligence is changing how we work.");
  });
});

describe("repair", () => {
  it("changes only the reported spans and nothing else, byte for byte", () => {
    const text = "\uFEFF  " + SPUN.replace(/\. /g, ".\r\n\t") + "  \n😀";
    const result = unspinner.repair(text);
    expect(result.edits.length).toBeGreaterThan(5);
    let rebuilt = "";
    let cursor = 0;
    for (const edit of result.edits) {
      expect(text.slice(edit.start, edit.end)).toBe(edit.text);
      rebuilt += text.slice(cursor, edit.start) + edit.replacement;
      cursor = edit.end;
    }
    expect(rebuilt + text.slice(cursor)).toBe(result.text);
    expect(result.text.startsWith("\uFEFF  Experts suggest")).toBe(true);
    expect(result.text.endsWith("  \n😀")).toBe(true);
  });

  it("is idempotent", () => {
    const once = unspinner.repair(SPUN).text;
    expect(unspinner.repair(once).text).toBe(once);
  });

  it("respects minConfidence", () => {
    expect(unspinner.repair(SPUN, { minConfidence: 1 }).edits).toEqual([]);
    expect(unspinner.repair(SPUN, { minConfidence: 0.5 }).edits.length).toBeGreaterThan(0);
    expect(() => unspinner.repair(SPUN, { minConfidence: 2 })).toThrow(/minConfidence/);
  });

  it("returns empty output for empty input", () => {
    expect(unspinner.repair("")).toMatchObject({ text: "", edits: [] });
    expect(unspinner.detect("").document).toMatchObject({ words: 0, verdict: "clean" });
  });

  it("prefers an original that agrees with the article the spinner left in place", () => {
    expect(unspinner.repair(SPUN + " It was an fallacious claim.").text).toContain("It was an incorrect claim.");
    expect(unspinner.repair(SPUN + " It was a fallacious claim.").text).toContain("It was a wrong claim.");
  });

  it("upper-cases restorations of all-caps text", () => {
    const result = unspinner.repair(SPUN.replace("Nationwide Military", "NATIONWIDE MILITARY"));
    expect(result.text).toContain("NATIONAL ARMY");
  });
});

describe("carryCase", async () => {
  const { carryCase } = await import("../src/restore.js");
  it.each([
    ["Nationwide Military", "national army", "National Army"],
    ["NATIONWIDE", "national", "NATIONAL"],
    ["UN Safety Council", "un security council", "UN Security Council"],
    ["Members of the Family", "relations", "Relations"],
    ["members of the family", "relations", "relations"],
    ["Mavens", "experts", "Experts"],
    ["USA", "United States", "United States"],
    ["THE PLACE", "where", "WHERE"],
    ["usa", "United States", "United States"],
    ["Wall Avenue", "Wall Street", "Wall Street"],
    ["Typically the Metropolis", "the city", "The City"],
  ])("%s + %s → %s", (spun, original, expected) => expect(carryCase(spun, original)).toBe(expected));

  // Capitals the dictionary writes into the spun form (a name, an acronym) are not the original's.
  it.each([
    ["Thomas More", "more", [true, true], false, "more"],
    ["Thomas More", "more", [true, true], true, "More"],
    ["PC reenactment", "computer simulation", [true, false], false, "computer simulation"],
    ["PC reenactment", "computer simulation", [true, false], true, "Computer simulation"],
    ["Gullible Bayes", "naive Bayes", [false, true], true, "Naive Bayes"],
    ["THOMAS MORE", "more", [true, true], false, "MORE"],
    ["Leontyne Price Point", "price point", [true, true, false], false, "Price Point"], // a heading in Title Case stays one
    ["Leontyne Price point", "price point", [true, true, false], false, "price point"],
  ] as const)("%s + %s (capitals %j, sentence start %s) → %s", (spun, original, capitals, sentenceStart, expected) => {
    expect(carryCase(spun, original, capitals, sentenceStart)).toBe(expected);
  });

  it("repairs a capitalised spun name to the original's own case, mid-sentence and at a sentence start", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-case-"));
    const dict = join(dir, "names.dict");
    writeFileSync(dict, "Thomas More => more ; legit=0.001\n");
    const names = createUnspinner({ packs: [], dictionaries: [MINI, dict] });
    expect(names.repair(SPUN + " Thomas More people came than the Thomas More we expected.").text).toContain(" More people came than the more we expected.");
  });
});

describe("unsure findings", () => {
  // `balance` (legit 0.9) stays below the threshold even in this spun text.
  const text = SPUN + " The balance of power is shifting.";

  it("are reported by detect only when asked, marked unsure, and never repaired", () => {
    expect(unspinner.detect(text).findings.some((f) => f.unsure)).toBe(false);
    const withUnsure = unspinner.detect(text, { unsureFrom: 0.01 });
    const balance = withUnsure.findings.find((f) => f.text === "balance");
    expect(balance).toMatchObject({ unsure: true, restorations: [{ text: "stability" }] });
    expect(balance!.confidence).toBeLessThan(DEFAULT_MIN_CONFIDENCE);
    const sure = withUnsure.findings.filter((f) => !f.unsure);
    expect(sure).toEqual(unspinner.detect(text).findings);
    for (let i = 1; i < withUnsure.findings.length; i++) expect(withUnsure.findings[i]!.start).toBeGreaterThanOrEqual(withUnsure.findings[i - 1]!.end);
    expect(unspinner.repair(text).text).toContain("The balance of power");
  });
});

describe("calibrated confidences", () => {
  const raw = createUnspinner({ packs: [], dictionaries: [MINI], confidenceMap: IDENTITY_MAP });
  const shifted = createUnspinner({ packs: [], dictionaries: [MINI], confidenceMap: { slope: 1, intercept: 1 } });

  it("pass every finding through the map, keeping their order and the spans", () => {
    const before = raw.detect(SPUN, { minConfidence: 0.01 }).findings;
    const after = shifted.detect(SPUN, { minConfidence: 0.01 }).findings;
    expect(after.map((f) => f.text)).toEqual(before.map((f) => f.text));
    after.forEach((f, i) => {
      const p = before[i]!.confidence;
      if (p < 0.999) expect(f.confidence).toBeGreaterThan(p);
      expect(f.confidence).toBeCloseTo(1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + 1))), 6);
    });
  });

  it("refuse a map that is not increasing or not finite", () => {
    expect(() => createUnspinner({ packs: [], dictionaries: [MINI], confidenceMap: { slope: 0, intercept: 0 } })).toThrow(/confidenceMap/);
    expect(() => createUnspinner({ packs: [], dictionaries: [MINI], confidenceMap: { slope: 1, intercept: Number.NaN } })).toThrow(/confidenceMap/);
  });
});
