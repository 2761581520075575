/**
 * Long fuzz run of the repair/detect properties (minutes, not part of npm test):
 *   npm run fuzz -- [MINUTES]      (default 3)
 * Uses a fresh random seed per round and prints it, so that any failure can be replayed with
 * FC_SEED=<seed> npx vitest run tests/properties.test.ts.
 */
import fc from "fast-check";
import { createUnspinner } from "../src/unspinner.js";
import { checkDetect, checkRepair, hostileTexts } from "../tests/support/properties.js";

const minutes = Number(process.argv[2] ?? 3);
const deadline = Date.now() + minutes * 60_000;
const unspinner = createUnspinner();
let cases = 0;
let edits = 0;
let rounds = 0;
while (Date.now() < deadline) {
  const seed = (Date.now() ^ (rounds * 2654435761)) >>> 0;
  rounds++;
  fc.assert(fc.property(hostileTexts, (text) => {
    cases++;
    edits += checkRepair(unspinner, text);
    checkDetect(unspinner, text);
  }), { seed, numRuns: 2000 });
  console.log(`round ${rounds} (seed ${seed}): ${cases} cases so far, ${edits} edits checked, no failure`);
}
console.log(`fuzz: ${cases} cases in ${rounds} rounds over ${minutes} min, ${edits} edits checked, no property failed`);
