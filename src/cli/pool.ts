import { Worker } from "node:worker_threads";
import { UnspinError } from "../errors.js";
import { createUnspinner, type UnspinnerOptions } from "../unspinner.js";
import { processRecord, type BatchCommand, type BatchInput } from "./task.js";

/** Something that turns a record into an output line, possibly on another thread. */
export interface RecordProcessor {
  process(input: BatchInput): Promise<string>;
  close(): Promise<void>;
}

/** Runs records in this thread: no start-up cost, for --jobs 1. */
export function inThreadProcessor(command: BatchCommand, options: UnspinnerOptions): RecordProcessor {
  const unspinner = createUnspinner(options);
  return {
    process: async (input) => processRecord(unspinner, command, input),
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
 * peak RSS, 16 MB 2.37 s / 273 MB, 4 MB 3.4–4.0 s (too many scavenges).
 */
const WORKER_YOUNG_MB = 16;

interface Slot {
  worker: Worker;
  /** seq → input of the records this worker is processing. */
  inFlight: Map<number, BatchInput>;
}

/** A fixed pool of worker threads; each record goes to the worker with the fewest in flight. */
export function workerPoolProcessor(command: BatchCommand, options: UnspinnerOptions, size: number): RecordProcessor {
  const workerUrl = new URL("./worker.js", import.meta.url);
  const waiting = new Map<number, { resolve: (line: string) => void; reject: (error: Error) => void }>();
  let seq = 0;
  let closing = false;
  const settle = (done: number, line: string | Error) => {
    const promise = waiting.get(done);
    waiting.delete(done);
    if (line instanceof Error) promise?.reject(line);
    else promise?.resolve(line);
  };
  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(workerUrl, { workerData: { command, options }, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB } }), inFlight: new Map() };
    slot.worker.on("message", ({ seq: done, line, fatal }: { seq: number; line?: string; fatal?: string }) => {
      slot.inFlight.delete(done);
      settle(done, fatal !== undefined ? new UnspinError("USAGE", fatal) : line!);
    });
    slot.worker.on("error", (error) => {
      // The worker died (out of memory on a huge document, say): its records fail, the batch goes on.
      for (const [done, input] of slot.inFlight) {
        settle(done, JSON.stringify({ id: null, line: input.line, error: { code: "INTERNAL", message: `worker failed: ${error.message}` } }));
      }
      slot.inFlight.clear();
      if (!closing) slots[slots.indexOf(slot)] = start();
    });
    return slot;
  };
  const slots = Array.from({ length: size }, start);
  return {
    process(input) {
      const id = seq++;
      const slot = slots.reduce((a, b) => (b.inFlight.size < a.inFlight.size ? b : a));
      slot.inFlight.set(id, input);
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        slot.worker.postMessage({ seq: id, input });
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
