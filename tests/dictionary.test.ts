import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CompositionModel } from "../src/compose.js";
import { packFingerprint, readCompiledComposition, readCompiledPack, writeCompiledComposition, writeCompiledPack } from "../src/dictionary/compiled.js";
import { DictionaryIndex } from "../src/dictionary/index.js";
import { BUNDLED_DICTIONARY_DIR, bundledPacks, loadBundledPacks, loadDictionaryFile, loadPack } from "../src/dictionary/load.js";
import { parseDictionary } from "../src/dictionary/parse.js";
import { UnspinError } from "../src/errors.js";
import { forgetPhrases, tokenize, tokenizePhrases } from "../src/tokenize.js";

const parse = (text: string) => parseDictionary(text, "test.dict", "test");

function errorOf(text: string): UnspinError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof UnspinError) return error;
    throw error;
  }
  throw new Error("expected a dictionary error");
}

describe("dictionary lines", () => {
  it("parses originals, legit, conditions and provenance", () => {
    const [entry] = parse("@source dev-notes\nreminiscent of => such as | like ; legit=0.05 ; if=next:NOUN/the ; unless=prev:scent");
    expect(entry).toMatchObject({ spun: "reminiscent of", originals: ["such as", "like"], legit: 0.05, source: "dev-notes", line: 2 });
    expect(entry!.conditions).toHaveLength(2);
    expect([...entry!.conditions[0]!.tags]).toEqual(["NOUN"]);
    expect([...entry!.conditions[0]!.words]).toEqual(["the"]);
    expect(entry!.conditions[1]!.negated).toBe(true);
  });

  it("expands nouns on the marked head word", () => {
    const spun = parse("member* of the family => relation* ; infl=noun").map((e) => [e.spun, e.originals[0]]);
    expect(spun).toEqual([["member of the family", "relation"], ["members of the family", "relations"]]);
  });

  it("expands verbs and keeps past and participle apart when the original needs it", () => {
    const entries = parse("stay => remain ; infl=verb\ndemonstrate => show ; infl=verb");
    const forms = Object.fromEntries(entries.map((e) => [e.spun, e]));
    expect(forms["stays"]!.originals).toEqual(["remains"]);
    expect(forms["staying"]!.originals).toEqual(["remaining"]);
    expect(forms["demonstrated"]).toMatchObject({ originals: ["showed"], participles: ["shown"], form: "past-or-participle" });
  });

  it("lets a form written on its own line override a generated one", () => {
    const entries = parse("convene => meet ; infl=verb\nconvenes => gathers");
    expect(entries.find((e) => e.spun === "convenes")!.originals).toEqual(["gathers"]);
    expect(entries.find((e) => e.spun === "convened")!.originals).toEqual(["met"]);
  });

  it.each([
    ["no arrow here", /test\.dict:1: missing "=>"/],
    [" => original", /test\.dict:1: the spun form is empty/],
    ["spun => ", /test\.dict:1: an original is empty/],
    ["spun => a || b", /test\.dict:1: an original is empty/],
    ["same => Same", /test\.dict:1: the original "Same" equals the spun form/],
    ["spun => x ; legit=2", /legit must be a number between 0 and 1/],
    ["spun => x ; legit=abc", /legit must be a number/],
    ["spun => x ; colour=red", /unknown option "colour"/],
    ["spun => x ; pos=NOUNS", /unknown POS tag "NOUNS"/],
    ["spun => x ; if=after:NOUN", /condition "after:NOUN" must look like/],
    ["spun => x ; if=doc:recipe/NOUN", /doc: takes words, not POS tags/],
    ["spun* => x*", /marks the inflected word, but the line has no infl=/],
    ["# fine\n@weird directive", /test\.dict:2: unknown directive/],
    ["a => b\nb => c\na => d", /test\.dict:3: "a" is already defined at line 1 with other originals/],
  ])("rejects %j", (text, message) => {
    const error = errorOf(text);
    expect(error.code).toBe("DICTIONARY_SYNTAX");
    expect(error.message).toMatch(message);
  });

  it("allows two-way swaps and identical duplicates", () => {
    expect(parse("army => military\nmilitary => army\narmy => military")).toHaveLength(2);
  });

  it("names the file and line of a malformed line in an extra dictionary file", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-dict-"));
    const file = join(dir, "extra.dict");
    writeFileSync(file, "# comment\nok => fine\nbroken line\n");
    expect(() => loadDictionaryFile(file)).toThrow(/extra\.dict:3: missing "=>"/);
  });

  it("treats a pack folder as one dictionary: conflicting duplicates across files are rejected", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-pack-"));
    writeFileSync(join(dir, "a.dict"), "mavens => experts\nsame => identical\n");
    writeFileSync(join(dir, "b.dict"), "# repeat that agrees\nsame => identical\nmavens => connoisseurs\n");
    expect(() => loadDictionaryFile(dir)).toThrow(/b\.dict:3: "mavens" is already defined at .*a\.dict:1 with other originals/);
    writeFileSync(join(dir, "b.dict"), "same => identical\n");
    expect(loadDictionaryFile(dir).map((e) => e.spun)).toEqual(["mavens", "same"]);
  });

  it("reports a missing dictionary file clearly", () => {
    expect(() => loadDictionaryFile("/nonexistent/x.dict")).toThrow(/x\.dict: cannot read dictionary \(ENOENT\)/);
  });
});

describe("dictionary index", () => {
  const matches = (index: DictionaryIndex, text: string) => {
    const tokens = tokenize(text);
    return tokens.flatMap((_, i) => index.matchAt(tokens, i)).map((m) => [m.entry.spun, m.start, m.end]);
  };

  it("matches a spun form only where the text spaces its tokens the same way", () => {
    const index = new DictionaryIndex(parse("know-how => technology\nwall avenue => Wall Street"));
    expect(matches(index, "new know-how on Wall Avenue")).toEqual([["know-how", 1, 4], ["wall avenue", 5, 7]]);
    expect(matches(index, "we know - how it works")).toEqual([]);
  });

  it("keeps every entry of a shared spun form", () => {
    const entries = [...parse("stays => remains"), ...parseDictionary("stays => lingers", "other.dict", "other")];
    const found = tokenize("he stays").flatMap((_, i, tokens) => new DictionaryIndex(entries).matchAt(tokens, i));
    expect(found.map((m) => m.entry.originals[0])).toEqual(["remains", "lingers"]);
  });

  it("tells apart spun forms with the same tokens and different spacing, and branches after a shared word", () => {
    // `know - how` is spaced, `know-how` attached, at the same trie node; `know-how` and `know better` share `know`.
    const index = new DictionaryIndex(parse("know - how => method\nknow-how => technology\nknow better => understand"));
    expect(matches(index, "know-how")).toEqual([["know-how", 0, 3]]);
    expect(matches(index, "we know - how")).toEqual([["know - how", 1, 4]]);
    expect(matches(index, "they know better")).toEqual([["know better", 1, 3]]);
  });

  it("rejects a spun form too long for the index, naming its file and line", () => {
    const long = Array.from({ length: 32 }, (_, i) => `w${i}`).join(" ");
    expect(() => new DictionaryIndex(parse(`fine => good\n${long} => short`))).toThrow(/test\.dict:2: the spun form has 32 tokens, more than 31/);
  });
});

describe("bundled packs", () => {
  it("ship web-spinner and tortured-science, and all of them load", () => {
    expect(bundledPacks()).toEqual(expect.arrayContaining(["web-spinner", "tortured-science"]));
    const entries = loadBundledPacks();
    expect(entries.length).toBeGreaterThan(2000);
    for (const pack of bundledPacks()) expect(entries.some((e) => e.pack === pack)).toBe(true);
  });
});

describe("compiled packs", () => {
  const dir = mkdtempSync(join(tmpdir(), "unspin-compiled-"));
  const pack = join(dir, "pack");
  mkdirSync(pack);
  writeFileSync(join(pack, "a.dict"), "mavens => experts ; legit=0.02\nstay* => remain* ; infl=verb ; legit=0.4\n");
  const compiledDir = join(dir, "compiled");

  it("load the same entries as parsing the files", () => {
    writeCompiledPack(pack, "pack", loadPack(pack, "pack"), compiledDir);
    expect(readCompiledPack(pack, "pack", compiledDir)).toEqual(loadPack(pack, "pack"));
  });

  it("are ignored once a dictionary file changes, or when unreadable", () => {
    writeCompiledPack(pack, "pack", loadPack(pack, "pack"), compiledDir);
    writeFileSync(join(pack, "a.dict"), "mavens => pundits ; legit=0.02\n");
    expect(readCompiledPack(pack, "pack", compiledDir)).toBeUndefined();
    writeFileSync(join(compiledDir, "pack.json"), "not a compiled pack");
    expect(readCompiledPack(pack, "pack", compiledDir)).toBeUndefined();
  });

  it("give back each phrase's tokens as the tokenizer makes them (keys and spacing)", () => {
    writeFileSync(join(pack, "b.dict"), "know-how => technology\np.c => percent\nmembers of the family => relations\n");
    const phrases = ["know-how", "p.c", "members of the family"];
    forgetPhrases();
    const fresh = tokenizePhrases(phrases);
    writeCompiledPack(pack, "pack", loadPack(pack, "pack"), compiledDir);
    forgetPhrases();
    expect(readCompiledPack(pack, "pack", compiledDir)).toBeDefined();
    expect(tokenizePhrases(phrases)).toEqual(fresh);
  });

  it("store a composition model that is ignored once a pack changes", () => {
    const snapshot = new CompositionModel(loadPack(pack, "pack")).snapshot();
    writeCompiledComposition([pack], snapshot, compiledDir);
    expect(readCompiledComposition([packFingerprint(pack)], compiledDir)).toEqual(snapshot);
    writeFileSync(join(pack, "a.dict"), "mavens => specialists ; legit=0.02\n");
    expect(readCompiledComposition([packFingerprint(pack)], compiledDir)).toBeUndefined();
  });

  it("give the bundled packs exactly as parsed", () => {
    const packs = bundledPacks();
    packs.forEach((p) => writeCompiledPack(join(BUNDLED_DICTIONARY_DIR, p), p, loadPack(join(BUNDLED_DICTIONARY_DIR, p), p), compiledDir));
    expect(loadBundledPacks(packs, compiledDir)).toEqual(packs.flatMap((p) => loadPack(join(BUNDLED_DICTIONARY_DIR, p), p)));
  });
});
