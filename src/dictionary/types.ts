/** A context condition from a dictionary line (`if=next:NOUN/ADJ`, `unless=prev:work-life`). */
export interface ContextCondition {
  /**
   * What is tested: the token before or after the span, or (`doc`) whether the text contains one of
   * the words anywhere (in a text longer than 64 kB: in the stretch of text being read, see
   * candidates-of-text.ts).
   */
  side: "prev" | "next" | "doc";
  /** Universal POS tags that satisfy the test. */
  tags: ReadonlySet<string>;
  /** Lowercase words that satisfy the test. */
  words: ReadonlySet<string>;
  /** `unless=`: the entry applies only when the test fails. */
  negated: boolean;
  /**
   * Some words have inner punctuation the tokenizer splits on (`work-life`, `u.s.`): the neighbour is
   * then also tested as the whole whitespace-delimited word it belongs to.
   */
  wholeWords: boolean;
}

/** Which inflected form of an entry a surface variant is (for reporting and tense choice). */
export type EntryForm = "as-written" | "plural" | "third-person" | "past" | "participle" | "past-or-participle" | "gerund";

/** One spun surface form, ready for matching: a dictionary line expands into one or more of these. */
export interface DictionaryEntry {
  /** The spun form as it is matched (lowercase, single-spaced). */
  spun: string;
  /** Candidate originals, best first. */
  originals: string[];
  /** For a past-tense spun form whose originals have distinct past and participle: the participle forms. */
  participles?: string[];
  /** Share of occurrences that are legitimate in a half-spun document (see dictionaries/FORMAT.md). */
  legit: number;
  /** POS tags required of the head token, if any. */
  pos?: ReadonlySet<string>;
  conditions: ContextCondition[];
  /** Provenance tag (`@source` / `src=`; defaults to the pack name). */
  source: string;
  /** Pack (folder) name, or the file name for extra dictionary files. */
  pack: string;
  file: string;
  line: number;
  form: EntryForm;
  /** Index of the head word within the spun phrase (for the POS test). */
  headWord: number;
  /**
   * Which words of the spun form the dictionary writes with capitals (`Thomas More`, `PC reenactment`),
   * when any: a text's capitals on those words belong to the spun form, not to the original.
   */
  capitals?: boolean[];
}
