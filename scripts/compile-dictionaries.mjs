// Writes the compiled form of every bundled pack (see src/dictionary/compiled.ts); run by `npm run build`.
import { join } from "node:path";
import { BUNDLED_DICTIONARY_DIR, bundledPacks, loadPack } from "../dist/dictionary/load.js";
import { writeCompiledPack } from "../dist/dictionary/compiled.js";

for (const pack of bundledPacks()) {
  const folder = join(BUNDLED_DICTIONARY_DIR, pack);
  const entries = loadPack(folder, pack);
  writeCompiledPack(folder, pack, entries);
  console.log(`compiled ${pack}: ${entries.length} forms`);
}
