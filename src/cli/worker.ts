import { parentPort, workerData } from "node:worker_threads";
import { createUnspinner, type Unspinner, type UnspinnerOptions } from "../unspinner.js";
import { processRecord, type BatchCommand, type BatchInput } from "./task.js";

/** A batch worker: one unspinner per thread, records in, output lines out. */
const { command, options } = workerData as { command: BatchCommand; options: UnspinnerOptions };
let unspinner: Unspinner | undefined;
let fatal: string | undefined;
try {
  unspinner = createUnspinner(options);
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error); // e.g. a malformed dictionary
}
parentPort!.on("message", ({ seq, input }: { seq: number; input: BatchInput }) => {
  if (unspinner) parentPort!.postMessage({ seq, line: processRecord(unspinner, command, input) });
  else parentPort!.postMessage({ seq, fatal });
});
