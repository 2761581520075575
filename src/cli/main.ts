import { parseArgs } from "node:util";
import { UnspinError } from "../errors.js";
import { evaluateUnspinner } from "../eval/run.js";
import { createUnspinner, type Unspinner, type UnspinnerOptions } from "../unspinner.js";
import { formatEvaluation, formatEvaluationDetails, formatFindings } from "./format.js";
import { readInput, writeFileAtomic } from "./input.js";

const USAGE = `Usage:
  unspin check FILE|-   [--json] [options]        list spun spans (exit 0: none, 1: found, 2: error)
  unspin repair FILE|-  [-o OUT | --in-place]     print (or write) the repaired text
  unspin eval DIR…      [--json] [--details]      score repairs against an annotated corpus

Options:
  --min-confidence N   report and repair only findings with confidence ≥ N (default 0.5)
  --dict FILE          load an extra dictionary file or pack folder (repeatable)
  --pack NAME          load only these bundled packs (repeatable; default: all)
  -h, --help           show this help
`;

/** What a command returns: text for stdout and the process exit code. */
interface Outcome {
  stdout: string;
  exitCode: number;
}

const OPTIONS = {
  json: { type: "boolean" },
  details: { type: "boolean" },
  output: { type: "string", short: "o" },
  "in-place": { type: "boolean" },
  "min-confidence": { type: "string" },
  dict: { type: "string", multiple: true },
  pack: { type: "string", multiple: true },
  help: { type: "boolean", short: "h" },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"];

function unspinnerFrom(values: Values): Unspinner {
  const options: UnspinnerOptions = {
    ...(values.pack ? { packs: values.pack } : {}),
    ...(values.dict ? { dictionaries: values.dict } : {}),
    ...(values["min-confidence"] !== undefined ? { minConfidence: parseConfidence(values["min-confidence"]) } : {}),
  };
  return createUnspinner(options);
}

function parseConfidence(text: string): number {
  const value = Number(text);
  if (text.trim() === "" || !(value >= 0 && value <= 1)) throw new UnspinError("USAGE", `--min-confidence must be a number from 0 to 1, got "${text}"`);
  return value;
}

function onlyInput(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UnspinError("USAGE", `${command} takes exactly one FILE (or - for standard input)`);
  return positionals[0]!;
}

function check(positionals: string[], values: Values): Outcome {
  const path = onlyInput(positionals, "check");
  const unspinner = unspinnerFrom(values);
  const text = readInput(path);
  const result = unspinner.detect(text);
  const stdout = values.json ? JSON.stringify(result, null, 2) + "\n" : formatFindings(text, result, path === "-" ? "<stdin>" : path);
  return { stdout, exitCode: result.findings.length > 0 ? 1 : 0 };
}

function repairCommand(positionals: string[], values: Values): Outcome {
  const path = onlyInput(positionals, "repair");
  if (values["in-place"] && values.output) throw new UnspinError("USAGE", "use either -o OUT or --in-place, not both");
  if (values["in-place"] && path === "-") throw new UnspinError("USAGE", "--in-place needs a file, not standard input");
  const unspinner = unspinnerFrom(values);
  const text = readInput(path);
  const result = unspinner.repair(text);
  const target = values["in-place"] ? path : values.output;
  if (target === undefined) return { stdout: values.json ? JSON.stringify(result, null, 2) + "\n" : result.text, exitCode: 0 };
  writeFileAtomic(target, result.text);
  return { stdout: values.json ? JSON.stringify({ edits: result.edits, document: result.document }, null, 2) + "\n" : "", exitCode: 0 };
}

function evalCommand(positionals: string[], values: Values): Outcome {
  if (positionals.length === 0) throw new UnspinError("USAGE", "eval needs at least one corpus folder");
  const evaluation = evaluateUnspinner(positionals, unspinnerFrom(values));
  if (evaluation.documents.length === 0) throw new UnspinError("USAGE", `no NAME.ann/NAME.txt pairs or clean/*.txt files under ${positionals.join(", ")}`);
  if (values.json) {
    const slim = { ...evaluation, documents: evaluation.documents.map(({ alignment: _alignment, ...rest }) => rest) };
    return { stdout: JSON.stringify(slim, null, 2) + "\n", exitCode: 0 };
  }
  const details = values.details ? formatEvaluationDetails(evaluation) : "";
  return { stdout: details + formatEvaluation(evaluation), exitCode: 0 };
}

const COMMANDS: Record<string, (positionals: string[], values: Values) => Outcome> = {
  check,
  repair: repairCommand,
  eval: evalCommand,
};

/** Runs the CLI with the given arguments; never throws, never exits. */
export function runCli(argv: string[]): Outcome & { stderr: string } {
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) return { stdout: USAGE, stderr: "", exitCode: command === undefined && !values.help ? 2 : 0 };
    const run = COMMANDS[command];
    if (!run) throw new UnspinError("USAGE", `unknown command "${command}" (expected check, repair or eval)`);
    return { ...run(rest, values), stderr: "" };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const internal = !(error instanceof UnspinError) && !(error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    return { stdout: "", stderr: `unspin: ${internal ? "internal error: " : ""}${message.split("\n")[0]}\n`, exitCode: 2 };
  }
}
