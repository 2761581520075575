/**
 * How much of a third-party tortured-phrase list (such as the Problematic Paper Screener export: pass
 * its path, never copy it into the project) the bundled dictionaries also contain, and whether those
 * lines look written from the spinners' word habits or copied from the list.
 *
 *   npx tsx scripts/pps-overlap.ts PATH/tortured-phrases.json
 *
 * A line overlaps when one of its surface forms and one of its originals are a pair of the list. An
 * overlapping line is "derivable" when each word it substitutes (original word → spun word, for an
 * original of as many words) is also taught by some line of the packs that does not overlap: the pair
 * then follows from habits the packs show elsewhere. Lines that change the number of words (`the
 * executives` for `management`) are never derivable by this test. Prints the counts, and with
 * SHOW=1 the lines that are not derivable.
 */
import { readFileSync } from "node:fs";
import { loadBundledPacks } from "../src/dictionary/load.js";
import type { DictionaryEntry } from "../src/dictionary/types.js";

const norm = (s: string) => s.toLowerCase().replace(/\*/g, "").replace(/\s+/g, " ").trim();
const path = process.argv[2];
if (!path) {
  console.error("usage: npx tsx scripts/pps-overlap.ts PATH/tortured-phrases.json");
  process.exit(2);
}
const list = (JSON.parse(readFileSync(path, "utf8")) as { phrases: { tortured: string; correct: string }[] }).phrases;
const listPairs = new Set(list.map((p) => `${norm(p.tortured)} => ${norm(p.correct)}`));

/** Every surface form of a dictionary line (inflected forms included), by file and line. */
const lines = new Map<string, DictionaryEntry[]>();
for (const entry of loadBundledPacks()) {
  const key = `${entry.pack}/${entry.file.split("/").pop()}:${entry.line}`;
  lines.set(key, [...(lines.get(key) ?? []), entry]);
}

const overlaps = (forms: readonly DictionaryEntry[]) => forms.some((e) => e.originals.some((o) => listPairs.has(`${norm(e.spun)} => ${norm(o)}`)));

/** original word → spun word, for each original with as many words as the spun form. */
function substitutions(entry: DictionaryEntry): string[][] {
  const spun = norm(entry.spun).split(" ");
  return entry.originals.map(norm).filter((o) => o.split(" ").length === spun.length)
    .map((o) => o.split(" ").flatMap((word, k) => (word === spun[k] ? [] : [`${word} > ${spun[k]}`])));
}

const overlapping = [...lines].filter(([, forms]) => overlaps(forms));
const taught = new Set<string>();
for (const [, forms] of lines) if (!overlaps(forms)) for (const e of forms) for (const subs of substitutions(e)) subs.forEach((s) => taught.add(s));

const derivable = (forms: readonly DictionaryEntry[]) =>
  forms.some((e) => substitutions(e).some((subs) => subs.length > 0 && subs.every((s) => taught.has(s))));
const notDerivable = overlapping.filter(([, forms]) => !derivable(forms));

const byPack = new Map<string, number>();
for (const [key] of overlapping) byPack.set(key.split("/")[0]!, (byPack.get(key.split("/")[0]!) ?? 0) + 1);
const linesOf = (pack: string) => [...lines.keys()].filter((k) => k.startsWith(`${pack}/`)).length;
console.log(`list: ${list.length} pairs; packs: ${lines.size} lines`);
for (const [pack, n] of byPack) console.log(`${pack}: ${n} of ${linesOf(pack)} lines overlap (${((100 * n) / linesOf(pack)).toFixed(1)}%)`);
console.log(`overlapping lines: ${overlapping.length}, covering ${((100 * overlapping.length) / list.length).toFixed(1)}% of the list's pairs at most`);
console.log(`derivable from the habits of non-overlapping lines: ${overlapping.length - notDerivable.length}; not derivable: ${notDerivable.length}`);
if (process.env.SHOW) for (const [key, forms] of notDerivable) console.log(`  ${key}  ${forms[0]!.spun} => ${forms[0]!.originals.join(" | ")}`);
