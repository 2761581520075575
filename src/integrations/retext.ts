/**
 * retext plugin: a vfile message per spun phrase, with `actual` (the spun text) and `expected` (the
 * restorations, best first). Works on plain text (`retext`) and, through `remark-retext`, on Markdown,
 * where code, inline code, link targets and addresses are left alone.
 *
 *   unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextUnspin, { minConfidence: 0.6 }))
 */
import type { Nodes, Root } from "nlcst";
import type { Plugin } from "unified";
import { lineAndColumn } from "../cli/format.js";
import { describeFinding, ruleIdOf } from "../describe.js";
import { findingsInProse, sharedUnspinner, type IntegrationOptions, type Range } from "./prose.js";

export type { IntegrationOptions as RetextUnspinOptions } from "./prose.js";

// Source nodes hold code (inline code in Markdown); only these leaves are prose.
const PROSE_LEAVES = new Set(["TextNode", "PunctuationNode", "SymbolNode", "WhiteSpaceNode"]);

/**
 * Source ranges of the prose leaves. A leaf counts only when its value is exactly what the source has at
 * its position: remark-retext decodes entities and invents paragraph breaks, and text it rewrote is not
 * the text a fix would replace.
 */
function proseRanges(node: Nodes, source: string, out: Range[] = []): Range[] {
  if ("children" in node) {
    for (const child of node.children) proseRanges(child, source, out);
  } else if (PROSE_LEAVES.has(node.type)) {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start !== undefined && end !== undefined && source.slice(start, end) === node.value) out.push([start, end]);
  }
  return out;
}

function point(source: string, offset: number): { line: number; column: number; offset: number } {
  return { ...lineAndColumn(source, offset), offset };
}

const retextUnspin: Plugin<[IntegrationOptions?], Root> = function (options = {}) {
  const unspinner = sharedUnspinner(options);
  return (tree, file) => {
    const source = String(file.value);
    for (const finding of findingsInProse(unspinner, source, proseRanges(tree, source), options.minConfidence)) {
      const message = file.message(describeFinding(finding), {
        place: { start: point(source, finding.start), end: point(source, finding.end) },
        ruleId: ruleIdOf(finding),
        source: "unspin",
      });
      message.actual = finding.text;
      message.expected = finding.restorations.map((r) => r.text);
    }
  };
};

export default retextUnspin;
