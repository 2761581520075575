import type { Readable, Writable } from "node:stream";
import type { UnspinnerOptions } from "../unspinner.js";
import { processorFor, type RecordProcessor } from "./pool.js";
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
 * Runs `start` on each item with at most `window` results pending, and hands the results to `finish`
 * in input order. `start` may return undefined to skip an item. Returns the number finished.
 */
export async function inOrder<T, R>(
  items: Iterable<T> | AsyncIterable<T>,
  start: (item: T) => Promise<R> | undefined,
  finish: (item: T, result: R) => Promise<void> | void,
  window: number,
): Promise<number> {
  const pending: { item: T; result: Promise<R> }[] = [];
  let finished = 0;
  const finishOldest = async () => {
    const { item, result } = pending.shift()!;
    await finish(item, await result);
    finished++;
  };
  for await (const item of items) {
    const result = start(item);
    if (result === undefined) continue;
    pending.push({ item, result });
    if (pending.length >= window) await finishOldest();
  }
  while (pending.length > 0) await finishOldest();
  return finished;
}

async function* numberedLines(input: Readable): AsyncGenerator<BatchInput> {
  let line = 0;
  for await (const raw of lines(input)) {
    line++;
    if (raw.trim() !== "") yield { line, raw };
  }
}

/**
 * Streams JSONL records through a processor, writing one output line per input line in input order.
 * At most `4 × jobs` records are in flight, so memory stays bounded however long the stream is.
 */
export async function runJsonl(input: Readable, output: Writable, options: BatchOptions): Promise<number> {
  const processor: RecordProcessor = processorFor(options.command, options.unspinner, options.jobs);
  let bytes = 0;
  let written = 0;
  try {
    return await inOrder(
      numberedLines(input),
      (record) => {
        bytes += record.raw.length;
        return processor.process(record);
      },
      async (_, line) => {
        await write(output, line + "\n");
        options.onProgress?.(++written, bytes);
      },
      Math.max(4, options.jobs * 4),
    );
  } finally {
    await processor.close();
  }
}
