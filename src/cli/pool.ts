import { Worker } from "node:worker_threads";
import { UnspinError } from "../errors.js";
import { LanguageModel, languageModelPath } from "../language-model.js";
import { createUnspinner, type UnspinnerOptions } from "../unspinner.js";
import { processRecords, type BatchCommand, type BatchInput } from "./task.js";

/**
 * Something that turns records into output lines (one each, same order), possibly on another thread.
 * It takes records in groups so that short records do not cost a message round trip each.
 */
export interface RecordProcessor {
  process(inputs: readonly BatchInput[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Runs records in this thread: no start-up cost, for --jobs 1. */
export function inThreadProcessor(command: BatchCommand, options: UnspinnerOptions): RecordProcessor {
  const unspinner = createUnspinner(options);
  return {
    process: async (inputs) => processRecords(unspinner, command, inputs),
    close: async () => {},
  };
}

/**
 * Old-generation heap per worker. V8 otherwise lets each thread's heap grow far past what it uses,
 * which multiplies with the number of workers; a document too large for this fails alone (an error
 * record) and its worker is replaced.
 */
const WORKER_HEAP_MB = 192;
/**
 * A bounded young generation: V8's default grows it per thread, which multiplies peak memory by the
 * number of workers. Measured on 200 documents (3 MB of JSONL, two workers): default 2.50 s / 327 MB
 * peak RSS, 16 MB 2.37 s / 273 MB, 4 MB 3.4–4.0 s (too many scavenges). With the dictionaries of
 * the sixth session (43,237 forms), streaming 10 MB of JSONL four times in turn: 6 MB 266–284 MB peak
 * at 1.03–1.25 MB/s, 12 MB 284–293 MB at 1.09–1.36 MB/s (about 4% slower for 15–25 MB less).
 */
const WORKER_YOUNG_MB = 6;

interface Slot {
  worker: Worker;
  /** seq → the group of records this worker is processing. */
  inFlight: Map<number, readonly BatchInput[]>;
}

/** The error record for an input whose worker died. */
function workerFailure(input: BatchInput, error: Error): string {
  return JSON.stringify({ id: null, line: input.line, error: { code: "INTERNAL", message: `worker failed: ${error.message}` } });
}

/**
 * The options with the language model's file read once into shared memory: every worker uses the same
 * bytes in place instead of a copy each.
 */
function withSharedLanguageModel(options: UnspinnerOptions): UnspinnerOptions {
  if (options.languageModel === false || options.languageModel instanceof Uint8Array) return options;
  return { ...options, languageModel: LanguageModel.load(languageModelPath(options.languageModel), true).fileBytes };
}

/** A fixed pool of worker threads; each group of records goes to the worker with the fewest groups in flight. */
export function workerPoolProcessor(command: BatchCommand, unspinnerOptions: UnspinnerOptions, size: number): RecordProcessor {
  const options = withSharedLanguageModel(unspinnerOptions);
  const workerUrl = new URL("./worker.js", import.meta.url);
  const waiting = new Map<number, { resolve: (lines: string[]) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let closing = false;
  const settle = (done: number, lines: string[] | Error) => {
    const promise = waiting.get(done);
    waiting.delete(done);
    if (lines instanceof Error) promise?.reject(lines);
    else promise?.resolve(lines);
  };
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: { command, options }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }), inFlight: new Map() };
    slot.worker.on("message", ({ seq: done, lines, fatal }: { seq: number; lines?: string[]; fatal?: string }) => {
      slot.inFlight.delete(done);
      settle(done, fatal !== undefined ? new UnspinError("USAGE", fatal) : lines!);
    });
    slot.worker.on("error", (error) => {
      // The worker died (out of memory on a huge document, say): its records fail, the batch goes on.
      for (const [done, inputs] of slot.inFlight) settle(done, inputs.map((input) => workerFailure(input, error)));
      slot.inFlight.clear();
      if (!closing) slots[slots.indexOf(slot)] = start();
    });
    return slot;
  };
  const slots = Array.from({ length: size }, start);
  return {
    process(inputs) {
      const id = seq++;
      const slot = slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      slot.inFlight.set(id, inputs);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ seq: id, inputs });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** Worker threads for more than one job, else this thread. */
export function processorFor(command: BatchCommand, options: UnspinnerOptions, jobs: number): RecordProcessor {
  return jobs > 1 ? workerPoolProcessor(command, options, jobs) : inThreadProcessor(command, options);
}
