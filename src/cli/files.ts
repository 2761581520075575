import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { UnspinError } from "../errors.js";

const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

/** Converts a glob (`*`, `**`, `?`) into an anchored regular expression, escaping everything else. */
export function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === "*" && glob[i + 1] === "*") {
      pattern += glob[i + 2] === "/" ? "(?:.*/)?" : ".*";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (ch === "*") pattern += "[^/]*";
    else if (ch === "?") pattern += "[^/]";
    else pattern += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}

function walk(dir: string, out: string[], accept: (path: string) => boolean): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, out, accept);
    else if (entry.isFile() && accept(path)) out.push(path);
  }
}

/**
 * Expands command-line inputs: files as given, folders to the text files (.txt, .md) below them, and
 * quoted globs (`'site/**\/*.txt'`) to the files they match. Order is stable.
 */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (/[*?]/.test(input)) {
      const base = input.slice(0, input.search(/[*?]/)).replace(/[^/]*$/, "") || ".";
      const posix = (path: string) => path.split(sep).join("/").replace(/^\.\//, "");
      const regex = globToRegExp(posix(input));
      const matched: string[] = [];
      walk(base, matched, (path) => regex.test(posix(path)));
      if (matched.length === 0) throw new UnspinError("INPUT_IO", `${input}: no files match`);
      files.push(...matched);
      continue;
    }
    let isDirectory = false;
    try {
      isDirectory = statSync(input).isDirectory();
    } catch {
      isDirectory = false; // a missing file is reported when it is read
    }
    if (isDirectory) walk(input, files, (path) => TEXT_FILE.test(path));
    else files.push(input);
  }
  return files;
}
