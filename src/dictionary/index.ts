import { UnspinError } from "../errors.js";
import type { Token } from "../tokenize.js";
import { tokenizePhrases } from "../tokenize.js";
import type { DictionaryEntry } from "./types.js";

/**
 * Most nodes are leaves or carry no entries: every field is created on first use, and an entry's
 * spacing is a number in an array beside it rather than an object and an array of its own (memory
 * per worker thread: the index has a node per word of tens of thousands of phrases).
 */
interface TrieNode {
  children?: Map<string, TrieNode>;
  /** Entries whose spun form ends at this node. */
  entries?: DictionaryEntry[];
  /** For each entry, the tokens of its spun form that follow the previous one without a space (bit k for token k). */
  spacings?: number[];
}

/** A dictionary match: tokens [start, end) of the text spell `entry.spun`. */
export interface DictionaryMatch {
  start: number;
  end: number;
  entry: DictionaryEntry;
}

function newNode(): TrieNode {
  return {};
}

/**
 * A token trie over the spun forms of all loaded entries. Lookup walks the trie from each token, so
 * its cost depends on the phrase length, never on the number of entries.
 */
export class DictionaryIndex {
  private readonly root = newNode();
  readonly entries: readonly DictionaryEntry[];

  /** Every word a `doc:` condition of the entries names. */
  readonly documentConditionWords: ReadonlySet<string>;

  constructor(entries: readonly DictionaryEntry[]) {
    this.entries = entries;
    this.documentConditionWords = new Set(entries.flatMap((e) => e.conditions.filter((c) => c.side === "doc").flatMap((c) => [...c.words])));
    const phrases = tokenizePhrases(entries.map((e) => e.spun));
    entries.forEach((entry, i) => {
      const { keys, attached } = phrases[i]!;
      let node = this.root;
      for (const key of keys) {
        node.children ??= new Map();
        let child = node.children.get(key);
        if (!child) node.children.set(key, (child = newNode()));
        node = child;
      }
      if (keys.length === 0) return;
      const spacing = spacingMask(entry, attached);
      // Literals, not push onto []: a pushed-to array reserves room for 17 elements, and most nodes keep one.
      if (node.entries) [node.entries, node.spacings] = [[...node.entries, entry], [...node.spacings!, spacing]];
      else [node.entries, node.spacings] = [[entry], [spacing]];
    });
  }

  /** All entries whose spun form starts at token `start`. Whitespace inside the match must agree. */
  matchAt(tokens: readonly Token[], start: number): readonly DictionaryMatch[] {
    let node: TrieNode | undefined = this.root.children?.get(tokens[start]!.key);
    if (!node) return NO_MATCHES; // most tokens start no entry: no allocation for them
    const matches: DictionaryMatch[] = [];
    for (let i = start; node; node = node.children?.get(tokens[++i]?.key ?? "")) {
      const entries = node.entries ?? NO_ENTRIES;
      for (let k = 0; k < entries.length; k++) {
        if (sameSpacing(tokens, start, i + 1, node.spacings![k]!)) matches.push({ start, end: i + 1, entry: entries[k]! });
      }
    }
    return matches;
  }
}

const NO_MATCHES: readonly DictionaryMatch[] = Object.freeze([]);
const NO_ENTRIES: readonly DictionaryEntry[] = [];

/** Spun forms longer than this many tokens do not fit a spacing mask (no spinner substitution is that long). */
const MAX_PHRASE_TOKENS = 31;

/** Bit k set when token k of a phrase follows token k − 1 without a space. */
function spacingMask(entry: DictionaryEntry, attached: readonly boolean[]): number {
  if (attached.length > MAX_PHRASE_TOKENS) {
    throw new UnspinError("DICTIONARY_SYNTAX", `${entry.file}:${entry.line}: the spun form has ${attached.length} tokens, more than ${MAX_PHRASE_TOKENS}`);
  }
  let mask = 0;
  for (let k = 1; k < attached.length; k++) if (attached[k]) mask |= 1 << k;
  return mask;
}

/** True when tokens [start, end) of the text have the phrase's spacing. */
function sameSpacing(tokens: readonly Token[], start: number, end: number, mask: number): boolean {
  for (let k = 1; k < end - start; k++) {
    const attached = ((mask >>> k) & 1) === 1;
    if (attached === tokens[start + k]!.spaceBefore) return false;
  }
  return true;
}
