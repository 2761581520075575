import type { Finding } from "./unspinner.js";

/**
 * How findings are named and worded outside the library: rule ids and one-line messages, shared by the
 * SARIF output and the textlint and retext integrations so that every tool says the same thing.
 */

/** Rule id for dictionary matches; built-in rules use their own name. */
export const SPUN_PHRASE_RULE = "spun-phrase";

/** Rule id for known terms reassembled from the spinner's word habits. */
export const COMPOSED_TERM_RULE = "composed-term";

/** Rule id for single words read back through a habit because the original fits the context better. */
export const CONTEXT_FIT_RULE = "context-fit";

/** Stable id of the rule that produced a finding. */
export function ruleIdOf(finding: Finding): string {
  const source = finding.source;
  if (source.kind === "rule") return source.rule;
  return source.kind === "composed" ? COMPOSED_TERM_RULE : source.kind === "fit" ? CONTEXT_FIT_RULE : SPUN_PHRASE_RULE;
}

/** What a rule id means, for tools that list rules (SARIF). */
export function ruleDescription(ruleId: string): string {
  if (ruleId === SPUN_PHRASE_RULE) return "A phrase that synonym spinners produce in place of a common original wording.";
  if (ruleId === COMPOSED_TERM_RULE) return "A known term rewritten word by word with substitutions that synonym spinners make.";
  if (ruleId === CONTEXT_FIT_RULE) return "A word that synonym spinners write for another, in a spun passage where the other fits the context much better.";
  return `Spinner output recognised by the built-in rule "${ruleId}".`;
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
