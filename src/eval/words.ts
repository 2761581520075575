/** A word or punctuation token of the evaluation tokenizer, with offsets into its text. */
export interface EvalToken {
  norm: string;
  start: number;
  end: number;
  /** Letters or digits: counts as a word for rates. */
  isWord: boolean;
}

// Letter/digit runs and single other characters: simple enough that the same rule splits the marked
// document and any repaired text the same way, whatever tool produced it.
const TOKEN = /[\p{L}\p{N}\p{M}]+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Case-folded, with curly quotes folded to straight ones (as SPIN-MARKUP specifies). */
export function normalizeWord(word: string): string {
  return word.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export function evalTokens(text: string): EvalToken[] {
  const tokens: EvalToken[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    tokens.push({ norm: normalizeWord(match[0]), start, end: start + match[0].length, isWord: /[\p{L}\p{N}]/u.test(match[0]) });
  }
  return tokens;
}
