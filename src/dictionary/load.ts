import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { UnspinError } from "../errors.js";
import { COMPILED_DIR, packFingerprint, readCompiledComposition, readCompiledPack } from "./compiled.js";
import type { CompositionSnapshot } from "../compose.js";
import { entryKey, parseDictionary, sameOriginals } from "./parse.js";
import type { DictionaryEntry } from "./types.js";

/** The dictionaries shipped with the package (works from src/ and from dist/). */
export const BUNDLED_DICTIONARY_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dictionaries");

/** Names of the bundled packs (sub-folders of dictionaries/). */
export function bundledPacks(): string[] {
  return readdirSync(BUNDLED_DICTIONARY_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UnspinError("DICTIONARY_IO", `${path}: cannot read dictionary (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Loads every `*.dict` file of a pack folder, in name order. */
export function loadPack(folder: string, pack = basename(folder)): DictionaryEntry[] {
  let names: string[];
  try {
    names = readdirSync(folder).filter((n) => n.endsWith(".dict")).sort();
  } catch (error) {
    throw new UnspinError("DICTIONARY_IO", `${folder}: cannot read dictionary pack (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return withoutCrossFileConflicts(names.flatMap((name) => loadDictionaryFile(join(folder, name), pack)));
}

/**
 * One pack is one dictionary: the same spun form with the same conditions in two of its files is an
 * error when the originals differ, and a harmless repeat (dropped) when they agree.
 */
function withoutCrossFileConflicts(entries: DictionaryEntry[]): DictionaryEntry[] {
  const seen = new Map<string, DictionaryEntry>();
  return entries.filter((entry) => {
    const key = entryKey(entry);
    const first = seen.get(key);
    if (!first) {
      seen.set(key, entry);
      return true;
    }
    if (first.form === "as-written" && entry.form === "as-written" && !sameOriginals(first, entry)) {
      throw new UnspinError("DICTIONARY_SYNTAX", `${entry.file}:${entry.line}: "${entry.spun}" is already defined at ${first.file}:${first.line} with other originals`);
    }
    return false;
  });
}

/** Loads one dictionary file. Errors name the file relative to the working directory. */
export function loadDictionaryFile(path: string, pack = basename(path).replace(/\.dict$/, "")): DictionaryEntry[] {
  if (statSafe(path)?.isDirectory()) return loadPack(path);
  return parseDictionary(readText(path), displayPath(path), pack);
}

function statSafe(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

/**
 * Loads the named bundled packs (all of them by default), from their compiled form when the build
 * wrote an up-to-date one (`compiledDir`), else from the dictionary files.
 */
export function loadBundledPacks(packs: readonly string[] = bundledPacks(), compiledDir = COMPILED_DIR): DictionaryEntry[] {
  return readBundledPacks(packs, compiledDir).entries;
}

/** All bundled packs, with the composition model the build stored for them when none has changed since. */
export function loadAllBundledPacks(compiledDir = COMPILED_DIR): { entries: DictionaryEntry[]; composition: CompositionSnapshot | undefined } {
  const { entries, fingerprints } = readBundledPacks(bundledPacks(), compiledDir);
  return { entries, composition: readCompiledComposition(fingerprints, compiledDir) };
}

/** The packs' entries and fingerprints: each fingerprint reads and hashes a pack's files, so once. */
function readBundledPacks(packs: readonly string[], compiledDir: string): { entries: DictionaryEntry[]; fingerprints: string[] } {
  const known = new Set(bundledPacks());
  const fingerprints: string[] = [];
  const entries = packs.flatMap((pack) => {
    if (!known.has(pack)) throw new UnspinError("USAGE", `unknown dictionary pack "${pack}" (bundled: ${[...known].join(", ")})`);
    const folder = join(BUNDLED_DICTIONARY_DIR, pack);
    const fingerprint = packFingerprint(folder);
    fingerprints.push(fingerprint);
    return readCompiledPack(folder, pack, compiledDir, fingerprint) ?? loadPack(folder, pack);
  });
  return { entries, fingerprints };
}
