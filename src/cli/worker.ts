import { parentPort, workerData } from "node:worker_threads";
import { forgetPhrases } from "../tokenize.js";
import { createUnspinner, type Unspinner, type UnspinnerOptions } from "../unspinner.js";
import { processRecords, type BatchCommand, type BatchInput } from "./task.js";

/** A batch worker: one unspinner per thread, groups of records in, their output lines out. */
const { command, options } = workerData as { command: BatchCommand; options: UnspinnerOptions };
let unspinner: Unspinner | undefined;
let fatal: string | undefined;
try {
  unspinner = createUnspinner(options);
  forgetPhrases(); // this thread builds no other unspinner
} catch (error) {
  fatal = error instanceof Error ? error.message : String(error); // e.g. a malformed dictionary
}
parentPort!.on("message", ({ seq, inputs }: { seq: number; inputs: BatchInput[] }) => {
  if (unspinner) parentPort!.postMessage({ seq, lines: processRecords(unspinner, command, inputs) });
  else parentPort!.postMessage({ seq, fatal });
});
