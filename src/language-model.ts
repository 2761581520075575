import { closeSync, fstatSync, openSync, readFileSync, readSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { UnspinError } from "./errors.js";
import { lowerBound } from "./search.js";

/**
 * A bigram model of clean English, used to ask whether a word fits its neighbours better than the
 * word a spinner may have put in its place (see word-fit.ts).
 *
 * The numbers are CMU Sphinx's generic US English trigram model (Debian package
 * `pocketsphinx-en-us`, BSD-2-Clause, © Carnegie Mellon University), reduced by
 * scripts/language-model/build.sh to what unspin asks: the unigram log probabilities and backoff
 * weights of its 65,535 most probable words, and the bigrams in which one word is a spun word or an
 * original of a word habit of the bundled dictionaries. Any other bigram is estimated by backing off
 * to the unigram, as in the full model.
 *
 * The file is read into memory as it is and used in place (see modelLayout): no per-word objects, so
 * that it loads in a few milliseconds and costs worker threads that share its bytes nothing more.
 */
export const LM_MAGIC = "UNSPINLM";
export const LM_VERSION = 3;
/** Word ids are 16 bits. */
export const LM_MAX_WORDS = 65_535;
/** Resolution of a stored bigram log probability (log10 units; 255 steps reach −8). */
export const LM_QUANT_STEP = 1 / 32;

/** The shipped model, from src/ and from dist/ alike. */
export const BUNDLED_LANGUAGE_MODEL = join(dirname(fileURLToPath(import.meta.url)), "..", "models", "english-lm.bin");

/** The file a `languageModel` option names: the bundled model for `true` (or no option). */
export function languageModelPath(option: true | string = true): string {
  return option === true ? BUNDLED_LANGUAGE_MODEL : option;
}

/** Tokens that mark where a sentence begins and ends, as the model spells them. */
export const SENTENCE_START = "<s>";
export const SENTENCE_END = "</s>";
const UNKNOWN = "<unk>";

/** Magic, then version, word count, bigram count, byte length of the words, hash table size (Uint32). */
const HEADER_BYTES = 32;

export interface ModelCounts {
  words: number;
  bigrams: number;
  wordBytes: number;
  tableSize: number;
}

/**
 * Byte offsets of the parts of a model file (little-endian), each on a multiple of 4 bytes:
 * - `words`: the words in UTF-8, one after another; `wordStarts` (Uint32, words + 1): the file offset
 *   where each starts (and where the last ends);
 * - `probs`, `backoffs` (Float32): log10 unigram probability and backoff weight of each word;
 * - `table` (Int32, tableSize, a power of two): word ids by wordHash, linear probing, −1 empty;
 * - `bigramStarts` (Uint32, words + 1): where each word's bigrams start, as first word;
 * - `seconds` (Uint16): the second word of each bigram, grouped by first word and sorted;
 * - `quantized` (Uint8): −log10 P(second | first) of each bigram, in steps of LM_QUANT_STEP.
 */
export function modelLayout(counts: ModelCounts) {
  let at = HEADER_BYTES;
  const part = (bytes: number) => {
    const start = at;
    at += Math.ceil(bytes / 4) * 4;
    return start;
  };
  return {
    words: part(counts.wordBytes),
    wordStarts: part((counts.words + 1) * 4),
    probs: part(counts.words * 4),
    backoffs: part(counts.words * 4),
    table: part(counts.tableSize * 4),
    bigramStarts: part((counts.words + 1) * 4),
    seconds: part(counts.bigrams * 2),
    quantized: part(counts.bigrams),
    end: at,
  };
}

/** FNV-1a over the UTF-16 code units of a word: the hash table's key (no encoding needed to look up). */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A power of two at least twice the word count, so that probes stay short. */
export function hashTableSize(words: number): number {
  let size = 1;
  while (size < words * 2) size *= 2;
  return size;
}

function readIntoSharedMemory(path: string): Uint8Array {
  const descriptor = openSync(path, "r");
  try {
    const bytes = new Uint8Array(new SharedArrayBuffer(fstatSync(descriptor).size));
    for (let at = 0; at < bytes.length; ) {
      const read = readSync(descriptor, bytes, at, bytes.length - at, at);
      if (read === 0) throw new Error("file shrank while being read");
      at += read;
    }
    return bytes;
  } finally {
    closeSync(descriptor);
  }
}

export class LanguageModel {
  private readonly wordStarts: Uint32Array;
  private readonly probs: Float32Array;
  private readonly backoffs: Float32Array;
  private readonly table: Int32Array;
  private readonly bigramStarts: Uint32Array;
  private readonly seconds: Uint16Array;
  private readonly quantized: Uint8Array;
  private readonly unknown: number;

  private constructor(private readonly bytes: Uint8Array, counts: ModelCounts, path: string) {
    const layout = modelLayout(counts);
    const view = <T>(Type: new (buffer: ArrayBufferLike, offset: number, length: number) => T, offset: number, length: number) => new Type(bytes.buffer, bytes.byteOffset + offset, length);
    this.wordStarts = view(Uint32Array, layout.wordStarts, counts.words + 1);
    this.probs = view(Float32Array, layout.probs, counts.words);
    this.backoffs = view(Float32Array, layout.backoffs, counts.words);
    this.table = view(Int32Array, layout.table, counts.tableSize);
    this.bigramStarts = view(Uint32Array, layout.bigramStarts, counts.words + 1);
    this.seconds = view(Uint16Array, layout.seconds, counts.bigrams);
    this.quantized = view(Uint8Array, layout.quantized, counts.bigrams);
    const unknown = this.find(UNKNOWN);
    if (unknown < 0) throw new UnspinError("MODEL", `${path}: language model has no ${UNKNOWN} word`);
    this.unknown = unknown;
  }

  /**
   * Reads a model file written by scripts/language-model/compact.mjs; with `shared`, straight into a
   * SharedArrayBuffer, so that worker threads can use the one copy (see `fileBytes`).
   */
  static load(path = BUNDLED_LANGUAGE_MODEL, shared = false): LanguageModel {
    let bytes: Uint8Array;
    try {
      bytes = shared ? readIntoSharedMemory(path) : readFileSync(path);
    } catch (error) {
      throw new UnspinError("MODEL", `${path}: cannot read the language model (${(error as Error).message})`);
    }
    return LanguageModel.fromBytes(bytes, path);
  }

  /**
   * A model over the bytes of a model file, used in place: bytes in a SharedArrayBuffer serve every
   * worker thread with one copy.
   */
  static fromBytes(bytes: Uint8Array, path = "<bytes>"): LanguageModel {
    const header = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (header.length < HEADER_BYTES || header.toString("latin1", 0, 8) !== LM_MAGIC) throw new UnspinError("MODEL", `${path}: not an unspin language model`);
    const version = header.readUInt32LE(8);
    if (version !== LM_VERSION) throw new UnspinError("MODEL", `${path}: language model version ${version}, expected ${LM_VERSION}`);
    const counts = { words: header.readUInt32LE(12), bigrams: header.readUInt32LE(16), wordBytes: header.readUInt32LE(20), tableSize: header.readUInt32LE(24) };
    if (header.length !== modelLayout(counts).end || counts.tableSize < counts.words) throw new UnspinError("MODEL", `${path}: language model is truncated or corrupt`);
    // Typed views need aligned offsets; a buffer of its own (as readFileSync gives) is.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
    return new LanguageModel(aligned, counts, path);
  }

  /** The file's bytes (to share them with worker threads). */
  get fileBytes(): Uint8Array {
    return this.bytes;
  }

  get bigramCount(): number {
    return this.seconds.length;
  }

  /** The id of a word, or −1. */
  private find(word: string): number {
    const mask = this.table.length - 1;
    for (let slot = wordHash(word) & mask; ; slot = (slot + 1) & mask) {
      const id = this.table[slot]!;
      if (id < 0 || this.spells(id, word)) return id;
    }
  }

  /** True when word `id` is `word` (compared on the stored UTF-8 bytes; ASCII without decoding). */
  private spells(id: number, word: string): boolean {
    const start = this.wordStarts[id]!;
    const end = this.wordStarts[id + 1]!;
    if (end - start < word.length) return false;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      if (code >= 0x80) return Buffer.from(this.bytes.buffer, this.bytes.byteOffset + start, end - start).toString("utf8") === word;
      if (this.bytes[start + i] !== code) return false;
    }
    return end - start === word.length;
  }

  /** The id of a word for the id-based methods (the unknown word's id if the model lacks it). */
  wordId(word: string): number {
    const id = this.find(word);
    return id < 0 ? this.unknown : id;
  }

  /** log10 P(word). */
  unigram(word: string): number {
    return this.probs[this.wordId(word)]!;
  }

  /** log10 P(second | first), backing off to log10 P(second) for a bigram the model does not keep. */
  bigram(first: string, second: string): number {
    return this.bigramOfIds(this.wordId(first), this.wordId(second));
  }

  /** `unigram` by word id: callers that ask about the same words many times look them up once. */
  unigramOfId(id: number): number {
    return this.probs[id]!;
  }

  /** `bigram` by word ids. */
  bigramOfIds(a: number, b: number): number {
    const at = this.bigramAt(a, b);
    if (at >= 0) return -this.quantized[at]! * LM_QUANT_STEP;
    return this.backoffs[a]! + this.probs[b]!;
  }

  /**
   * True when the model keeps the pair itself (the corpus it was trained on had it often enough) rather
   * than estimating it by backing off: the dictionary audit reads that as "attested English".
   */
  hasBigram(first: string, second: string): boolean {
    const a = this.find(first);
    const b = this.find(second);
    return a >= 0 && b >= 0 && this.bigramAt(a, b) >= 0;
  }

  /** Where the pair's probability is stored, or −1. */
  private bigramAt(a: number, b: number): number {
    const from = this.bigramStarts[a]!;
    const to = this.bigramStarts[a + 1]!;
    const at = from + lowerBound(to - from, (i) => this.seconds[from + i]! < b);
    return at < to && this.seconds[at] === b ? at : -1;
  }

  /** `fit` by word ids. */
  fitOfIds(previous: number, word: number, next: number): number {
    return this.bigramOfIds(previous, word) + this.bigramOfIds(word, next);
  }

  /** log10 of how well `word` fits between `previous` and `next` (lowercase words, or the sentence marks). */
  fit(previous: string, word: string, next: string): number {
    return this.fitOfIds(this.wordId(previous), this.wordId(word), this.wordId(next));
  }
}
