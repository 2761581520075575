import type { Unspinner } from "../unspinner.js";
import { alignRepair, type Alignment } from "./align.js";
import { goldText, wordDistance } from "./distance.js";
import { discoverCorpus, type CorpusDocument } from "./corpus.js";
import { addCounts, countAlignment, rates, ZERO_COUNTS, type Counts, type Rates } from "./metrics.js";

export interface DocumentEvaluation {
  name: string;
  path: string;
  kind: "spun" | "clean";
  counts: Counts;
  rates: Rates;
  alignment: Alignment;
}

export interface Evaluation {
  documents: DocumentEvaluation[];
  /** Sums over annotated spun documents. */
  spun: { documents: number; counts: Counts; rates: Rates };
  /** Sums over clean documents. */
  clean: { documents: number; counts: Counts; rates: Rates };
}

/** A function that turns a text into its repaired form (unspin's, or any other system's). */
export type Repairer = (text: string) => string;

export function evaluateDocument(doc: CorpusDocument, repairText: Repairer): DocumentEvaluation {
  const repaired = repairText(doc.text);
  const alignment = alignRepair(doc.text, doc.marks, repaired);
  const gold = goldText(doc.text, doc.marks);
  const counts = countAlignment(alignment, wordDistance(doc.text, gold) ?? 0, wordDistance(repaired, gold) ?? 0);
  return { name: doc.name, path: doc.path, kind: doc.kind, counts, rates: rates(counts), alignment };
}

/** Totals over evaluated documents. */
export function summarise(docs: readonly DocumentEvaluation[]): { documents: number; counts: Counts; rates: Rates } {
  const counts = docs.reduce((sum, d) => addCounts(sum, d.counts), ZERO_COUNTS);
  return { documents: docs.length, counts, rates: rates(counts) };
}

/** Repairs every corpus document under `paths` and scores the repairs against the gold. */
export function evaluateCorpus(paths: readonly string[], repairText: Repairer): Evaluation {
  const documents = discoverCorpus(paths).map((doc) => evaluateDocument(doc, repairText));
  return {
    documents,
    spun: summarise(documents.filter((d) => d.kind === "spun")),
    clean: summarise(documents.filter((d) => d.kind === "clean")),
  };
}

/** Convenience: evaluate an unspinner's repair at its default threshold. */
export function evaluateUnspinner(paths: readonly string[], unspinner: Unspinner): Evaluation {
  return evaluateCorpus(paths, (text) => unspinner.repair(text).text);
}
