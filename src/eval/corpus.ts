import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { UnspinError } from "../errors.js";
import { parseMarkup, type Mark } from "./markup.js";

/** A corpus document: annotated spun text, or clean text where every change is false. */
export interface CorpusDocument {
  name: string;
  path: string;
  kind: "spun" | "clean";
  text: string;
  marks: Mark[];
}

function readUtf8(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new UnspinError("INPUT_IO", `${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Loads NAME.ann beside NAME.txt and checks that removing the markup gives NAME.txt byte for byte. */
export function loadAnnotated(annPath: string): CorpusDocument {
  const txtPath = annPath.replace(/\.ann$/, ".txt");
  const { plain, marks } = parseMarkup(readUtf8(annPath), annPath);
  const text = readUtf8(txtPath);
  if (plain !== text) {
    const at = firstDifference(plain, text);
    throw new UnspinError("MARKUP_MISMATCH", `${annPath}: without its marks it differs from ${basename(txtPath)} at character ${at}`);
  }
  return { name: basename(annPath, ".ann"), path: annPath, kind: "spun", text, marks };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * Finds the documents under the given paths: every NAME.ann with its NAME.txt, and every .txt inside
 * a folder named `clean`. Other files are ignored. Order is stable (sorted paths).
 */
export function discoverCorpus(paths: readonly string[]): CorpusDocument[] {
  const documents: CorpusDocument[] = [];
  for (const path of paths) walk(path, false, documents);
  return documents;
}

function walk(path: string, insideClean: boolean, out: CorpusDocument[]): void {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    throw new UnspinError("INPUT_IO", `${path}: no such file or folder`);
  }
  if (stats.isDirectory()) {
    const clean = insideClean || basename(path) === "clean";
    for (const name of readdirSync(path).sort()) walk(join(path, name), clean, out);
  } else if (path.endsWith(".ann")) {
    out.push(loadAnnotated(path));
  } else if (insideClean && path.endsWith(".txt")) {
    out.push({ name: basename(path, ".txt"), path, kind: "clean", text: readUtf8(path), marks: [] });
  }
}
