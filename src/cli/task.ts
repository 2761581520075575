import { UnspinError } from "../errors.js";
import type { Unspinner } from "../unspinner.js";

export type BatchCommand = "check" | "repair";

/** One JSONL input record, as read: `{"id": …, "text": …}`. */
export interface BatchInput {
  /** 1-based line number in the input stream (for error records without an id). */
  line: number;
  raw: string;
}

function parseRecord(input: BatchInput): { id: unknown; text: string } {
  let record: unknown;
  try {
    record = JSON.parse(input.raw);
  } catch {
    throw new UnspinError("USAGE", `line ${input.line}: not valid JSON`);
  }
  if (typeof record !== "object" || record === null || Array.isArray(record)) throw new UnspinError("USAGE", `line ${input.line}: expected a JSON object`);
  const { id, text } = record as { id?: unknown; text?: unknown };
  if (typeof text !== "string") throw new UnspinError("USAGE", `line ${input.line}: "text" must be a string`);
  return { id: id ?? null, text };
}

function idOf(raw: string): unknown {
  try {
    return (JSON.parse(raw) as { id?: unknown }).id ?? null;
  } catch {
    return null;
  }
}

/**
 * Processes one JSONL record and returns the output line (without newline). A failing record gives an
 * error record for that line, so that one bad document never stops a batch.
 */
function processRecord(unspinner: Unspinner, command: BatchCommand, input: BatchInput): string {
  try {
    const { id, text } = parseRecord(input);
    if (command === "check") {
      const { findings, document } = unspinner.detect(text);
      return JSON.stringify({ id, findings, document });
    }
    const { text: repaired, edits, document } = unspinner.repair(text);
    return JSON.stringify({ id, text: repaired, edits, document });
  } catch (error) {
    const code = error instanceof UnspinError ? error.code : "INTERNAL";
    const message = error instanceof Error ? error.message : String(error);
    return JSON.stringify({ id: idOf(input.raw), line: input.line, error: { code, message } });
  }
}

/** Processes a group of records: one output line each, in the same order. */
export function processRecords(unspinner: Unspinner, command: BatchCommand, inputs: readonly BatchInput[]): string[] {
  return inputs.map((input) => processRecord(unspinner, command, input));
}
