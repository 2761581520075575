import { parentPort, workerData } from "node:worker_threads";
import { createUnspinner, type UnspinnerOptions } from "../unspinner.js";
import { processRecord, type BatchCommand, type BatchInput } from "./task.js";

/** A batch worker: one unspinner per thread, records in, output lines out. */
const { command, options } = workerData as { command: BatchCommand; options: UnspinnerOptions };
const unspinner = createUnspinner(options);
parentPort!.on("message", ({ seq, input }: { seq: number; input: BatchInput }) => {
  parentPort!.postMessage({ seq, line: processRecord(unspinner, command, input) });
});
