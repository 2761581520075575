/**
 * SARIF 2.1.0 output for `unspin check --format sarif`, for code-scanning dashboards and editors that read
 * static-analysis logs. Columns are UTF-16 code units (SARIF's default `columnKind`), as are our offsets.
 */
import { readFileSync } from "node:fs";
import { isAbsolute, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { describeFinding, ruleDescription, ruleIdOf } from "../describe.js";
import type { DetectResult, Finding } from "../unspinner.js";
import { lineAndColumn } from "./format.js";

/** One checked document: its display name (a path, or `<stdin>`), its text and what was found. */
export interface CheckedFile {
  name: string;
  text: string;
  result: DetectResult;
}

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

/** The package version (package.json is two folders up from both src/cli and dist/cli). */
function toolVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

/** A path as a SARIF artifact URI: relative paths stay relative (with `/`), absolute ones become file: URLs. */
export function artifactUri(path: string): string {
  if (isAbsolute(path)) return pathToFileURL(path).href;
  return path.split(sep).join("/").split("/").map(encodeURIComponent).join("/");
}

function region(text: string, start: number, end: number) {
  const from = lineAndColumn(text, start);
  const to = lineAndColumn(text, end);
  return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column, charOffset: start, charLength: end - start };
}

function sarifResult(file: CheckedFile, index: number, finding: Finding, ruleIndex: number) {
  const artifactLocation = { uri: artifactUri(file.name), index };
  const span = region(file.text, finding.start, finding.end);
  const best = finding.restorations[0]!.text;
  return {
    ruleId: ruleIdOf(finding),
    ruleIndex,
    level: "warning",
    rank: Math.round(finding.confidence * 1000) / 10,
    message: { text: describeFinding(finding) },
    locations: [{ physicalLocation: { artifactLocation, region: { ...span, snippet: { text: finding.text } } } }],
    fixes: [{
      description: { text: `Replace with "${best}"` },
      artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: span, insertedContent: { text: best } }] }],
    }],
    properties: { confidence: finding.confidence, restorations: finding.restorations, source: finding.source },
  };
}

/** A SARIF log with one run: the rules that fired, one result per finding, one artifact per document. */
export function toSarif(files: readonly CheckedFile[]) {
  const ruleIds = [...new Set(files.flatMap((f) => f.result.findings.map(ruleIdOf)))].sort();
  const rules = ruleIds.map((id) => ({ id, shortDescription: { text: ruleDescription(id) }, defaultConfiguration: { level: "warning" } }));
  return {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [{
      tool: { driver: { name: "unspin", version: toolVersion(), informationUri: "https://www.npmjs.com/package/unspin", rules } },
      columnKind: "utf16CodeUnits",
      artifacts: files.map((f) => ({ location: { uri: artifactUri(f.name) }, properties: { ...f.result.document } })),
      results: files.flatMap((f, i) => f.result.findings.map((finding) => sarifResult(f, i, finding, ruleIds.indexOf(ruleIdOf(finding))))),
    }],
  };
}
