/**
 * unspin: find synonym-spun text and restore the original wording.
 *
 *   import { detect, repair, createUnspinner } from "unspin";
 */
import { createUnspinner, type CallOptions, type DetectResult, type RepairResult, type Unspinner } from "./unspinner.js";

export { createUnspinner, DEFAULT_MIN_CONFIDENCE } from "./unspinner.js";
export { FITTED_MAP, IDENTITY_MAP, type ConfidenceMap } from "./confidence.js";
export { SPUN_VERDICT_FROM, VERDICT_MAP } from "./verdict.js";
export { FITTED_CHANNEL, type FitChannel } from "./word-fit.js";
export type { CallOptions, DetectResult, Finding, RepairResult, Unspinner, UnspinnerOptions, FindingSource, Restoration, DocumentScore, Edit } from "./unspinner.js";
export type { DictionaryEntry } from "./dictionary/types.js";
export { UnspinError, type UnspinErrorCode } from "./errors.js";

let shared: Unspinner | undefined;

/** The unspinner with the bundled dictionaries, created on first use. */
function defaultUnspinner(): Unspinner {
  shared ??= createUnspinner();
  return shared;
}

/** Finds spun spans in `text` with the bundled dictionaries. Synchronous. */
export function detect(text: string, options?: CallOptions): DetectResult {
  return defaultUnspinner().detect(text, options);
}

/** Returns `text` with spun spans replaced by their most likely originals. Synchronous. */
export function repair(text: string, options?: CallOptions): RepairResult {
  return defaultUnspinner().repair(text, options);
}
