import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { rememberPhrases, tokenizePhrases, type PhraseTokens } from "../tokenize.js";
import type { DictionaryEntry } from "./types.js";

/**
 * Compiled packs: a pack's parsed and inflected entries with the tokens of their spun phrases, written
 * by `npm run build` (scripts/compile-dictionaries.mjs). Parsing the bundled packs and tokenizing their
 * phrases with wink-nlp is most of the time it takes to create an unspinner, and every worker thread of
 * a batch pays it again. A compiled pack is used only when its fingerprint (the pack's files, the
 * code that parses and tokenizes them, the wink-nlp versions) matches; otherwise the pack is parsed as
 * usual, so a stale or missing file costs time, never correctness.
 */

/** Bump when the compiled file's layout changes. */
const FORMAT = 3;

/** Where the build writes compiled bundled packs (from src/ and from dist/ alike). */
export const COMPILED_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "compiled");

interface CompiledPack {
  format: number;
  fingerprint: string;
  entries: DictionaryEntry[];
  phrases: [string, PhraseTokens][];
}

/** The running code's own parser, inflector and tokenizer: a change to any of them changes the entries. */
function codeFingerprint(): string {
  const extension = import.meta.url.endsWith(".ts") ? ".ts" : ".js";
  const hash = createHash("sha256");
  for (const module of [`./parse${extension}`, `./inflect${extension}`, `../tokenize${extension}`]) {
    hash.update(readFileSync(new URL(module, import.meta.url)));
  }
  const require = createRequire(import.meta.url);
  for (const name of ["wink-nlp", "wink-eng-lite-web-model"]) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  return hash.digest("hex");
}

let code: string | undefined;

/** Fingerprint of a pack folder's `*.dict` files as this code would load them. */
export function packFingerprint(folder: string): string {
  code ??= codeFingerprint();
  const hash = createHash("sha256").update(`${FORMAT}\n${code}\n`);
  for (const name of readdirSync(folder).filter((n) => n.endsWith(".dict")).sort()) {
    hash.update(`${name}\n`).update(readFileSync(join(folder, name))).update("\n");
  }
  return hash.digest("hex");
}

function compiledPath(pack: string, dir: string): string {
  return join(dir, `${pack}.json`);
}

/**
 * JSON, not v8.serialize: it parses faster here, and objects v8.deserialize returns keep the whole
 * file's buffer alive (8 MB per worker thread). Sets travel as arrays and are revived.
 */
function toJson(compiled: CompiledPack): string {
  return JSON.stringify(compiled, (_key, value: unknown) => (value instanceof Set ? [...(value as Set<unknown>)] : value));
}

function fromJson(json: string): CompiledPack {
  const compiled = JSON.parse(json) as CompiledPack;
  // Inflected forms of a line share its conditions and file name: share them again (memory per worker).
  const shared = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    let value = shared.get(key) as T | undefined;
    if (value === undefined) shared.set(key, (value = make()));
    return value;
  };
  // Strings many entries repeat (file, pack, form): the first copy serves them all.
  const strings = new Map<string, string>();
  const intern = (text: string): string => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  // Frozen: every entry without conditions shares it.
  const noConditions = Object.freeze([]) as unknown as DictionaryEntry["conditions"];
  for (const entry of compiled.entries ?? []) {
    const mutable = entry as { -readonly [K in keyof DictionaryEntry]: DictionaryEntry[K] };
    if (entry.pos) mutable.pos = once(`pos:${[...entry.pos].join("/")}`, () => new Set(entry.pos as unknown as string[]));
    // Lists that many entries repeat (no conditions, the same originals, case flags) are kept once.
    mutable.conditions = entry.conditions.length === 0 ? noConditions : once(`conditions:${JSON.stringify(entry.conditions)}`, () =>
      entry.conditions.map((c) => once(`condition:${JSON.stringify(c)}`, () => ({ ...c, tags: new Set(c.tags as unknown as string[]), words: new Set(c.words as unknown as string[]) }))));
    mutable.originals = once(`originals:${entry.originals.join("|")}`, () => entry.originals.map(intern));
    if (entry.capitals) mutable.capitals = once(`capitals:${entry.capitals.join()}`, () => entry.capitals!);
    mutable.form = intern(entry.form) as DictionaryEntry["form"];
    mutable.file = intern(entry.file);
    mutable.source = intern(entry.source);
    mutable.pack = intern(entry.pack);
  }
  return compiled;
}

/** The compiled entries of a pack when they are up to date, with their phrase tokens remembered. */
export function readCompiledPack(folder: string, pack: string, dir = COMPILED_DIR): DictionaryEntry[] | undefined {
  let compiled: CompiledPack;
  try {
    compiled = fromJson(readFileSync(compiledPath(pack, dir), "utf8"));
  } catch {
    return undefined; // none yet, or unreadable: parse the pack instead
  }
  if (compiled.format !== FORMAT || compiled.fingerprint !== packFingerprint(folder)) return undefined;
  rememberPhrases(compiled.phrases);
  return compiled.entries;
}

/** Writes a pack's compiled form (atomically: a reader never sees half a file). */
export function writeCompiledPack(folder: string, pack: string, entries: DictionaryEntry[], dir = COMPILED_DIR): void {
  const spun = [...new Set(entries.map((e) => e.spun))];
  const tokens = tokenizePhrases(spun);
  const compiled: CompiledPack = { format: FORMAT, fingerprint: packFingerprint(folder), entries, phrases: spun.map((p, i) => [p, tokens[i]!]) };
  mkdirSync(dir, { recursive: true });
  const temp = `${compiledPath(pack, dir)}.${process.pid}.tmp`;
  writeFileSync(temp, toJson(compiled));
  renameSync(temp, compiledPath(pack, dir));
}
