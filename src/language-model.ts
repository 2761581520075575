import { readFileSync } from "node:fs";
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
 * File layout (little-endian): "UNSPINLM", version, word count, bigram count, byte length of the
 * words; the words joined by "\n" (a word's id is its line); Float32 log10 unigram probabilities and
 * backoff weights; Uint32 start of each word's bigrams (word count + 1 of them); Uint16 second word of
 * each bigram, grouped by first word and sorted; one byte per bigram: −log10 P(second | first) in
 * steps of LM_QUANT_STEP. Each part starts on a multiple of 4 bytes.
 */
export const LM_MAGIC = "UNSPINLM";
export const LM_VERSION = 2;
/** Word ids are 16 bits. */
export const LM_MAX_WORDS = 65_535;
/** Resolution of a stored bigram log probability (log10 units; 255 steps reach −8). */
export const LM_QUANT_STEP = 1 / 32;

/** The shipped model, from src/ and from dist/ alike. */
export const BUNDLED_LANGUAGE_MODEL = join(dirname(fileURLToPath(import.meta.url)), "..", "models", "english-lm.bin");

/** Tokens that mark where a sentence begins and ends, as the model spells them. */
export const SENTENCE_START = "<s>";
export const SENTENCE_END = "</s>";
const UNKNOWN = "<unk>";
const HEADER_BYTES = 24;

export class LanguageModel {
  private readonly ids = new Map<string, number>();
  private readonly unknown: number;

  private constructor(
    words: readonly string[],
    private readonly probs: Float32Array,
    private readonly backoffs: Float32Array,
    private readonly starts: Uint32Array,
    private readonly seconds: Uint16Array,
    private readonly quantized: Uint8Array,
  ) {
    words.forEach((word, id) => this.ids.set(word, id));
    const unknown = this.ids.get(UNKNOWN);
    if (unknown === undefined) throw new UnspinError("MODEL", `language model has no ${UNKNOWN} word`);
    this.unknown = unknown;
  }

  /** Reads a model file written by scripts/language-model/compact.mjs. */
  static load(path = BUNDLED_LANGUAGE_MODEL): LanguageModel {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new UnspinError("MODEL", `${path}: cannot read the language model (${(error as Error).message})`);
    }
    return LanguageModel.fromBytes(bytes, path);
  }

  static fromBytes(bytes: Buffer, path = "<bytes>"): LanguageModel {
    if (bytes.length < HEADER_BYTES || bytes.toString("latin1", 0, 8) !== LM_MAGIC) throw new UnspinError("MODEL", `${path}: not an unspin language model`);
    const version = bytes.readUInt32LE(8);
    if (version !== LM_VERSION) throw new UnspinError("MODEL", `${path}: language model version ${version}, expected ${LM_VERSION}`);
    const [wordCount, bigramCount, wordBytes] = [bytes.readUInt32LE(12), bytes.readUInt32LE(16), bytes.readUInt32LE(20)];
    const aligned = (length: number) => Math.ceil(length / 4) * 4;
    const expected = HEADER_BYTES + aligned(wordBytes) + wordCount * 8 + (wordCount + 1) * 4 + aligned(bigramCount * 2) + bigramCount;
    if (bytes.length !== expected) throw new UnspinError("MODEL", `${path}: language model is truncated or corrupt`);
    let at = HEADER_BYTES;
    const words = bytes.toString("utf8", at, at + wordBytes).split("\n");
    if (words.length !== wordCount) throw new UnspinError("MODEL", `${path}: language model is truncated or corrupt`);
    at += aligned(wordBytes);
    // Copies: aligned, and free of the file's buffer.
    const take = (length: number) => bytes.buffer.slice(bytes.byteOffset + at, bytes.byteOffset + (at += length));
    const probs = new Float32Array(take(wordCount * 4));
    const backoffs = new Float32Array(take(wordCount * 4));
    const starts = new Uint32Array(take((wordCount + 1) * 4));
    const seconds = new Uint16Array(take(bigramCount * 2));
    at = aligned(at);
    const quantized = new Uint8Array(take(bigramCount));
    return new LanguageModel(words, probs, backoffs, starts, seconds, quantized);
  }

  get bigramCount(): number {
    return this.seconds.length;
  }

  private idOf(word: string): number {
    return this.ids.get(word) ?? this.unknown;
  }

  /** log10 P(word). */
  unigram(word: string): number {
    return this.probs[this.idOf(word)]!;
  }

  /** log10 P(second | first), backing off to log10 P(second) for a bigram the model does not keep. */
  bigram(first: string, second: string): number {
    const a = this.idOf(first);
    const b = this.idOf(second);
    const from = this.starts[a]!;
    const at = from + lowerBound(this.starts[a + 1]! - from, (i) => this.seconds[from + i]! < b);
    if (at < this.starts[a + 1]! && this.seconds[at] === b) return -this.quantized[at]! * LM_QUANT_STEP;
    return this.backoffs[a]! + this.probs[b]!;
  }

  /** log10 of how well `word` fits between `previous` and `next` (lowercase words, or the sentence marks). */
  fit(previous: string, word: string, next: string): number {
    return this.bigram(previous, word) + this.bigram(word, next);
  }
}
