/**
 * The HTML report: one self-contained page (inline CSS and JS, no network) that shows a document with
 * its spun spans highlighted, their restorations, the verdict, and the repaired text.
 *
 * Every span is rendered here as HTML, not built in the browser: a 50-page document is one parse, and
 * the page's script only attaches one delegated handler.
 */
import { createHash } from "node:crypto";
import type { DetectResult, Finding, RepairResult } from "../unspinner.js";
import { SCRIPT, STYLE } from "./assets.js";

export interface ReportOptions {
  /** Shown as the page title and heading, e.g. the file name. */
  title: string;
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch]!);
}

/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no JS line terminators. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function sha256(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

/** Confidence band of a finding: 1 below 0.7, 2 below 0.9, 3 from 0.9. */
function band(confidence: number): 1 | 2 | 3 {
  return confidence >= 0.9 ? 3 : confidence >= 0.7 ? 2 : 1;
}

function sourceLabel(finding: Finding): string {
  const source = finding.source;
  if (source.kind === "rule") return `built-in rule ${source.rule}`;
  if (source.kind === "composed") return `the term "${source.term}" rewritten word by word`;
  if (source.kind === "fit") return `a spinner's habit read back: "${source.original}" fits here 10^${source.gain.toFixed(1)} times better`;
  // The file name only: a report is shared, the path of someone's dictionary folder is not.
  return `${source.pack} dictionary, ${source.file.split(/[/\\]/).pop()}:${source.line}`;
}

/** What the page's script needs per finding, in the order of the data-i indices. */
function findingData(findings: readonly Finding[]) {
  return findings.map((f) => ({ t: f.text, c: f.confidence, r: f.restorations.map((r) => [r.text, r.confidence]), s: sourceLabel(f) }));
}

/**
 * `text` with the given ranges wrapped by `wrap`; ranges are in text order and do not overlap (those
 * that would are left out rather than producing broken markup).
 */
function markRanges<T extends { start: number; end: number }>(text: string, ranges: readonly T[], wrap: (range: T) => string): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const range of ranges) {
    if (range.start < cursor) continue;
    parts.push(escapeHtml(text.slice(cursor, range.start)), wrap(range));
    cursor = range.end;
  }
  parts.push(escapeHtml(text.slice(cursor)));
  return parts.join("");
}

function spunView(text: string, findings: readonly Finding[]): string {
  const index = new Map(findings.map((f, i) => [f, i]));
  return markRanges(text, findings, (f) =>
    `<mark class="c${band(f.confidence)}" data-i="${index.get(f)}" data-r="${escapeHtml(f.restorations[0]?.text ?? "")}" tabindex="0" role="button" aria-expanded="false">${escapeHtml(f.text)}</mark>`);
}

/** The repaired text, each replacement marked; one that repairs a finding opens that finding's details. */
function repairedView(text: string, repair: RepairResult, findings: readonly Finding[]): string {
  const byRange = new Map(findings.map((f, i) => [`${f.start}:${f.end}`, i]));
  return markRanges(text, repair.edits, (edit) => {
    const i = byRange.get(`${edit.start}:${edit.end}`);
    const interactive = i === undefined ? `title="was: ${escapeHtml(edit.text)}"` : `data-i="${i}" tabindex="0" role="button" aria-expanded="false"`;
    return `<ins ${interactive}>${escapeHtml(edit.replacement)}</ins>`;
  });
}

interface Substitution {
  spun: string;
  restoration: string;
  count: number;
  confidenceSum: number;
}

/** The most frequent spun → restoration pairs, compared case-insensitively. */
export function frequentSubstitutions(findings: readonly Finding[], limit = 15): Substitution[] {
  const groups = new Map<string, Substitution>();
  for (const f of findings) {
    const restoration = f.restorations[0]?.text ?? "";
    const key = `${f.text.toLowerCase()}\u0000${restoration.toLowerCase()}`;
    const group = groups.get(key) ?? { spun: f.text, restoration, count: 0, confidenceSum: 0 };
    group.count++;
    group.confidenceSum += f.confidence;
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.spun.localeCompare(b.spun)).slice(0, limit);
}

function summaryTable(findings: readonly Finding[]): string {
  const rows = frequentSubstitutions(findings).map((s) =>
    `<tr><td>${escapeHtml(s.spun)}</td><td>${escapeHtml(s.restoration)}</td><td class="n">${s.count}</td><td class="n">${percent(s.confidenceSum / s.count)}</td></tr>`);
  if (rows.length === 0) return `<p class="hint">No spun spans found.</p>`;
  return `<table><thead><tr><th scope="col">Spun</th><th scope="col">Original</th><th scope="col">Count</th><th scope="col">Conf.</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function header(title: string, detect: DetectResult, repair: RepairResult): string {
  const d = detect.document;
  return `<header>
<a class="skip" href="#summary">Skip to the summary</a>
<h1>${escapeHtml(title)}</h1>
<p class="stats" id="verdict"><span class="verdict ${d.verdict}">${d.verdict}</span>
<span>spin probability <b>${percent(d.spinProbability)}</b></span>
<span><b>${(100 * d.spunWordShare).toFixed(1)}%</b> of ${d.words.toLocaleString("en")} words spun</span>
<span><b>${detect.findings.length}</b> findings, <b>${repair.edits.length}</b> repairs</span></p>
<div class="bar">
<ul class="legend" aria-label="Confidence">
<li><span class="swatch c1"></span>below 70%</li><li><span class="swatch c2"></span>70–90%</li><li><span class="swatch c3"></span>90% and more</li>
</ul>
<div class="toggle" role="group" aria-label="Show">
<button type="button" data-view="spun" aria-pressed="true">Spun text</button><button type="button" data-view="repaired" aria-pressed="false">Repaired text</button>
</div>
</div>
</header>`;
}

/** Renders the report page. Pure: the same inputs give the same bytes. */
export function renderReport(text: string, detect: DetectResult, repair: RepairResult, options: ReportOptions): string {
  const findings = detect.findings;
  const csp = `default-src 'none'; style-src ${sha256(STYLE)}; script-src ${sha256(SCRIPT)}; img-src data:`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="generator" content="unspin">
<title>${escapeHtml(options.title)} — unspin report</title>
<style>${STYLE}</style>
</head>
<body>
${header(options.title, detect, repair)}
<div class="layout">
<main id="views">
<h2 class="skip">Document</h2>
<div id="view-spun" class="doc" aria-label="Spun text">${spunView(text, findings)}</div>
<div id="view-repaired" class="doc" aria-label="Repaired text" hidden>${repairedView(text, repair, findings)}</div>
</main>
<aside>
<section id="details" class="panel" aria-live="polite" aria-labelledby="details-title">
<h2 id="details-title">Details</h2>
<div id="details-body"><p class="hint">Click a highlighted phrase, or Tab to it and press Enter, to see its restorations.</p></div>
</section>
<section id="summary" class="panel" aria-labelledby="summary-title">
<h2 id="summary-title">Most frequent substitutions</h2>
${summaryTable(findings)}
</section>
</aside>
</div>
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="unspin-data">${scriptJson(findingData(findings))}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
