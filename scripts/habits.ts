/**
 * The spinner's word habits that the bundled dictionaries teach (src/compose.ts), for dictionary
 * authors who spell a compound's spun forms from them (`inventory market` → `stock market`):
 *   npx tsx scripts/habits.ts WORD…
 * For each word, the originals it stands for as spinner output, and the spun words that stand for it
 * as an original, with how many dictionary entries teach each habit (strong habits first).
 */
import { CompositionModel, type Habit } from "../src/compose.js";
import { loadBundledPacks } from "../src/dictionary/load.js";

const words = process.argv.slice(2).map((w) => w.toLowerCase());
if (words.length === 0) {
  console.error("usage: npx tsx scripts/habits.ts WORD…");
  process.exit(2);
}

const model = new CompositionModel(loadBundledPacks());
const spunFor = new Map<string, Habit[]>();
for (const [spunWord, habits] of model.allHabits()) {
  for (const habit of habits) {
    const list = spunFor.get(habit.word) ?? [];
    if (list.length === 0) spunFor.set(habit.word, list);
    list.push({ ...habit, word: spunWord });
  }
}

const list = (habits: readonly Habit[]) => [...habits].sort((a, b) => b.lines - a.lines).map((h) => `${h.word} (${h.lines})`).join(", ") || "–";
for (const word of words) {
  console.log(`${word} as spinner output → ${list(model.habitsOf(word))}`);
  console.log(`${word} as original ← ${list(spunFor.get(word) ?? [])}`);
}
