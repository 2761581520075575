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

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The edit without the whole words it leaves as they were at either end (`than judges anticipated` →
 * `than analysts expected` edits only `judges anticipated`). A minimal edit shows the user what changed,
 * and it does not collide with a neighbouring span that shares the unchanged word.
 */
export function withoutUnchangedEdges(edit: Edit): Edit {
  const { text, replacement } = edit;
  const limit = Math.min(text.length, replacement.length);
  let head = 0;
  for (let i = 0; i < limit && text[i] === replacement[i]; i++) if (isSpace(text[i])) head = i + 1;
  let tail = 0;
  for (let i = 1; i <= limit - head && text[text.length - i] === replacement[replacement.length - i]; i++) {
    if (isSpace(text[text.length - i])) tail = i;
  }
  if (head === 0 && tail === 0) return edit;
  return {
    ...edit,
    start: edit.start + head,
    end: edit.end - tail,
    text: text.slice(head, text.length - tail),
    replacement: replacement.slice(head, replacement.length - tail),
  };
}

/** Where an edit's replacement lands in the repaired text. */
interface PlacedEdit {
  edit: Edit;
  outStart: number;
  outEnd: number;
}

function place(edits: readonly Edit[]): PlacedEdit[] {
  let shift = 0;
  return edits.map((edit) => {
    const outStart = edit.start + shift;
    shift += edit.replacement.length - (edit.end - edit.start);
    return { edit, outStart, outEnd: outStart + edit.replacement.length };
  });
}

/** Maps a span of the repaired text that touches no edit back to the input's offsets. */
function mapBack(placed: readonly PlacedEdit[], edit: Edit): Edit {
  let shift = 0;
  for (const p of placed) {
    if (p.outEnd > edit.start) break;
    shift += p.edit.replacement.length - (p.edit.end - p.edit.start);
  }
  return { ...edit, start: edit.start - shift, end: edit.end - shift };
}

const byStart = (a: Edit, b: Edit) => a.start - b.start;

/**
 * Makes repair idempotent: repairing the repaired text must change nothing. Spinners swap words both
 * ways (army ↔ military), so a restored word can itself look spun, and restoring words shifts the
 * evidence around others. Each round re-examines the repaired text: an edit whose output is flagged
 * again is reverted, a span newly flagged in untouched text is added. Rounds only revert or add, and
 * if no fixed point is reached the repair is abandoned (returns no edits) rather than left unstable.
 */
export function stabilizeEdits(text: string, edits: readonly Edit[], editsOf: (text: string) => Edit[], maxRounds = 4): Edit[] {
  let current = [...edits].sort(byStart);
  for (let round = 0; round < maxRounds; round++) {
    if (current.length === 0) return current;
    const placed = place(current);
    const again = editsOf(applyEdits(text, current));
    if (again.length === 0) return current;
    const reverted = new Set<Edit>();
    const added: Edit[] = [];
    for (const flagged of again) {
      const hits = placed.filter((p) => p.outStart < flagged.end && flagged.start < p.outEnd);
      if (hits.length > 0) hits.forEach((p) => reverted.add(p.edit));
      else added.push(mapBack(placed, flagged));
    }
    current = [...current.filter((e) => !reverted.has(e)), ...added].sort(byStart);
  }
  return editsOf(applyEdits(text, current)).length === 0 ? current : [];
}
