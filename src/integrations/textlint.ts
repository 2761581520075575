/**
 * textlint rule: reports spun phrases in prose and fixes them (`textlint --fix`) to the most likely
 * original. Code, inline code, link targets and addresses are never touched.
 *
 *   // .textlintrc.json
 *   { "rules": { "unspin/textlint": { "minConfidence": 0.6, "dictionaries": ["./extra.dict"] } } }
 */
import { isAbsolute, resolve } from "node:path";
import type { TxtNode, TxtParentNode } from "@textlint/ast-node-types";
import type { TextlintFixableRuleModule, TextlintRuleReporter } from "@textlint/types";
import { describeFinding } from "../describe.js";
import { findingsInProse, sharedUnspinner, type IntegrationOptions, type Range } from "./prose.js";

export type { IntegrationOptions as UnspinTextlintOptions } from "./prose.js";

/** Source ranges of the plain-text (`Str`) nodes: textlint's parsers leave code and markup out of them. */
function strRanges(node: TxtNode, out: Range[] = []): Range[] {
  if (node.type === "Str") out.push(node.range);
  for (const child of (node as TxtParentNode).children ?? []) strRanges(child, out);
  return out;
}

/** Relative dictionary paths in a config file mean relative to that file's folder. */
function resolvedOptions(options: IntegrationOptions, baseDir: string | undefined): IntegrationOptions {
  if (!options.dictionaries || baseDir === undefined) return options;
  return { ...options, dictionaries: options.dictionaries.map((d) => (isAbsolute(d) ? d : resolve(baseDir, d))) };
}

const reporter: TextlintRuleReporter<IntegrationOptions> = (context, rawOptions) => {
  // textlint passes `true` for a rule enabled without options.
  const options = resolvedOptions(typeof rawOptions === "object" && rawOptions !== null ? rawOptions : {}, context.getConfigBaseDir());
  const unspinner = sharedUnspinner(options);
  const { Syntax, RuleError, report, fixer, locator } = context;
  return {
    [Syntax.Document](node: TxtParentNode) {
      const base = node.range[0];
      for (const finding of findingsInProse(unspinner, context.getSource(), strRanges(node), options.minConfidence)) {
        const range: Range = [finding.start - base, finding.end - base];
        const fix = fixer.replaceTextRange(range, finding.restorations[0]!.text);
        report(node, new RuleError(describeFinding(finding), { padding: locator.range(range), fix }));
      }
    },
  };
};

const rule: TextlintFixableRuleModule<IntegrationOptions> = { linter: reporter, fixer: reporter };
export default rule;
