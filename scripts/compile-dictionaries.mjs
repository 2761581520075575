// Writes the compiled form of every bundled pack (see src/dictionary/compiled.ts); run by `npm run build`.
import { join } from "node:path";
import { BUNDLED_DICTIONARY_DIR, bundledPacks, loadBundledPacks, loadPack } from "../dist/dictionary/load.js";
import { writeCompiledComposition, writeCompiledPack } from "../dist/dictionary/compiled.js";
import { CompositionModel } from "../dist/compose.js";

for (const pack of bundledPacks()) {
  const folder = join(BUNDLED_DICTIONARY_DIR, pack);
  const entries = loadPack(folder, pack);
  writeCompiledPack(folder, pack, entries);
  console.log(`compiled ${pack}: ${entries.length} forms`);
}

// The composition model of all bundled packs, learned from them as an unspinner would load them.
writeCompiledComposition(bundledPacks().map((pack) => join(BUNDLED_DICTIONARY_DIR, pack)), new CompositionModel(loadBundledPacks()).snapshot());
console.log("compiled the composition model of the bundled packs");
