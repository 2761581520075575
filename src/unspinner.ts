import type { FindingSource } from "./candidates.js";
import { candidatesOfText, PieceMemo, type CandidateSources } from "./candidates-of-text.js";
import { CompositionModel } from "./compose.js";
import { FITTED_MAP, type ConfidenceMap } from "./confidence.js";
import { DictionaryIndex } from "./dictionary/index.js";
import { loadAllBundledPacks, loadBundledPacks, loadDictionaryFile } from "./dictionary/load.js";
import type { DictionaryEntry } from "./dictionary/types.js";
import { UnspinError } from "./errors.js";
import { LanguageModel, languageModelPath } from "./language-model.js";
import { applyEdits, stabilizeEdits, withoutUnchangedEdges, type Edit } from "./repair.js";
import { planRestoration, type Restoration } from "./restore.js";
import { scoreCandidates, type ScoredCandidate } from "./scoring.js";
import { chooseNonOverlapping } from "./selection.js";
import { matchKey } from "./tokenize.js";
import { scoreDocument, type DocumentScore } from "./verdict.js";
import { FITTED_CHANNEL, WordFit, type FitChannel } from "./word-fit.js";

export type { FindingSource, Restoration, DocumentScore, Edit, ConfidenceMap, FitChannel };

/** A span judged to be spinner output. */
export interface Finding {
  /** Character offsets into the input: `input.slice(start, end) === text`. */
  start: number;
  end: number;
  /** The spun text as it appears in the input. */
  text: string;
  /** Probability that the span is spun (0..1). */
  confidence: number;
  /** Originals, best first, each with its own confidence; case and a/an already adjusted. */
  restorations: Restoration[];
  /** The dictionary line or rule that proposed it. */
  source: FindingSource;
  /** Present and true when the finding is below the threshold: reported (`unsureFrom`), never repaired. */
  unsure?: true;
}

export interface DetectResult {
  findings: Finding[];
  document: DocumentScore;
}

export interface RepairResult {
  /** The input with every finding at or above the threshold replaced by its best restoration. */
  text: string;
  /** The edits applied, in text order, with offsets into the input. */
  edits: Edit[];
  document: DocumentScore;
}

export interface UnspinnerOptions {
  /** Bundled packs to load (default: all, i.e. `web-spinner` and `tortured-science`). */
  packs?: readonly string[];
  /** Extra dictionary files (`*.dict`) or pack folders to load after the bundled ones. */
  dictionaries?: readonly string[];
  /** Findings below this confidence are neither reported nor repaired (default 0.7). */
  minConfidence?: number;
  /**
   * Leave out every dictionary line that has one of these spun forms (case-insensitive), with all its
   * inflected forms: ablation runs measure what unspin restores without entries for those spans.
   */
  withoutEntriesFor?: readonly string[];
  /**
   * The language model that weighs single-word readings no dictionary line lists (see README "Context
   * model"): `true` (default) for the bundled one, a path to another file in its format, the bytes of
   * such a file (used in place: bytes in a SharedArrayBuffer serve several worker threads), or `false`
   * to use the dictionaries alone.
   */
  languageModel?: boolean | string | Uint8Array;
  /**
   * The constants that turn a fit reading's gain into a prior (default: fitted on the evaluation
   * corpus, see scripts/fit-word-fit.ts); for refitting them.
   */
  fitChannel?: FitChannel;
  /**
   * How raw model probabilities become reported confidences (default: the map fitted on the evaluation
   * corpus, see README "Calibration"). `{ slope: 1, intercept: 0 }` reports the raw probabilities.
   */
  confidenceMap?: ConfidenceMap;
}

/** Per-call options. */
export interface CallOptions {
  minConfidence?: number;
  /**
   * detect only: also report spans from this confidence up to `minConfidence`, marked `unsure`, where
   * they do not overlap a sure finding. Repair never applies them. Off by default.
   */
  unsureFrom?: number;
}

/** Dictionaries loaded once, reused for every call. */
export interface Unspinner {
  detect(text: string, options?: CallOptions): DetectResult;
  repair(text: string, options?: CallOptions): RepairResult;
  /** Number of matchable surface forms loaded (inflected variants included). */
  readonly entryCount: number;
}

/**
 * Confidences are calibrated (a finding at c is right about c of the time), so the default repairs
 * what is right at least seven times in ten: a false edit costs a user more than a miss. On the dev
 * pages, when the map was fitted, findings between 0.65 and 0.7 were right about as often as wrong (0.65: restoration 71.6%,
 * precision 94.8%; 0.7: 70.9%, 95.6%; the same share of the word edit distance removed).
 */
export const DEFAULT_MIN_CONFIDENCE = 0.7;

function checkMap(map: ConfidenceMap): ConfidenceMap {
  if (!(Number.isFinite(map.slope) && map.slope > 0 && Number.isFinite(map.intercept))) {
    throw new UnspinError("USAGE", `confidenceMap needs a finite positive slope and a finite intercept, got ${JSON.stringify(map)}`);
  }
  return map;
}

function checkChannel(channel: FitChannel): FitChannel {
  const weights = [channel.associationWeight, channel.frequencyWeight, channel.lineWeight];
  if (!(channel.habitShare > 0 && Number.isFinite(channel.habitShare) && weights.every(Number.isFinite))) {
    throw new UnspinError("USAGE", `fitChannel needs a finite positive habitShare and finite weights, got ${JSON.stringify(channel)}`);
  }
  return channel;
}

function checkConfidence(value: number): number {
  if (!(value >= 0 && value <= 1)) throw new UnspinError("USAGE", `minConfidence must be between 0 and 1, got ${value}`);
  return value;
}

/** Everything one pass over a text produces; detect and repair are views of it. */
interface Analysis {
  findings: Finding[];
  document: DocumentScore;
}

function toFinding(candidate: ScoredCandidate, text: string): Finding {
  const plan = planRestoration(candidate, candidate.context, text);
  return {
    start: plan.start,
    end: plan.end,
    text: text.slice(plan.start, plan.end),
    confidence: candidate.confidence,
    restorations: plan.restorations,
    source: candidate.origin,
  };
}

function toEdit(finding: Finding): Edit {
  return withoutUnchangedEdges({ start: finding.start, end: finding.end, text: finding.text, replacement: finding.restorations[0]!.text, confidence: finding.confidence });
}

/** What one analysis needs besides the text: the loaded dictionaries and the confidence map. */
interface Model extends CandidateSources {
  index: DictionaryIndex;
  composer: CompositionModel;
  confidenceMap: ConfidenceMap;
}

function analyse(model: Model, text: string, minConfidence: number, unsureFrom = minConfidence, memo?: PieceMemo): Analysis {
  if (typeof text !== "string") throw new UnspinError("USAGE", `expected a string, got ${typeof text}`);
  const { candidates, positions, words } = candidatesOfText(model, text, memo);
  const scoredText = scoreCandidates(candidates, positions, words, model.confidenceMap);
  const { scored } = scoredText;
  const chosen = chooseNonOverlapping(scored.filter((c) => c.confidence >= minConfidence));
  const reportedWords = chosen.reduce((sum, c) => sum + c.words, 0);
  const findings = chosen.map((c) => toFinding(c, text));
  if (unsureFrom < minConfidence) findings.push(...unsureFindings(scored, chosen, unsureFrom, minConfidence, text));
  findings.sort((a, b) => a.start - b.start);
  return { findings, document: scoreDocument(scoredText, reportedWords, words) };
}

/** Below-threshold readings that overlap no sure finding, chosen the same way, marked unsure. */
function unsureFindings(scored: ScoredCandidate[], sure: ScoredCandidate[], from: number, below: number, text: string): Finding[] {
  const clashes = (c: ScoredCandidate) => sure.some((s) => s.startToken < c.endToken && c.startToken < s.endToken);
  const pool = scored.filter((c) => c.confidence >= from && c.confidence < below && !clashes(c));
  return chooseNonOverlapping(pool).map((c) => ({ ...toFinding(c, text), unsure: true as const }));
}

function withoutLinesFor(entries: readonly DictionaryEntry[], spunForms: readonly string[]): DictionaryEntry[] {
  const forms = new Set(spunForms.map((f) => matchKey(f).replace(/\s+/g, " ").trim()));
  const lineOf = (e: DictionaryEntry) => `${e.file}:${e.line}`;
  const dropped = new Set(entries.filter((e) => forms.has(matchKey(e.spun))).map(lineOf));
  return entries.filter((e) => !dropped.has(lineOf(e)));
}

/** Language models by path: unspinners of one process share one copy. */
const languageModels = new Map<string, LanguageModel>();

function languageModelFor(option: boolean | string | Uint8Array = true): LanguageModel | undefined {
  if (option === false) return undefined;
  if (option instanceof Uint8Array) return LanguageModel.fromBytes(option);
  const path = languageModelPath(option);
  let model = languageModels.get(path);
  if (!model) languageModels.set(path, (model = LanguageModel.load(path)));
  return model;
}

/** Loads dictionaries once and returns synchronous detect/repair functions that reuse them. */
export function createUnspinner(options: UnspinnerOptions = {}): Unspinner {
  const defaultThreshold = checkConfidence(options.minConfidence ?? DEFAULT_MIN_CONFIDENCE);
  // Only the bundled packs as they are: the composition model the build stored for them (else it is learned here).
  const bundledAsTheyAre = options.packs === undefined && !options.dictionaries?.length && !options.withoutEntriesFor;
  const bundled = bundledAsTheyAre ? loadAllBundledPacks() : { entries: loadBundledPacks(options.packs), composition: undefined };
  const loaded = [...bundled.entries, ...(options.dictionaries ?? []).flatMap((f) => loadDictionaryFile(f))];
  const entries = options.withoutEntriesFor ? withoutLinesFor(loaded, options.withoutEntriesFor) : loaded;
  const composer = bundled.composition ? new CompositionModel(bundled.composition, entries) : new CompositionModel(entries);
  const model: Model = { index: new DictionaryIndex(entries), composer, confidenceMap: checkMap(options.confidenceMap ?? FITTED_MAP) };
  const languageModel = languageModelFor(options.languageModel);
  if (languageModel) model.wordFit = new WordFit(languageModel, composer, checkChannel(options.fitChannel ?? FITTED_CHANNEL));
  const threshold = (call?: CallOptions) => checkConfidence(call?.minConfidence ?? defaultThreshold);
  return {
    entryCount: entries.length,
    detect(text, call) {
      const minConfidence = threshold(call);
      const unsureFrom = call?.unsureFrom === undefined ? minConfidence : checkConfidence(call.unsureFrom);
      const { findings, document } = analyse(model, text, minConfidence, unsureFrom);
      return { findings, document };
    },
    repair(text, call) {
      const minConfidence = threshold(call);
      // The pieces of the text its edits leave alone are read once for all the rounds of stabilizeEdits.
      const memo = new PieceMemo();
      const { findings, document } = analyse(model, text, minConfidence, minConfidence, memo);
      const editsOf = (t: string) => analyse(model, t, minConfidence, minConfidence, memo).findings.map(toEdit);
      const edits = stabilizeEdits(text, findings.map(toEdit), editsOf);
      return { text: applyEdits(text, edits), edits, document };
    },
  };
}
