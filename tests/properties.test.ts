import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createUnspinner } from "../src/unspinner.js";
import { checkDetect, checkRepair, hostileTexts } from "./support/properties.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const unspinners = {
  "the fixture dictionary": createUnspinner({ packs: [], dictionaries: [MINI] }),
  "the bundled dictionaries": createUnspinner(),
};
// Seeded so that a failure reproduces; FC_SEED and FC_RUNS explore further (npm run fuzz runs longer).
const SEED = Number(process.env.FC_SEED ?? 20261128);
const RUNS = Number(process.env.FC_RUNS ?? 1500);

describe.each(Object.entries(unspinners))("with %s", (_, unspinner) => {
  it("repair keeps everything outside its edits, respects graphemes and is idempotent", () => {
    let withEdits = 0;
    fc.assert(fc.property(hostileTexts, (text) => {
      if (checkRepair(unspinner, text) > 0) withEdits++;
    }), { seed: SEED, numRuns: RUNS });
    // The generator must actually exercise edits, or the property says nothing.
    expect(withEdits).toBeGreaterThan(RUNS / 20);
  });

  it("detect gives valid, non-overlapping offsets and the same answer every time", () => {
    fc.assert(fc.property(hostileTexts, (text) => checkDetect(unspinner, text)), { seed: SEED, numRuns: RUNS });
  });
});
