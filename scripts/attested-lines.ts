// Lists the dictionary lines that can fire on little evidence (legit at most MAX_LEGIT) although the
// language model attests their spun form as English: every adjacent word pair of it is a bigram the CMU
// model keeps, with an association (log10 P(b | a) − log10 P(b)) of at least MIN_ASSOCIATION. Such a form
// may be a spinner's garble all the same (`tennis court docket`: each pair is English, the whole is not),
// so the list is for a person to review: raise `legit`, add a condition, or drop the line.
// The clean corpora cannot show these: `senior administration officials` never occurs in them.
//
//   npx tsx scripts/attested-lines.ts [MAX_LEGIT=0.01] [MIN_ASSOCIATION=0.5]
//
// Prints `PACK/FILE.dict:LINE <TAB> weakest association <TAB> the entry`, strongest first.
import { loadBundledPacks } from "../src/dictionary/load.js";
import { LanguageModel } from "../src/language-model.js";
import type { DictionaryEntry } from "../src/dictionary/types.js";

const [maxLegit = 0.01, minAssociation = 0.5] = process.argv.slice(2).map(Number);
const model = LanguageModel.load();

/** The weakest association between neighbouring words, or undefined when a pair is not attested. */
function weakestAssociation(words: readonly string[]): number | undefined {
  let weakest = Infinity;
  for (let i = 0; i + 1 < words.length; i++) {
    if (!model.hasBigram(words[i]!, words[i + 1]!)) return undefined;
    weakest = Math.min(weakest, model.bigram(words[i]!, words[i + 1]!) - model.unigram(words[i + 1]!));
  }
  return weakest;
}

function describe(entry: DictionaryEntry): string {
  const conditions = entry.conditions.length > 0 ? " ; (conditions)" : "";
  return `${entry.spun} => ${entry.originals.join(" | ")} ; legit=${entry.legit}${conditions}`;
}

const seen = new Set<string>();
const rows: { association: number; text: string }[] = [];
for (const entry of loadBundledPacks()) {
  const where = `${entry.file.split("/").slice(-2).join("/")}:${entry.line}`;
  if (entry.legit > maxLegit || seen.has(where)) continue;
  const words = entry.spun.split(" ");
  if (words.length < 2 || !words.every((w) => /^[a-z']+$/.test(w))) continue;
  const association = weakestAssociation(words);
  if (association === undefined || association < minAssociation) continue;
  seen.add(where);
  rows.push({ association, text: `${where}\t${association.toFixed(2)}\t${describe(entry)}` });
}
rows.sort((a, b) => b.association - a.association);
for (const row of rows) console.log(row.text);
console.error(`${rows.length} lines at legit <= ${maxLegit} with an attested spun form (association >= ${minAssociation})`);
