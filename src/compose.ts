import type { DictionaryEntry } from "./dictionary/types.js";
import { wordHash } from "./language-model.js";
import { interner } from "./intern.js";
import type { Token } from "./tokenize.js";

/**
 * Candidate generation beyond the dictionary lines: the spinner's word-level habits, learned from the
 * loaded entries, reassembled into terms the entries know.
 *
 * Spinners rewrite a term word by word (`deep learning` → `profound learning`, `random forest` →
 * `irregular woodland`, `national army` → `nationwide military`). A dictionary lists some of the
 * results; the habits behind them (`deep` → `profound`, `random` → `irregular`) also produce terms it
 * does not list. So every single-word entry and every entry whose spun and original phrases have the
 * same number of words teaches word substitutions, and every multiword original is a known term. A
 * phrase of the text whose words, mapped back through those substitutions, spell a known term it is
 * not itself, is a candidate for that term. Requiring the result to be a known term keeps this precise.
 */

/**
 * A generated reading of tokens [start, end): the known term and how many words had to be mapped
 * back (a reordering `A of B` → `B A` counts as one).
 */
export interface ComposedReading {
  start: number;
  end: number;
  term: string;
  substituted: number;
  /** True when every word mapped back did so by a distinctive habit (a single-word line with legit ≤ 0.1). */
  distinctive: boolean;
}

/** Both fields from the start: one hidden class keeps the walk's lookups monomorphic. */
class TermNode {
  /** Absent on the last word of a term (most nodes): an empty Map per node costs megabytes per worker. */
  children: Map<string, TermNode> | undefined = undefined;
  /** The term as the dictionary writes it, when a term ends here. */
  term: string | undefined = undefined;
}

/** Terms are 2–4 words: longer originals are sentences' worth of context, not terms. */
const MAX_TERM_WORDS = 4;
/** Mapping back is a search over every word's substitutes: bound it for words with very many. */
const MAX_SUBSTITUTES_PER_WORD = 12;

const WORD_PATTERN = /^[\p{L}][\p{L}'-]*$/u;

/** A plain word: letters, then letters, apostrophes or hyphens. ASCII is checked without a regex. */
function isPlainWord(word: string): boolean {
  const first = word.charCodeAt(0);
  if (!(first >= 97 && first <= 122)) return WORD_PATTERN.test(word);
  for (let i = 1; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || c === 39 || c === 45)) return c > 0x7f ? WORD_PATTERN.test(word) : false;
  }
  return true;
}

/**
 * Words that carry no term: a substitution between them (`with` → `in`) is grammar, not a habit
 * worth composing, and a "term" made of them (`in a`) is no term.
 */
const FUNCTION_WORDS = new Set(
  ("a an the and or but nor of to in on at by for with from as into onto upon about over under than then " +
    "that this these those which who whom whose what it its is are was were be been being has have had do does " +
    "did not no so if via per each every all any some such both either neither").split(" "),
);

/**
 * How legitimate a word habit is, from the line that taught it. A single-word line says it directly;
 * a phrase's prior is about the whole phrase (`extensive territory` is odd, `extensive` is not), so
 * its words' habits count as ordinary.
 */
function habitLegitOf(entry: DictionaryEntry, words: number): number {
  return words === 1 ? entry.legit : Math.max(entry.legit, 0.5);
}

/** Habits taught by lines at most this legit are ones careful writers hardly produce. */
const DISTINCTIVE_LEGIT = 0.1;

const NO_READINGS: readonly ComposedReading[] = Object.freeze([]);
/** What a spun word may stand for by a word habit. */
export interface Habit {
  word: string;
  /** Taught by a single-word line with legit ≤ DISTINCTIVE_LEGIT. */
  distinctive: boolean;
  /** How many dictionary entries teach it (each inflected form of a line is an entry of its own). */
  lines: number;
}

const NO_HABITS: readonly Habit[] = Object.freeze([]);

/**
 * A built model as plain data. The build writes it for the bundled packs (dictionary/compiled.ts), so
 * that an unspinner of the bundled packs restores it instead of learning every entry again (the
 * largest part of creating one).
 */
export interface CompositionSnapshot {
  /** spun word → [original word, distinctive (1) or not (0), lines], in the model's order. */
  mappings: [string, [string, 0 | 1, number][]][];
  /** Every known term: its trie path (lowercase words, space-separated) and how the dictionary writes it. */
  terms: [string, string][];
  listed: string[];
  ownLines: string[];
  starters: string[];
  secondWords: string[];
  /** The opening-pair bitset, base64. */
  openingPairs: string;
}

/** The strings the entries already hold (spun forms, originals): a restored model keeps theirs. */
function* stringsOf(entries: readonly DictionaryEntry[]): Generator<string> {
  for (const entry of entries) {
    yield entry.spun;
    yield* entry.originals;
  }
}

const NOUN_PHRASE_TAGS = new Set(["NOUN", "PROPN", "ADJ", "NUM"]);

function isContentWord(word: string): boolean {
  return isPlainWord(word) && !FUNCTION_WORDS.has(word);
}

export class CompositionModel {
  /** spun word → original words it stands for. */
  private readonly substitutes = new Map<string, Set<string>>();
  /** "spun original" → lowest legit of the entries that taught the habit, and how many taught it. */
  private readonly habitStats = new Map<string, { legit: number; lines: number }>();
  private readonly terms = Object.assign(new TermNode(), { children: new Map<string, TermNode>() });
  /** Lowercase spun forms and originals: phrases that are themselves dictionary text are left to it. */
  private readonly listed = new Set<string>();
  /** Originals learned so far (while the model is built). */
  private readonly learnedOriginals = new Set<string>();
  /** Spun forms of single-word lines: words the dictionary judges itself, conditions and all. */
  private readonly ownLines = new Set<string>();

  /** spun word → what it may stand for: whether the habit is distinctive, how many lines taught it. */
  private readonly mappings = new Map<string, Habit[]>();
  /** Words that can begin a reading: a term's first word, or a word that maps back to one. */
  private readonly starters = new Set<string>();
  /** Words that can be a reading's second word, as themselves or as what they map back to (a quick test). */
  private readonly secondWords = new Set<string>();
  /** Pairs of words that can begin a reading (a test with false positives, never false negatives). */
  private readonly openingPairs = new PairFilter();

  /**
   * Learns the model from entries, or restores a snapshot of it. A snapshot's phrases are new copies
   * of strings the entries already hold: given the entries it was made from, the model keeps theirs
   * (memory per worker thread: tens of thousands of spun forms).
   */
  constructor(source: readonly DictionaryEntry[] | CompositionSnapshot, entries?: readonly DictionaryEntry[]) {
    if (Array.isArray(source)) this.build(source);
    else this.restore(source as CompositionSnapshot, entries);
  }

  private build(entries: readonly DictionaryEntry[]): void {
    for (const entry of entries) this.learn(entry);
    for (const [spunWord, originals] of this.substitutes) {
      this.mappings.set(spunWord, [...originals].map((word) => ({ word, distinctive: this.isDistinctive(spunWord, word), lines: this.habitStats.get(`${spunWord} ${word}`)?.lines ?? 1 })));
    }
    for (const [spunWord, originals] of this.mappings) {
      if (originals.some((original) => this.terms.children.has(original.word))) this.starters.add(spunWord);
    }
    for (const word of this.terms.children.keys()) this.starters.add(word);
    const seconds = new Set([...this.terms.children.values()].flatMap((node) => [...(node.children?.keys() ?? [])]));
    for (const word of new Set([...seconds, ...this.mappings.keys()])) {
      if (this.optionsFor(word).some((option) => seconds.has(option.word))) this.secondWords.add(word);
    }
    this.addOpeningPairs();
    // Only the mappings are read from here on (memory per worker thread).
    this.substitutes.clear();
    this.habitStats.clear();
    this.learnedOriginals.clear();
  }

  /** The built model as plain data (see CompositionSnapshot). */
  snapshot(): CompositionSnapshot {
    const terms: [string, string][] = [];
    const walkTerms = (node: TermNode, path: string[]) => {
      if (node.term !== undefined) terms.push([path.join(" "), node.term]);
      for (const [word, child] of node.children ?? []) walkTerms(child, [...path, word]);
    };
    walkTerms(this.terms, []);
    return {
      mappings: [...this.mappings].map(([spunWord, habits]) => [spunWord, habits.map((h) => [h.word, h.distinctive ? 1 : 0, h.lines] as [string, 0 | 1, number])]),
      terms,
      listed: [...this.listed],
      ownLines: [...this.ownLines],
      starters: [...this.starters],
      secondWords: [...this.secondWords],
      openingPairs: this.openingPairs.toBase64(),
    };
  }

  private restore(snapshot: CompositionSnapshot, entries: readonly DictionaryEntry[] = []): void {
    // One copy of each word the tables repeat (a term trie has a key per word of every term: without
    // this, 2 MB of copies of `the`, `role`, `system`... per worker thread).
    const intern = interner(stringsOf(entries));
    for (const [spunWord, habits] of snapshot.mappings) {
      this.mappings.set(intern(spunWord), habits.map(([word, distinctive, lines]) => ({ word: intern(word), distinctive: distinctive === 1, lines })));
    }
    for (const [path, asWritten] of snapshot.terms) this.addTerm(path.split(" ").map(intern), intern(asWritten));
    for (const phrase of snapshot.listed) this.listed.add(intern(phrase));
    for (const word of snapshot.ownLines) this.ownLines.add(intern(word));
    for (const word of snapshot.starters) this.starters.add(intern(word));
    for (const word of snapshot.secondWords) this.secondWords.add(intern(word));
    this.openingPairs.fromBase64(snapshot.openingPairs);
  }

  private learn(entry: DictionaryEntry): void {
    // Spun forms are stored lowercase and single-spaced already.
    const spun = entry.spun.split(" ");
    this.listed.add(entry.spun);
    if (spun.length === 1) this.ownLines.add(entry.spun);
    for (const original of entry.originals) {
      // Inflected forms and sibling lines repeat originals: each is listed, and a term, once.
      if (!this.learnedOriginals.has(original)) this.learnOriginal(original);
      const target = original.toLowerCase().split(" ");
      if (target.length !== spun.length || isReordering(spun, target)) continue;
      for (let i = 0; i < target.length; i++) {
        if (target[i] !== spun[i] && isContentWord(target[i]!) && isContentWord(spun[i]!)) this.addSubstitute(spun[i]!, target[i]!, habitLegitOf(entry, spun.length));
      }
    }
  }

  /** An original as dictionary text, and as a known term when it is one. */
  private learnOriginal(original: string): void {
    this.learnedOriginals.add(original);
    const key = original.toLowerCase();
    this.listed.add(key);
    const core = withoutEdgeFunctionWords(key.split(" "));
    if (isTerm(core.words)) this.addTerm(core.words, original.split(" ").slice(core.from, core.from + core.words.length).join(" "));
  }

  private addSubstitute(spunWord: string, originalWord: string, legit: number): void {
    let set = this.substitutes.get(spunWord);
    if (!set) this.substitutes.set(spunWord, (set = new Set()));
    if (set.size >= MAX_SUBSTITUTES_PER_WORD && !set.has(originalWord)) return;
    set.add(originalWord);
    const key = `${spunWord} ${originalWord}`;
    const stats = this.habitStats.get(key);
    if (stats) [stats.legit, stats.lines] = [Math.min(stats.legit, legit), stats.lines + 1];
    else this.habitStats.set(key, { legit, lines: 1 });
  }

  /**
   * Every pair of text words that can spell a term's first two words, each as itself or by a habit:
   * most word pairs that pass the single-word tests begin no term, and this turns them away before
   * the walk through the term trie (about five times fewer walks on news text).
   */
  private addOpeningPairs(): void {
    const spunFormsOf = new Map<string, string[]>();
    for (const [spunWord, originals] of this.mappings) {
      for (const { word } of originals) {
        const forms = spunFormsOf.get(word);
        if (forms) forms.push(spunWord);
        else spunFormsOf.set(word, [spunWord]);
      }
    }
    const writtenAs = (word: string) => [word, ...(spunFormsOf.get(word) ?? [])];
    for (const [first, node] of this.terms.children) {
      for (const second of node.children?.keys() ?? []) {
        for (const a of writtenAs(first)) for (const b of writtenAs(second)) this.openingPairs.add(a, b);
      }
    }
  }

  private isDistinctive(spunWord: string, originalWord: string): boolean {
    return spunWord === originalWord || (this.habitStats.get(`${spunWord} ${originalWord}`)?.legit ?? 1) <= DISTINCTIVE_LEGIT;
  }

  private addTerm(target: string[], asWritten: string): void {
    let node: TermNode = this.terms;
    for (const w of target) {
      node.children ??= new Map();
      let child = node.children.get(w);
      if (!child) node.children.set(w, (child = new TermNode()));
      node = child;
    }
    node.term ??= asWritten;
  }

  /**
   * Readings of the text that start at token `start`: runs of 2–4 plain words (no punctuation or line
   * break between them) that map back to a known term, with at least one word substituted, whose own
   * text is not dictionary text.
   */
  readingsAt(tokens: readonly Token[], start: number): readonly ComposedReading[] {
    const reordered = this.reorderedAt(tokens, start);
    const second = tokens[start + 1];
    const first = tokens[start]!;
    const opens = this.starters.has(first.key) && second?.spaceBefore && this.secondWords.has(second.key) && this.openingPairs.has(first.key, second.key);
    if (!opens) return reordered ? [reordered] : NO_READINGS;
    const readings: ComposedReading[] = reordered ? [reordered] : [];
    this.walk(tokens, start, this.terms, start, 0, true, readings);
    return readings.length > 0 ? readings : NO_READINGS;
  }

  /** Follows the term trie from `node` with token `at` as itself or as what it maps back to. */
  private walk(tokens: readonly Token[], start: number, node: TermNode, at: number, substituted: number, distinctive: boolean, out: ComposedReading[]): void {
    const length = at - start;
    if (node.term && length >= 2 && substituted > 0 && !this.listed.has(spanKey(tokens, start, at))) {
      out.push({ start, end: at, term: node.term, substituted, distinctive });
    }
    if (length >= MAX_TERM_WORDS || at >= tokens.length) return;
    const token = tokens[at]!;
    if ((length > 0 && !token.spaceBefore) || !isPlainWord(token.key)) return;
    const children = node.children;
    if (!children) return;
    const same = children.get(token.key);
    if (same) this.walk(tokens, start, same, at + 1, substituted, distinctive, out);
    const mappings = this.mappings.get(token.key);
    if (!mappings) return;
    for (const original of mappings) {
      const next = children.get(original.word);
      if (next) this.walk(tokens, start, next, at + 1, substituted + 1, distinctive && original.distinctive, out);
    }
  }

  /**
   * `A of B` that spells the known two-word term `B A` (`rate of interest` → `interest rate`), each word
   * possibly mapped back too. The reordering counts as one substitution.
   */
  private reorderedAt(tokens: readonly Token[], start: number): ComposedReading | undefined {
    if (tokens[start + 1]?.key !== "of") return undefined;
    const [a, of, b] = [tokens[start], tokens[start + 1], tokens[start + 2]];
    if (!a || !of || !b || of.key !== "of" || !of.spaceBefore || !b.spaceBefore || !isContentWord(a.key) || !isContentWord(b.key)) return undefined;
    // B must end its noun phrase: in `a forest of haphazard trees`, `haphazard` modifies `trees`.
    if (NOUN_PHRASE_TAGS.has(tokens[start + 3]?.pos ?? "")) return undefined;
    for (const first of this.optionsFor(b.key)) {
      const node = this.terms.children.get(first.word);
      if (!node) continue;
      for (const second of this.optionsFor(a.key)) {
        const term = node.children?.get(second.word)?.term;
        if (!term) continue;
        const substituted = 1 + Number(first.word !== b.key) + Number(second.word !== a.key);
        return { start, end: start + 3, term, substituted, distinctive: first.distinctive && second.distinctive };
      }
    }
    return undefined;
  }

  /** True when a single-word dictionary line has this spun form (whether or not it applies here). */
  hasOwnLine(word: string): boolean {
    return this.ownLines.has(word);
  }

  /** The words a spun word may stand for by the dictionaries' word habits (content words only). */
  habitsOf(spunWord: string): readonly Habit[] {
    return this.mappings.get(spunWord) ?? NO_HABITS;
  }

  /** Every spun word with what it may stand for (for tools that list the habits). */
  allHabits(): ReadonlyMap<string, readonly Habit[]> {
    return this.mappings;
  }

  /** Every word a habit reads from or to (the vocabulary the language model must keep bigrams for). */
  habitWords(): Set<string> {
    const words = new Set<string>();
    for (const [spunWord, originals] of this.mappings) {
      words.add(spunWord);
      for (const original of originals) words.add(original.word);
    }
    return words;
  }

  /** A word itself first, then what it may stand for. */
  private optionsFor(word: string): { word: string; distinctive: boolean }[] {
    return [{ word, distinctive: true }, ...(this.mappings.get(word) ?? NO_HABITS)];
  }

}

/**
 * A term without its leading and trailing function words (`the common cold` → `common cold`): readings
 * then start at content words only, and the text's own article stays outside the edit.
 */
function withoutEdgeFunctionWords(words: readonly string[]): { words: string[]; from: number } {
  let from = 0;
  let to = words.length;
  while (from < to && FUNCTION_WORDS.has(words[from]!)) from++;
  while (to > from && FUNCTION_WORDS.has(words[to - 1]!)) to--;
  return { words: words.slice(from, to), from };
}

/**
 * True when the original keeps a word of the spun phrase at another place (`additionally it is` →
 * `it is also`): word-by-word alignment would teach nonsense (`additionally` → `it`).
 */
function isReordering(spun: readonly string[], target: readonly string[]): boolean {
  return spun.some((word, i) => target[i] !== word && target.includes(word));
}

/** 2–4 words, all plain words, at least two of them content words. */
function isTerm(target: readonly string[]): boolean {
  return target.length >= 2 && target.length <= MAX_TERM_WORDS && target.every(isPlainWord) && target.filter(isContentWord).length >= 2;
}

/**
 * A set of word pairs as a bitset of their hashes (128 KB for about 100,000 pairs, about one false
 * positive in ten): a Set of joined strings would cost megabytes in every worker thread.
 */
class PairFilter {
  private static readonly BITS = 1 << 20;
  private readonly bits = new Uint32Array(PairFilter.BITS / 32);

  add(a: string, b: string): void {
    const slot = PairFilter.slot(a, b);
    this.bits[slot >>> 5]! |= 1 << (slot & 31);
  }

  has(a: string, b: string): boolean {
    const slot = PairFilter.slot(a, b);
    return (this.bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;
  }

  toBase64(): string {
    return Buffer.from(this.bits.buffer, this.bits.byteOffset, this.bits.byteLength).toString("base64");
  }

  fromBase64(base64: string): void {
    const bytes = Buffer.from(base64, "base64");
    if (bytes.length !== this.bits.byteLength) throw new Error(`opening-pair bitset of ${bytes.length} bytes, expected ${this.bits.byteLength}`);
    new Uint8Array(this.bits.buffer, this.bits.byteOffset, this.bits.byteLength).set(bytes);
  }

  private static slot(a: string, b: string): number {
    return (Math.imul(wordHash(a), 0x9e3779b1) ^ wordHash(b)) & (PairFilter.BITS - 1);
  }
}

function spanKey(tokens: readonly Token[], start: number, end: number): string {
  const keys: string[] = [];
  for (let i = start; i < end; i++) keys.push(tokens[i]!.key);
  return keys.join(" ");
}
