import { createUnspinner, type Finding, type Unspinner } from "../unspinner.js";

/** Options shared by the editor integrations (textlint rule, retext plugin). */
export interface IntegrationOptions {
  /** Extra dictionary files (`*.dict`) or pack folders. */
  dictionaries?: readonly string[];
  /** Bundled packs to load (default: all). */
  packs?: readonly string[];
  /** Report only findings at or above this confidence (default 0.7). */
  minConfidence?: number;
}

/** A half-open range [start, end) of UTF-16 offsets into a source file. */
export type Range = readonly [number, number];

const unspinners = new Map<string, Unspinner>();

/**
 * One unspinner per dictionary configuration, kept for the life of the process: editors and linters call
 * a rule once per file, and loading the dictionaries costs far more than checking a file.
 */
export function sharedUnspinner(options: IntegrationOptions = {}): Unspinner {
  const key = JSON.stringify([options.packs ?? null, options.dictionaries ?? []]);
  let unspinner = unspinners.get(key);
  if (!unspinner) {
    unspinner = createUnspinner({ ...(options.packs ? { packs: options.packs } : {}), dictionaries: options.dictionaries ?? [] });
    unspinners.set(key, unspinner);
  }
  return unspinner;
}

// Addresses are written to be exact, never spun: web and mail addresses inside prose are left alone.
// Besides scheme:// and www. addresses, a bare domain followed by a path (example.com/avid-gamers) counts.
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'`]+|\b[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\/[^\s<>"'`]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/gi;

/** Marks which characters are prose: inside one of `ranges` and not part of a web or mail address. */
function proseMask(source: string, ranges: readonly Range[]): Uint8Array {
  const prose = new Uint8Array(source.length);
  for (const [start, end] of ranges) prose.fill(1, Math.max(0, start), Math.min(source.length, end));
  for (const match of source.matchAll(ADDRESS)) prose.fill(0, match.index, match.index + match[0].length);
  return prose;
}

/**
 * The source with everything that is not prose blanked to spaces (line breaks kept, so that paragraphs
 * and sentences stay apart). Offsets are unchanged, so findings in it are findings in the source.
 */
function blankNonProse(source: string, prose: Uint8Array): string {
  const parts: string[] = [];
  let cursor = 0;
  while (cursor < source.length) {
    let next = cursor;
    const isProse = prose[cursor] === 1;
    while (next < source.length && (prose[next] === 1) === isProse) next++;
    const piece = source.slice(cursor, next);
    parts.push(isProse ? piece : piece.replace(/[^\r\n]/g, " "));
    cursor = next;
  }
  return parts.join("");
}

/**
 * Findings in the prose parts of a marked-up source (Markdown and the like), with offsets into the
 * source. The whole document is checked at once, because whether a word is spun depends on the text
 * around it; a finding that would touch markup, code or an address is dropped.
 */
export function findingsInProse(unspinner: Unspinner, source: string, ranges: readonly Range[], minConfidence?: number): Finding[] {
  const prose = proseMask(source, ranges);
  const text = blankNonProse(source, prose);
  const { findings } = unspinner.detect(text, minConfidence === undefined ? undefined : { minConfidence });
  return findings
    .filter((f) => prose.subarray(f.start, f.end).every((flag) => flag === 1))
    .map((f) => ({ ...f, text: source.slice(f.start, f.end) }));
}
