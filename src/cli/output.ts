import { UnspinError } from "../errors.js";
import type { Painter } from "./color.js";
import { formatFindings } from "./format.js";
import { toSarif, type CheckedFile } from "./sarif.js";

export type OutputFormat = "text" | "json" | "sarif";

const FORMATS: readonly OutputFormat[] = ["text", "json", "sarif"];

/** The `--format` of `check`; `--json` is kept as a short form of `--format json`. */
export function outputFormat(format: string | undefined, json: boolean | undefined): OutputFormat {
  if (format === undefined) return json ? "json" : "text";
  if (!(FORMATS as readonly string[]).includes(format)) throw new UnspinError("USAGE", `--format must be text, json or sarif, got "${format}"`);
  if (json && format !== "json") throw new UnspinError("USAGE", `--json contradicts --format ${format}`);
  return format as OutputFormat;
}

/**
 * Output of `check` for one or many documents: text is written as each document is checked, SARIF is
 * one log for all of them at the end, JSON is the result of the single document.
 */
export function checkOutput(format: OutputFormat, paint: Painter): { add(file: CheckedFile): string; end(): string } {
  const collected: CheckedFile[] = [];
  return {
    add(file) {
      if (format === "text") return formatFindings(file.text, file.result, file.name, paint);
      collected.push(file);
      return "";
    },
    end() {
      if (format === "sarif") return JSON.stringify(toSarif(collected), null, 2) + "\n";
      if (format === "json" && collected.length > 0) return JSON.stringify(collected[0]!.result, null, 2) + "\n";
      return "";
    },
  };
}
