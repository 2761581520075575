import { UnspinError } from "../errors.js";
import type { Token } from "../tokenize.js";
import { tokenizePhrases } from "../tokenize.js";
import type { DictionaryEntry } from "./types.js";

/**
 * Most nodes are leaves or carry no entries, most carry at most one, and most inner nodes have one
 * child: a lone child is kept by its key without a Map (a Map costs about 200 bytes), a lone entry
 * without an array, and an entry's spacing is a number in an array beside it, kept only when some
 * entry of the node is not spaced word by word (memory per worker thread: the index has a node per
 * word of tens of thousands of phrases).
 */
class TrieNode {
  /** The key of the only child, while there is one. */
  onlyKey: string | undefined = undefined;
  only: TrieNode | undefined = undefined;
  /** The children, once there are two or more. */
  children: Map<string, TrieNode> | undefined = undefined;
  /** Entries whose spun form ends at this node: the entry itself while there is one (an array costs about 56 bytes). */
  entries: DictionaryEntry | DictionaryEntry[] | undefined = undefined;
  /**
   * For each entry, the tokens of its spun form that follow the previous one without a space (bit k
   * for token k); absent while every entry's tokens are separated by spaces.
   */
  spacings: number[] | undefined = undefined;
}

function childOf(node: TrieNode, key: string): TrieNode | undefined {
  return node.onlyKey === key ? node.only : node.children?.get(key);
}

function addChild(node: TrieNode, key: string): TrieNode {
  const child = newNode();
  if (node.children) node.children.set(key, child);
  else if (node.only) {
    node.children = new Map([[node.onlyKey!, node.only], [key, child]]);
    node.onlyKey = node.only = undefined;
  } else [node.onlyKey, node.only] = [key, child];
  return child;
}

/** A dictionary match: tokens [start, end) of the text spell `entry.spun`. */
export interface DictionaryMatch {
  start: number;
  end: number;
  entry: DictionaryEntry;
}

/**
 * Every node has every field from the start: nodes built field by field took five hidden classes, and
 * the lookup that runs for every token of every text (childOf) became megamorphic: 13% of the time
 * spent finding candidates. With one class, matching is 1.3 times as fast (interleaved A/B over the
 * bundled corpus); an empty object literal reserves four fields anyway, so the class costs 4 bytes a node.
 */
function newNode(): TrieNode {
  return new TrieNode();
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
      for (const key of keys) node = childOf(node, key) ?? addChild(node, key);
      if (keys.length === 0) return;
      addEntry(node, entry, spacingMask(entry, attached));
    });
  }

  /** All entries whose spun form starts at token `start`. Whitespace inside the match must agree. */
  matchAt(tokens: readonly Token[], start: number): readonly DictionaryMatch[] {
    let node: TrieNode | undefined = childOf(this.root, tokens[start]!.key);
    if (!node) return NO_MATCHES; // most tokens start no entry: no allocation for them
    const matches: DictionaryMatch[] = [];
    for (let i = start; node; node = childOf(node, tokens[++i]?.key ?? "")) {
      const held = node.entries;
      if (held === undefined) continue;
      const count = Array.isArray(held) ? held.length : 1;
      for (let k = 0; k < count; k++) {
        const entry = Array.isArray(held) ? held[k]! : held;
        if (sameSpacing(tokens, start, i + 1, node.spacings?.[k] ?? 0)) matches.push({ start, end: i + 1, entry });
      }
    }
    return matches;
  }
}

/** Adds an entry that ends at `node`, with its spacing mask (see TrieNode). */
function addEntry(node: TrieNode, entry: DictionaryEntry, spacing: number): void {
  const held = node.entries;
  const count = held === undefined ? 0 : Array.isArray(held) ? held.length : 1;
  // Literals, not push onto []: a pushed-to array reserves room for 17 elements.
  node.entries = held === undefined ? entry : Array.isArray(held) ? [...held, entry] : [held, entry];
  if (spacing !== 0 || node.spacings) node.spacings = [...(node.spacings ?? new Array<number>(count).fill(0)), spacing];
}

const NO_MATCHES: readonly DictionaryMatch[] = Object.freeze([]);

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
