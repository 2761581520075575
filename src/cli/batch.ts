import type { Readable, Writable } from "node:stream";
import type { UnspinnerOptions } from "../unspinner.js";
import { inThreadProcessor, workerPoolProcessor, type RecordProcessor } from "./pool.js";
import type { BatchCommand, BatchInput } from "./task.js";

export interface BatchOptions {
  command: BatchCommand;
  unspinner: UnspinnerOptions;
  jobs: number;
  /** Called after each record is written (for a progress display). */
  onProgress?: (records: number, bytes: number) => void;
}

/** Splits a byte stream into lines as it is read; reading waits while the consumer is busy. */
async function* lines(input: Readable): AsyncGenerator<string> {
  let rest = "";
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    let newline: number;
    while ((newline = rest.indexOf("\n")) >= 0) {
      yield rest.slice(0, newline).replace(/\r$/, "");
      rest = rest.slice(newline + 1);
    }
  }
  rest += decoder.decode();
  if (rest.length > 0) yield rest.replace(/\r$/, "");
}

function write(output: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (output.write(text)) resolve();
    else {
      output.once("drain", resolve);
      output.once("error", reject);
    }
  });
}

/**
 * Streams JSONL records through a processor, writing one output line per input line in input order.
 * At most `4 × jobs` records are in flight, so memory stays bounded however long the stream is.
 */
export async function runJsonl(input: Readable, output: Writable, options: BatchOptions): Promise<number> {
  const processor: RecordProcessor = options.jobs > 1
    ? workerPoolProcessor(options.command, options.unspinner, options.jobs)
    : inThreadProcessor(options.command, options.unspinner);
  const window = Math.max(4, options.jobs * 4);
  const inFlight: Promise<string>[] = [];
  let records = 0;
  let bytes = 0;
  const flushOne = async () => {
    const line = await inFlight.shift()!;
    await write(output, line + "\n");
    options.onProgress?.(++records, bytes);
  };
  try {
    let lineNumber = 0;
    for await (const raw of lines(input)) {
      lineNumber++;
      if (raw.trim() === "") continue;
      bytes += raw.length;
      const record: BatchInput = { line: lineNumber, raw };
      inFlight.push(processor.process(record));
      if (inFlight.length >= window) await flushOne();
    }
    while (inFlight.length > 0) await flushOne();
  } finally {
    await processor.close();
  }
  return records;
}
