import { UnspinError } from "../errors.js";

/** A mark of the spin markup (see SPIN-MARKUP in the README). */
export interface Mark {
  /** The text as it appears in the spun document. */
  spun: string;
  /** Acceptable originals, best first ("" for an insertion). */
  originals: string[];
  /** `{?…}`: maybe spun, neither rewarded nor penalised. */
  unsure: boolean;
  /** Character offsets of `spun` in the plain text. */
  start: number;
  end: number;
}

export interface MarkedDocument {
  /** The text with all markup removed (must equal NAME.txt). */
  plain: string;
  marks: Mark[];
}

/** Reads one field of a mark up to `|` or `}`, resolving backslash escapes. */
function readField(source: string, from: number, file: string): { value: string; next: number; stop: string } {
  let value = "";
  for (let i = from; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\" && i + 1 < source.length) {
      value += source[++i];
    } else if (ch === "|" || ch === "}") {
      return { value, next: i + 1, stop: ch };
    } else if (ch === "{") {
      throw new UnspinError("MARKUP_SYNTAX", `${file}:${lineAt(source, i)}: "{" inside a mark (escape it as \\{)`);
    } else value += ch;
  }
  throw new UnspinError("MARKUP_SYNTAX", `${file}:${lineAt(source, from)}: mark is not closed with "}"`);
}

function lineAt(source: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < source.length; i++) if (source[i] === "\n") line++;
  return line;
}

/** Parses spin markup: `{spun|orig1|orig2}`, `{?spun|orig}`, `{spun|}`, escapes `\{ \} \| \\`. */
export function parseMarkup(source: string, file = "<markup>"): MarkedDocument {
  let plain = "";
  const marks: Mark[] = [];
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    if (ch === "\\" && i + 1 < source.length && "{}|\\".includes(source[i + 1]!)) {
      plain += source[i + 1];
      i += 2;
    } else if (ch === "{") {
      const unsure = source[i + 1] === "?";
      let field = readField(source, i + (unsure ? 2 : 1), file);
      const spun = field.value;
      const originals: string[] = [];
      while (field.stop === "|") {
        field = readField(source, field.next, file);
        originals.push(field.value);
      }
      if (originals.length === 0) throw new UnspinError("MARKUP_SYNTAX", `${file}:${lineAt(source, i)}: mark "{${spun}}" has no original`);
      marks.push({ spun, originals, unsure, start: plain.length, end: plain.length + spun.length });
      plain += spun;
      i = field.next;
    } else if (ch === "}") {
      throw new UnspinError("MARKUP_SYNTAX", `${file}:${lineAt(source, i)}: "}" outside a mark (escape it as \\})`);
    } else {
      plain += ch;
      i++;
    }
  }
  return { plain, marks };
}
