import type { Finding } from "./unspinner.js";

/**
 * How findings are named and worded outside the library: rule ids and one-line messages, shared by the
 * SARIF output and the textlint and retext integrations so that every tool says the same thing.
 */

/** Rule id for dictionary matches; built-in rules use their own name. */
export const SPUN_PHRASE_RULE = "spun-phrase";

/** Stable id of the rule that produced a finding. */
export function ruleIdOf(finding: Finding): string {
  return finding.source.kind === "rule" ? finding.source.rule : SPUN_PHRASE_RULE;
}

/** What a rule id means, for tools that list rules (SARIF). */
export function ruleDescription(ruleId: string): string {
  return ruleId === SPUN_PHRASE_RULE
    ? "A phrase that synonym spinners produce in place of a common original wording."
    : `Spinner output recognised by the built-in rule "${ruleId}".`;
}

function quoted(text: string): string {
  return `"${text.replace(/\s+/g, " ")}"`;
}

/** `"Mavens" looks spun (confidence 0.98); original: "Experts" (also "Pundits")`. */
export function describeFinding(finding: Finding): string {
  const [best, ...others] = finding.restorations;
  const also = others.length > 0 ? ` (also ${others.map((r) => quoted(r.text)).join(", ")})` : "";
  const original = best ? `; original: ${quoted(best.text)}${also}` : "";
  return `${quoted(finding.text)} looks spun (confidence ${finding.confidence.toFixed(2)})${original}`;
}
