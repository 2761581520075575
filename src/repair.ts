/** One replacement applied to the input. */
export interface Edit {
  /** Character offsets of the replaced span in the input. */
  start: number;
  end: number;
  /** The replaced (spun) text. */
  text: string;
  /** What it was replaced with. */
  replacement: string;
  confidence: number;
}

/**
 * Applies non-overlapping edits to the original string. Everything outside the edited spans is copied
 * byte for byte (never re-serialised from tokens, which would lose trailing whitespace).
 */
export function applyEdits(text: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let cursor = 0;
  for (const edit of sorted) {
    if (edit.start < cursor) throw new Error(`overlapping edits at ${edit.start}`);
    parts.push(text.slice(cursor, edit.start), edit.replacement);
    cursor = edit.end;
  }
  parts.push(text.slice(cursor));
  return parts.join("");
}
