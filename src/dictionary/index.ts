import type { Token } from "../tokenize.js";
import { tokenizePhrases } from "../tokenize.js";
import type { DictionaryEntry } from "./types.js";

/** Most nodes are leaves or carry no entries: both fields are created on first use (memory per worker). */
interface TrieNode {
  children?: Map<string, TrieNode>;
  /** Entries whose spun form ends at this node, with the whitespace pattern they need. */
  entries?: { entry: DictionaryEntry; attached: boolean[] }[];
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

  constructor(entries: readonly DictionaryEntry[]) {
    this.entries = entries;
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
      if (keys.length > 0) (node.entries ??= []).push({ entry, attached });
    });
  }

  /** All entries whose spun form starts at token `start`. Whitespace inside the match must agree. */
  matchAt(tokens: readonly Token[], start: number): readonly DictionaryMatch[] {
    let node: TrieNode | undefined = this.root.children?.get(tokens[start]!.key);
    if (!node) return NO_MATCHES; // most tokens start no entry: no allocation for them
    const matches: DictionaryMatch[] = [];
    for (let i = start; node; node = node.children?.get(tokens[++i]?.key ?? "")) {
      for (const { entry, attached } of node.entries ?? NO_ENTRIES) {
        if (sameSpacing(tokens, start, attached)) matches.push({ start, end: i + 1, entry });
      }
    }
    return matches;
  }
}

const NO_MATCHES: readonly DictionaryMatch[] = Object.freeze([]);
const NO_ENTRIES: NonNullable<TrieNode["entries"]> = [];

function sameSpacing(tokens: readonly Token[], start: number, attached: boolean[]): boolean {
  for (let k = 1; k < attached.length; k++) {
    if (attached[k] === tokens[start + k]!.spaceBefore) return false;
  }
  return true;
}
