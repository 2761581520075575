import { createReadStream, mkdirSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import type { Readable, Writable } from "node:stream";
import { parseArgs } from "node:util";
import { UnspinError } from "../errors.js";
import { calibrate } from "../eval/calibration.js";
import { discoverCorpus } from "../eval/corpus.js";
import { evaluateUnspinner } from "../eval/run.js";
import { createUnspinner, type DetectResult, type RepairResult, type Unspinner, type UnspinnerOptions } from "../unspinner.js";
import { inOrder, runJsonl } from "./batch.js";
import { expandInputs } from "./files.js";
import { processorFor } from "./pool.js";
import type { BatchCommand } from "./task.js";
import { formatCalibration, formatEvaluation, formatEvaluationDetails } from "./format.js";
import { colorEnabled, painterFor } from "./color.js";
import { checkOutput, outputFormat, type OutputFormat } from "./output.js";
import { reportFor } from "./report.js";
import { readInput, rewriteInPlace, writeFileAtomic } from "./input.js";

const USAGE = `Usage:
  unspin check FILE|-   [--format F] [options]    list spun spans (exit 0: none, 1: found, 2: error)
  unspin repair FILE|-  [-o OUT | --in-place]     print (or write) the repaired text
  unspin report FILE|-  [-o report.html]          an HTML page: highlighted findings, repaired text
  unspin check|repair FILE… DIR… 'GLOB'…          many files (repair needs --in-place or --out-dir)
  unspin check|repair --jsonl [FILE|-]            stream {"id","text"} lines, one result line each
  unspin eval DIR…      [--json] [--details]      score repairs against an annotated corpus
        [--calibration]                           add a reliability table of the confidences
        [--without-dictionary-entries-from PATH]  ablation: drop entries for the marks under PATH

Options:
  --format F           check output: text (default), json (also --json) or sarif
  --jobs N             worker threads for batches (default: number of cores)
  --out-dir DIR        with repair of many files: write each result under DIR
  --backup SUFFIX      with --in-place: keep the original as FILE + SUFFIX
  --min-confidence N   report and repair only findings with confidence ≥ N (default 0.7)
  --unsure-from N      check FILE: also list findings from confidence N, marked unsure (not repaired)
  --dict FILE          load an extra dictionary file or pack folder (repeatable)
  --pack NAME          load only these bundled packs (repeatable; default: all)
  --no-language-model  dictionaries only: no single-word readings weighed by the language model
  -h, --help           show this help
`;

/** What a command returns: text for stdout and the process exit code. */
interface Outcome {
  stdout: string;
  exitCode: number;
}

const OPTIONS = {
  json: { type: "boolean" },
  format: { type: "string" },
  details: { type: "boolean" },
  calibration: { type: "boolean" },
  "without-dictionary-entries-from": { type: "string", multiple: true },
  output: { type: "string", short: "o" },
  "in-place": { type: "boolean" },
  backup: { type: "string" },
  "out-dir": { type: "string" },
  jsonl: { type: "boolean" },
  "no-language-model": { type: "boolean" },
  jobs: { type: "string" },
  "min-confidence": { type: "string" },
  "unsure-from": { type: "string" },
  dict: { type: "string", multiple: true },
  pack: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function unspinnerFrom(values: Values): Unspinner {
  return createUnspinner(unspinnerOptionsFrom(values));
}

function parseConfidence(text: string, option = "--min-confidence"): number {
  const value = Number(text);
  if (text.trim() === "" || !(value >= 0 && value <= 1)) throw new UnspinError("USAGE", `${option} must be a number from 0 to 1, got "${text}"`);
  return value;
}

function onlyInput(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UnspinError("USAGE", `${command} takes exactly one FILE (or - for standard input)`);
  return positionals[0]!;
}

/** Per-run settings that do not come from the arguments. */
interface RunContext {
  /** Colour the text output (stdout is a terminal and NO_COLOR is not set). */
  color: boolean;
}

function check(positionals: string[], values: Values, context: RunContext): Outcome {
  const path = onlyInput(positionals, "check");
  const output = checkOutput(outputFormat(values.format, values.json), painterFor(context.color));
  const unspinner = unspinnerFrom(values);
  const text = readInput(path);
  const unsureFrom = values["unsure-from"] === undefined ? undefined : parseConfidence(values["unsure-from"], "--unsure-from");
  const result = unspinner.detect(text, unsureFrom === undefined ? {} : { unsureFrom });
  const stdout = output.add({ name: path === "-" ? "<stdin>" : path, text, result }) + output.end();
  return { stdout, exitCode: result.findings.some((f) => !f.unsure) ? 1 : 0 };
}

function repairCommand(positionals: string[], values: Values): Outcome {
  const path = onlyInput(positionals, "repair");
  if (values["in-place"] && values.output) throw new UnspinError("USAGE", "use either -o OUT or --in-place, not both");
  if (values["in-place"] && path === "-") throw new UnspinError("USAGE", "--in-place needs a file, not standard input");
  if (values.backup !== undefined && !values["in-place"]) throw new UnspinError("USAGE", "--backup goes with --in-place");
  const unspinner = unspinnerFrom(values);
  const text = readInput(path);
  const result = unspinner.repair(text);
  const target = values["in-place"] ? path : values.output;
  if (target === undefined) return { stdout: values.json ? JSON.stringify(result, null, 2) + "\n" : result.text, exitCode: 0 };
  if (values["in-place"]) rewriteInPlace(target, result.text, values.backup);
  else writeFileAtomic(target, result.text);
  return { stdout: values.json ? JSON.stringify({ edits: result.edits, document: result.document }, null, 2) + "\n" : "", exitCode: 0 };
}

/** Spun texts of every mark in the annotated files under the given paths (for ablation runs). */
function markedSpans(paths: readonly string[]): string[] {
  return discoverCorpus(paths).flatMap((doc) => doc.marks.map((m) => m.spun));
}

function evalCommand(positionals: string[], values: Values): Outcome {
  if (positionals.length === 0) throw new UnspinError("USAGE", "eval needs at least one corpus folder");
  const ablation = values["without-dictionary-entries-from"];
  const unspinner = createUnspinner({ ...unspinnerOptionsFrom(values), ...(ablation ? { withoutEntriesFor: markedSpans(ablation) } : {}) });
  const evaluation = evaluateUnspinner(positionals, unspinner);
  if (evaluation.documents.length === 0) throw new UnspinError("USAGE", `no NAME.ann/NAME.txt pairs or clean/*.txt files under ${positionals.join(", ")}`);
  if (values.json) {
    const slim = { ...evaluation, documents: evaluation.documents.map(({ alignment: _alignment, ...rest }) => rest) };
    return { stdout: JSON.stringify(slim, null, 2) + "\n", exitCode: 0 };
  }
  const details = values.details ? formatEvaluationDetails(evaluation) : "";
  const calibration = values.calibration ? formatCalibration(calibrate(discoverCorpus(positionals), unspinner)) : "";
  return { stdout: details + formatEvaluation(evaluation) + calibration, exitCode: 0 };
}

function reportCommand(positionals: string[], values: Values): Outcome {
  const path = onlyInput(positionals, "report");
  const html = reportFor(unspinnerFrom(values), readInput(path), path);
  if (values.output === undefined) return { stdout: html, exitCode: 0 };
  writeFileAtomic(values.output, html);
  return { stdout: "", exitCode: 0 };
}

const COMMANDS: Record<string, (positionals: string[], values: Values, context: RunContext) => Outcome> = {
  check,
  repair: repairCommand,
  report: reportCommand,
  eval: evalCommand,
};

/** Runs the CLI with the given arguments; never throws, never exits. */
export function runCli(argv: string[], context: RunContext = { color: false }): Outcome & { stderr: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) return { stdout: USAGE, stderr: "", exitCode: command === undefined && !values.help ? 2 : 0 };
    const run = COMMANDS[command];
    if (!run) throw new UnspinError("USAGE", `unknown command "${command}" (expected check, repair, report or eval)`);
    return { ...run(rest, values, context), stderr: "" };
  } catch (error) {
    return { stdout: "", stderr: errorLine(error), exitCode: 2 };
  }
}

/** One line for stderr: our own errors as they are, anything unexpected marked as internal. */
function errorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const internal = !(error instanceof UnspinError) && !(error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
  return `unspin: ${internal ? "internal error: " : ""}${message.split("\n")[0]}\n`;
}

/** Streams the CLI talks to (the process's own, or test doubles). */
export interface CliStreams {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
}

function jobsFrom(values: Values): number {
  if (values.jobs === undefined) return availableParallelism();
  const jobs = Number(values.jobs);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UnspinError("USAGE", `--jobs must be a whole number from 1 to 256, got "${values.jobs}"`);
  return jobs;
}

function isBatch(inputs: readonly string[]): boolean {
  if (inputs.length !== 1) return inputs.length > 1;
  const input = inputs[0]!;
  if (/[*?]/.test(input)) return true;
  try {
    return statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/** A one-line progress display on a terminal; nothing when stderr is a pipe or file. */
function progressReporter(stderr: CliStreams["stderr"]): { update: (records: number, bytes: number) => void; done: () => void } {
  if (!stderr.isTTY) return { update: () => {}, done: () => {} };
  let last = 0;
  return {
    update(records, bytes) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      stderr.write(`\runspin: ${records} documents, ${(bytes / 1e6).toFixed(1)} MB`);
    },
    done: () => stderr.write("\r\x1b[K"),
  };
}

function unspinnerOptionsFrom(values: Values): UnspinnerOptions {
  return {
    ...(values.pack ? { packs: values.pack } : {}),
    ...(values.dict ? { dictionaries: values.dict } : {}),
    ...(values["min-confidence"] !== undefined ? { minConfidence: parseConfidence(values["min-confidence"]) } : {}),
    ...(values["no-language-model"] ? { languageModel: false } : {}),
  };
}

async function jsonlCommand(command: BatchCommand, inputs: string[], values: Values, io: CliStreams): Promise<number> {
  if (inputs.length > 1) throw new UnspinError("USAGE", "--jsonl reads one stream: a FILE or - for standard input");
  const source = inputs[0] ?? "-";
  const options = unspinnerOptionsFrom(values);
  const input = source === "-" ? io.stdin : createReadStream(source);
  const progress = progressReporter(io.stderr);
  await runJsonl(input, io.stdout, { command, unspinner: options, jobs: jobsFrom(values), onProgress: progress.update });
  progress.done();
  return 0;
}

function outputPathFor(file: string, values: Values): string {
  if (values["in-place"]) return file;
  return join(values["out-dir"]!, relative(process.cwd(), resolve(file)).replace(/^(\.\.[/\\])+/, ""));
}

/** Many documents are checked into text or one SARIF log; JSON describes one document (--jsonl streams many). */
function batchCheckFormat(command: BatchCommand, values: Values): OutputFormat {
  if (command !== "check") return "text";
  const format = outputFormat(values.format, values.json);
  if (format === "json") throw new UnspinError("USAGE", "--format json takes one FILE; use --format sarif or --jsonl for many");
  return format;
}

async function filesCommand(command: BatchCommand, inputs: string[], values: Values, io: CliStreams): Promise<number> {
  if (command === "repair" && !values["in-place"] && !values["out-dir"]) throw new UnspinError("USAGE", "repair of several files needs --in-place or --out-dir DIR");
  const output = checkOutput(batchCheckFormat(command, values), painterFor(colorEnabled(io.stdout)));
  const options = unspinnerOptionsFrom(values);
  const files = expandInputs(inputs);
  const jobs = Math.min(jobsFrom(values), Math.max(1, files.length));
  const processor = processorFor(command, options, jobs);
  const progress = progressReporter(io.stderr);
  let exitCode = 0;
  let bytes = 0;
  let done = 0;
  const texts = new Map<number, string>(); // by position: the same file may be named twice
  const start = (file: string, index: number): Promise<string> | undefined => {
    let text: string;
    try {
      text = readInput(file);
    } catch (error) {
      io.stderr.write(`unspin: ${(error as Error).message}\n`);
      exitCode = 2;
      return undefined;
    }
    bytes += text.length;
    texts.set(index, text);
    return processor.process([{ line: index + 1, raw: JSON.stringify({ id: file, text }) }]).then(([line]) => line!);
  };
  const finish = (file: string, index: number, line: string) => {
    const text = texts.get(index)!;
    texts.delete(index);
    const result = JSON.parse(line) as DetectResult & RepairResult & { error?: { message: string } };
    if (result.error) {
      io.stderr.write(`unspin: ${file}: ${result.error.message}\n`);
      exitCode = 2;
    } else if (command === "check") {
      io.stdout.write(output.add({ name: file, text, result }));
      if (result.findings.length > 0) exitCode = Math.max(exitCode, 1);
    } else {
      const target = outputPathFor(file, values);
      mkdirSync(dirname(target), { recursive: true });
      if (values["in-place"]) rewriteInPlace(target, result.text, values.backup);
      else writeFileAtomic(target, result.text);
    }
    progress.update(++done, bytes);
  };
  try {
    await inOrder(files.map((file, index) => ({ file, index })), ({ file, index }) => start(file, index), ({ file, index }, line) => finish(file, index, line), jobs * 4);
    io.stdout.write(output.end());
  } finally {
    await processor.close();
    progress.done();
  }
  return exitCode;
}

/** The CLI entry point: batches and streams run asynchronously, single documents synchronously. */
export async function main(argv: string[], io: CliStreams): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...inputs] = positionals;
    if ((command === "check" || command === "repair") && !values.help) {
      if (values.jsonl) return await jsonlCommand(command, inputs, values, io);
      if (isBatch(inputs)) return await filesCommand(command, inputs, values, io);
    }
  } catch (error) {
    io.stderr.write(errorLine(error));
    return 2;
  }
  const outcome = runCli(argv, { color: colorEnabled(io.stdout) });
  io.stderr.write(outcome.stderr);
  io.stdout.write(outcome.stdout);
  return outcome.exitCode;
}
