import type { ScoredCandidate } from "./scoring.js";
import type { Token } from "./tokenize.js";

/** True when the text starts with a capital letter (any script). */
function startsUpper(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}

/** One proposed original for a span, with the probability that it is the right one. */
export interface Restoration {
  text: string;
  confidence: number;
}

/** Words after which a past form must be a participle (`has been seen`, not `has been saw`). */
const PARTICIPLE_CUES = new Set(["have", "has", "had", "having", "'ve", "'s", "'d", "be", "been", "being", "is", "are",
  "was", "were", "am", "get", "gets", "got", "gotten"]);

/** Share of the span's probability that goes to the n-th original: the first is most likely. */
function rankShare(rank: number, count: number): number {
  if (count === 1) return 1;
  return rank === 0 ? 0.8 : 0.2 / (count - 1);
}

function wantsParticiple(tokens: readonly Token[], startToken: number): boolean {
  for (let i = startToken - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const token = tokens[i]!;
    if (token.pos === "PUNCT" || token.type === "tabCRLF") return false;
    if (PARTICIPLE_CUES.has(token.key)) return true;
    if (token.pos !== "ADV" && token.pos !== "PART") seen++;
  }
  return false;
}

/** What restoring a candidate needs to know about the tokens around it (kept instead of the tokens). */
export interface RestorationContext {
  /** A preceding `a`/`an`, separated from the span by plain whitespace. */
  article?: { text: string; key: string; start: number; end: number };
  /** The span follows have/be, so a past form must be a participle. */
  participle: boolean;
  /** The span begins a sentence, so its first capital may be the sentence's. */
  sentenceStart: boolean;
}

/** Reads the context of a span at tokens [startToken, …) of a token array. */
export function restorationContext(tokens: readonly Token[], startToken: number): RestorationContext {
  const article = articleBefore(tokens, startToken);
  return {
    ...(article ? { article: { text: article.text, key: article.key, start: article.start, end: article.end } } : {}),
    participle: wantsParticiple(tokens, startToken),
    sentenceStart: startsSentence(tokens, startToken),
  };
}

function startsSentence(tokens: readonly Token[], startToken: number): boolean {
  const previous = tokens[startToken - 1];
  return previous === undefined || previous.sentence !== tokens[startToken]!.sentence;
}

/** The originals in context: participles after have/be, else as listed. */
function originalsInContext(candidate: ScoredCandidate, context: RestorationContext): string[] {
  if (candidate.participles && context.participle) return candidate.participles;
  return candidate.originals;
}

const SMALL_WORDS = new Set(["a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "by", "at", "with"]);

function capitalizeFirst(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Shouting, not an acronym: an all-caps acronym (`USA`, `GDP`) says nothing about its original's case. */
function isAllCaps(word: string): boolean {
  // Cheap exits first: this runs for every word of every finding.
  if (word.length <= 4 || /[a-z]/.test(word)) return false;
  const letters = word.replace(/[^\p{L}]/gu, "");
  return letters.length > 4 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * One word's case onto another: ALL CAPS, Capitalised, or the original's own spelling. A capital the
 * dictionary writes into the spun word (`inherent`: `PC`, `Thomas`) says nothing about the original's.
 */
function wordCase(spun: string, original: string, inherent = false): string {
  if (spun.toLowerCase() === original.toLowerCase()) return spun; // an unchanged word keeps its spelling
  if (isAllCaps(spun)) return original.toUpperCase();
  if (inherent) return original;
  return startsUpper(spun) ? capitalizeFirst(original) : original;
}

/** Every word capitalised, but for small words and words without letters. */
function isTitleCase(words: readonly string[]): boolean {
  return words.length > 1 && words.every((w) => startsUpper(w) || SMALL_WORDS.has(w) || !/\p{L}/u.test(w));
}

/**
 * Carries the spun text's case over to an original: word by word when both have as many words
 * (`UN Safety Council` → `UN Security Council`), else ALL CAPS stays all caps, Title Case stays title
 * case and a capital first letter stays capital. Capitals inside the original (`United States`) are kept.
 * `capitals` marks the spun words the dictionary itself capitalises (`Thomas More` → `more`,
 * `PC reenactment` → `computer simulation`): those capitals are not carried, except that a span that
 * begins a sentence (`sentenceStart`) still begins it with a capital.
 */
export function carryCase(spun: string, original: string, capitals: readonly boolean[] = [], sentenceStart = false): string {
  const spunWords = spun.split(/\s+/).filter((w) => w.length > 0);
  const originalWords = original.split(" ");
  const inherent = (i: number) => capitals[i] === true && !isAllCaps(spunWords[i]!);
  let cased: string;
  if (spunWords.length > 1 && spunWords.length === originalWords.length) {
    cased = originalWords.map((w, i) => wordCase(spunWords[i]!, w, inherent(i))).join(" ");
  } else if (isAllCaps(spun) || (spunWords.length > 1 && spunWords.every(isAllCaps))) {
    return original.toUpperCase();
  } else if (isTitleCase(spunWords) && spunWords.some((w, i) => startsUpper(w) && !inherent(i))) {
    cased = originalWords.map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : capitalizeFirst(w))).join(" ");
  } else {
    cased = startsUpper(spun) && !inherent(0) ? capitalizeFirst(original) : original;
  }
  return sentenceStart && capitals.length > 0 && startsUpper(spun) ? capitalizeFirst(cased) : cased;
}

// Words spelled with a vowel letter but said with a consonant sound, and the reverse.
const CONSONANT_SOUND = /^(uni|use|usu|uti|uro|eu|ewe|one|once|ubiq|ufo|uganda|ukrain|u\.s\.|us\b)/i;
const VOWEL_SOUND = /^(hour|honest|honou?r|heir|herb\b|mba|fbi|fda|nhs|nba|nfl|x-ray|8|11(?!\d)|18(?!\d))/i;

/** "an" when the word begins with a vowel sound, else "a". */
export function indefiniteArticleFor(word: string): "a" | "an" {
  if (VOWEL_SOUND.test(word)) return "an";
  if (CONSONANT_SOUND.test(word)) return "a";
  return /^[aeiou]/i.test(word) ? "an" : "a";
}

/** The article token right before the span, if it is `a` or `an` separated by plain whitespace. */
function articleBefore(tokens: readonly Token[], startToken: number): Token | undefined {
  const token = tokens[startToken - 1];
  const span = tokens[startToken];
  if (!token || !span || !span.spaceBefore) return undefined;
  return token.key === "a" || token.key === "an" ? token : undefined;
}

/** A chosen span ready to apply: possibly widened to the preceding article so that a/an agrees. */
export interface RestorationPlan {
  start: number;
  end: number;
  restorations: Restoration[];
}

function withArticle(article: { text: string }, gap: string, restoration: string): string {
  const wanted = indefiniteArticleFor(restoration);
  const cased = article.text === article.text.toUpperCase() && article.text.length > 1 ? wanted.toUpperCase()
    : startsUpper(article.text) ? capitalizeFirst(wanted) : wanted;
  return cased + gap + restoration;
}

/**
 * Builds the ranked restorations of a chosen candidate, in the case of the spun text, with the
 * preceding `a`/`an` included when any restoration changes which article is right.
 */
/**
 * Spinners swap the word after an article and leave the article: `an fallacious` was `an incorrect`
 * rather than `a wrong`. Originals that agree with the article already there come first (stable).
 */
function agreeingFirst(originals: readonly string[], article: RestorationContext["article"]): string[] {
  if (!article) return [...originals];
  const agrees = (o: string) => indefiniteArticleFor(o) === article.key;
  return [...originals.filter(agrees), ...originals.filter((o) => !agrees(o))];
}

export function planRestoration(candidate: ScoredCandidate, context: RestorationContext, text: string): RestorationPlan {
  const originals = agreeingFirst(originalsInContext(candidate, context), context.article);
  const texts = originals.map((o) => carryCase(candidate.text, o, candidate.capitals, context.sentenceStart));
  const confidences = originals.map((_, i) => candidate.confidence * rankShare(i, originals.length));
  const { article } = context;
  const articleChanges = article !== undefined && texts.some((t) => indefiniteArticleFor(t) !== article.key);
  if (!article || !articleChanges) {
    return { start: candidate.start, end: candidate.end, restorations: texts.map((t, i) => ({ text: t, confidence: confidences[i]! })) };
  }
  const gap = text.slice(article.end, candidate.start);
  return {
    start: article.start,
    end: candidate.end,
    restorations: texts.map((t, i) => ({ text: withArticle(article, gap, t), confidence: confidences[i]! })),
  };
}
