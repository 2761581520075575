/**
 * Text generators and property checks shared by the test suite (tests/properties.test.ts) and the long
 * fuzz run (scripts/fuzz.ts).
 */
import fc from "fast-check";
import type { Unspinner } from "../../src/unspinner.js";

/** Spinner vocabulary mixed with hostile Unicode, so that properties are tested where edits happen. */
export const hostileTexts = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom("Mavens", "counsel", "demanding situations", "Nationwide", "Military", "army",
      "military", "members of the family", "member of the family", "stays", "avid gamers", "advanced panorama", "a space",
      "an", "financial institution", "this 12 months", "hours", "balance", "NATIONWIDE", "three.25", "the", "and", ".",
      "reminiscent of", "the place", "whereas", "know-how", "p.c", "Wall Avenue", "gross sales", "additional time") },
    { weight: 2, arbitrary: fc.constantFrom(" ", " ", "\r\n", "\n\n", "\t", "\u00a0", "\u200b", "\u200d", "\u0301", "😀", "👍🏽",
      "👨‍👩‍👧", "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}", "\u{E0020}", "🇬🇧", "עברית", "العربية", "\uFEFF", "\ud800", "\udc00", "’", "“", "—") },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }) },
  ),
  { maxLength: 40 },
).map((parts) => parts.join(""));

const segmenter = new Intl.Segmenter("en", { granularity: "grapheme" });

function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set<number>([text.length]);
  for (const { index } of segmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

function fail(message: string): never {
  throw new Error(message);
}

/**
 * repair never throws; the output equals the input outside the edits; every edit's slice equals its
 * spun text and lies on grapheme boundaries; repairing again changes nothing. Returns the edit count.
 */
export function checkRepair(unspinner: Unspinner, text: string): number {
  const result = unspinner.repair(text);
  const boundaries = graphemeBoundaries(text);
  let rebuilt = "";
  let cursor = 0;
  for (const edit of result.edits) {
    if (edit.start < cursor) fail(`edits overlap or are out of order at ${edit.start}`);
    if (text.slice(edit.start, edit.end) !== edit.text) fail(`edit text ${JSON.stringify(edit.text)} differs from the input at ${edit.start}`);
    if (!boundaries.has(edit.start) || !boundaries.has(edit.end)) fail(`edit ${edit.start}-${edit.end} splits a grapheme cluster`);
    rebuilt += text.slice(cursor, edit.start) + edit.replacement;
    cursor = edit.end;
  }
  if (rebuilt + text.slice(cursor) !== result.text) fail("output differs from the input outside the edits");
  if (unspinner.repair(result.text).text !== result.text) fail("repair is not idempotent");
  return result.edits.length;
}

/** detect gives valid, ordered, non-overlapping offsets and the same answer on a second run. */
export function checkDetect(unspinner: Unspinner, text: string): void {
  const first = unspinner.detect(text);
  let cursor = 0;
  for (const f of first.findings) {
    if (f.start < cursor || f.end <= f.start || f.end > text.length) fail(`bad offsets ${f.start}-${f.end}`);
    if (text.slice(f.start, f.end) !== f.text) fail(`finding text differs from the input at ${f.start}`);
    cursor = f.end;
  }
  if (JSON.stringify(unspinner.detect(text)) !== JSON.stringify(first)) fail("detect gave a different answer on the same text");
}
