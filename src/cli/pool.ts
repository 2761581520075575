import { Worker } from "node:worker_threads";
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

/** A fixed pool of worker threads; each record goes to the worker with the fewest in flight. */
export function workerPoolProcessor(command: BatchCommand, options: UnspinnerOptions, size: number): RecordProcessor {
  const workerUrl = new URL("./worker.js", import.meta.url);
  const pending = new Map<number, { resolve: (line: string) => void; reject: (error: Error) => void }>();
  const load = new Array<number>(size).fill(0);
  let seq = 0;
  const workers = Array.from({ length: size }, (_, w) => {
    const worker = new Worker(workerUrl, { workerData: { command, options } });
    worker.on("message", ({ seq: done, line }: { seq: number; line: string }) => {
      load[w]!--;
      pending.get(done)?.resolve(line);
      pending.delete(done);
    });
    worker.on("error", (error) => {
      for (const p of pending.values()) p.reject(error);
      pending.clear();
    });
    return worker;
  });
  return {
    process(input) {
      const id = seq++;
      const w = load.indexOf(Math.min(...load));
      load[w]!++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        workers[w]!.postMessage({ seq: id, input });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
