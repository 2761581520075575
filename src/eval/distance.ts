import { distance } from "fastest-levenshtein";
import type { Mark } from "./markup.js";
import { evalTokens } from "./words.js";

// fastest-levenshtein compares strings: give every distinct word one UTF-16 code unit, skipping the
// surrogate range so that no unit is ever read as half of a pair.
const FIRST_CODE = 0x100;
const SURROGATES = { from: 0xd800, to: 0xdfff };
const MAX_DISTINCT = 0xffff - FIRST_CODE - (SURROGATES.to - SURROGATES.from + 1);

function codeFor(index: number): string {
  const code = FIRST_CODE + index;
  return String.fromCharCode(code >= SURROGATES.from ? code + (SURROGATES.to - SURROGATES.from + 1) : code);
}

/** Word-level Levenshtein distance (tokens of the evaluation tokenizer), or null past 65,000 distinct words. */
export function wordDistance(a: string, b: string): number | null {
  const codes = new Map<string, string>();
  const encode = (text: string): string | null => {
    let out = "";
    for (const token of evalTokens(text)) {
      let code = codes.get(token.norm);
      if (code === undefined) {
        if (codes.size >= MAX_DISTINCT) return null;
        code = codeFor(codes.size);
        codes.set(token.norm, code);
      }
      out += code;
    }
    return out;
  };
  const x = encode(a);
  const y = encode(b);
  return x === null || y === null ? null : distance(x, y);
}

/** The gold original: certain marks replaced by their first original, unsure marks left as they are. */
export function goldText(plain: string, marks: readonly Mark[]): string {
  let out = "";
  let cursor = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    out += plain.slice(cursor, mark.start) + (mark.unsure ? mark.spun : mark.originals[0]);
    cursor = mark.end;
  }
  return out + plain.slice(cursor);
}
