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

/**
 * Splits a byte stream into lines as it is read, yielding the complete lines of each chunk together;
 * reading waits while the consumer is busy.
 */
async function* lineChunks(input: Readable): AsyncGenerator<string[]> {
  let rest = "";
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of input) {
    rest += typeof chunk === "string" ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    const complete = rest.split("\n");
    rest = complete.pop()!;
    if (complete.length > 0) yield complete.map((line) => line.replace(/\r$/, ""));
  }
  rest += decoder.decode();
  if (rest.length > 0) yield [rest.replace(/\r$/, "")];
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

/**
 * A group is closed once it holds this many characters of JSON or this many records. Records of a
 * sentence or two take a fraction of a millisecond each, about what a message to a worker and back
 * costs; grouped, the workers are not kept waiting on the main thread. Documents of 16 kB and more
 * still travel one per message, so that work spreads evenly over the workers to the end of a batch.
 */
const GROUP_CHARS = 16 * 1024;
const GROUP_RECORDS = 64;

/**
 * The non-blank lines of a stream as numbered records, in groups (see GROUP_CHARS). A group holds only
 * records of one chunk as read, so it never waits for more input: a slow producer of one record at a
 * time gets each result as soon as it is ready.
 */
export async function* recordGroups(input: Readable, maxChars = GROUP_CHARS, maxRecords = GROUP_RECORDS): AsyncGenerator<BatchInput[]> {
  let line = 0;
  for await (const chunk of lineChunks(input)) {
    let group: BatchInput[] = [];
    let chars = 0;
    for (const raw of chunk) {
      line++;
      if (raw.trim() === "") continue;
      group.push({ line, raw });
      chars += raw.length;
      if (chars >= maxChars || group.length >= maxRecords) {
        yield group;
        group = [];
        chars = 0;
      }
    }
    if (group.length > 0) yield group;
  }
}

/**
 * Streams JSONL records through a processor, writing one output line per input line in input order.
 * At most `4 × jobs` groups of records are in flight, so memory stays bounded however long the stream is.
 */
export async function runJsonl(input: Readable, output: Writable, options: BatchOptions): Promise<number> {
  const processor: RecordProcessor = processorFor(options.command, options.unspinner, options.jobs);
  let bytes = 0;
  let written = 0;
  try {
    await inOrder(
      recordGroups(input),
      (group) => {
        for (const record of group) bytes += record.raw.length;
        return processor.process(group);
      },
      async (_, lines) => {
        await write(output, lines.map((line) => line + "\n").join(""));
        written += lines.length;
        options.onProgress?.(written, bytes);
      },
      Math.max(4, options.jobs * 4),
    );
    return written;
  } finally {
    await processor.close();
  }
}
