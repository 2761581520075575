/** The textlint rule and the retext plugin, run by the real textlint kernel and unified/remark/retext. */
import { fileURLToPath } from "node:url";
import { TextlintKernel } from "@textlint/kernel";
import markdownModule from "@textlint/textlint-plugin-markdown";
import type { TextlintPluginCreator } from "@textlint/types";
import remarkParse from "remark-parse";
import remarkRetext from "remark-retext";
import retextEnglish from "retext-english";
import { unified, type Processor } from "unified";
import { VFile } from "vfile";
import { describe, expect, it } from "vitest";
import { sharedUnspinner } from "../src/integrations/prose.js";
import retextUnspin from "../src/integrations/retext.js";
import textlintRule from "../src/integrations/textlint.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const OPTIONS = { packs: [], dictionaries: [MINI] };
// A CommonJS module compiled from ESM: depending on the loader's interop, the plugin object is the
// default import itself or its `default`.
const markdownPlugin = ((markdownModule as { default?: unknown }).default ?? markdownModule) as TextlintPluginCreator;

const CODE_BLOCK = "```text\nMavens counsel that the demanding situations facing the Nationwide Military stay serious.\n```";
const INLINE_CODE = "`avid gamers`";
const URL_TEXT = "https://example.com/mavens/counsel/avid-gamers";
const BARE_URL = "example.com/avid-gamers/mavens";
const LINK_TARGET = "(https://example.com/advanced-panorama)";
const MARKDOWN = [
  "# Mavens counsel on the demanding situations",
  "",
  "Mavens counsel that the demanding situations facing the Nationwide Military stay serious. The avid gamers in " +
    "this advanced panorama include each financial institution, and members of the family between the two capitals remain tense.",
  "",
  `Write ${INLINE_CODE} in code, see ${URL_TEXT}, ${BARE_URL} or [the panorama]${LINK_TARGET}.`,
  "",
  CODE_BLOCK,
  "",
  "Officials will meet again in a space near the border this 12 months.",
  "",
].join("\n");

/** Ranges of the source that no message may touch. */
const PROTECTED = [CODE_BLOCK, INLINE_CODE, URL_TEXT, BARE_URL, LINK_TARGET].map((part) => {
  const start = MARKDOWN.indexOf(part);
  return [start, start + part.length] as const;
});

function touchesProtected(start: number, end: number): boolean {
  return PROTECTED.some(([from, to]) => start < to && end > from);
}

describe("textlint rule (unspin/textlint)", () => {
  const kernel = new TextlintKernel();
  const lintOptions = (options: object = OPTIONS) => ({
    ext: ".md",
    plugins: [{ pluginId: "markdown", plugin: markdownPlugin }],
    rules: [{ ruleId: "unspin", rule: textlintRule, options }],
  });

  it("reports spun phrases in prose with exact ranges, never in code or addresses", async () => {
    const result = await kernel.lintText(MARKDOWN, lintOptions());
    const messages = result.messages;
    expect(messages.length).toBeGreaterThanOrEqual(12);
    for (const m of messages) {
      expect(m.ruleId).toBe("unspin");
      expect(touchesProtected(m.range[0], m.range[1])).toBe(false);
      expect(m.message).toContain(`"${MARKDOWN.slice(m.range[0], m.range[1])}" looks spun`);
      expect(m.fix).toBeDefined();
    }
    const mavens = messages.filter((m) => MARKDOWN.slice(m.range[0], m.range[1]) === "Mavens");
    expect(mavens.map((m) => m.loc.start)).toEqual([{ line: 1, column: 3 }, { line: 3, column: 1 }]);
    expect(messages.find((m) => MARKDOWN.slice(m.range[0], m.range[1]) === "a space")!.message).toMatch(/original: "an area" \(also "a region"\)/);
  });

  it("fixes prose to the best restoration and leaves code, inline code, link targets and URLs byte for byte", async () => {
    const { output } = await kernel.fixText(MARKDOWN, lintOptions());
    expect(output).toContain("Experts suggest that the challenges facing the National Army remain serious.");
    expect(output).toContain("[the landscape]" + LINK_TARGET);
    expect(output).toContain("Officials will meet again in an area near the border this year.");
    for (const part of [CODE_BLOCK, INLINE_CODE, URL_TEXT, BARE_URL]) expect(output).toContain(part);
    expect((await kernel.lintText(output, lintOptions())).messages).toEqual([]);
  });

  it("honours minConfidence", async () => {
    const all = (await kernel.lintText(MARKDOWN, lintOptions())).messages.length;
    const strict = (await kernel.lintText(MARKDOWN, lintOptions({ ...OPTIONS, minConfidence: 0.99 }))).messages.length;
    expect(strict).toBeLessThan(all);
    expect(strict).toBeGreaterThan(0);
  });
});

describe("both integrations", () => {
  it("load the dictionaries once per dictionary configuration, whatever the threshold", () => {
    expect(sharedUnspinner({ ...OPTIONS, minConfidence: 0.9 })).toBe(sharedUnspinner({ packs: [], dictionaries: [MINI] }));
    expect(sharedUnspinner({ packs: [], dictionaries: [] })).not.toBe(sharedUnspinner(OPTIONS));
  });
});

describe("retext plugin (unspin/retext)", () => {
  const markdownProcessor = (options: object = OPTIONS) =>
    unified().use(remarkParse).use(remarkRetext, unified().use(retextEnglish).use(retextUnspin, options) as never);
  /** Parses and runs the plugins (there is no compiler: a linter only adds messages to the file). */
  const check = async (processor: Processor<any, any, any, any, any>, text: string) => {
    const file = new VFile(text);
    await processor.run(processor.parse(file), file);
    return file;
  };

  it("emits vfile messages with source, ruleId, actual, expected and position, none in code or addresses", async () => {
    const file = await check(markdownProcessor(), MARKDOWN);
    expect(file.messages.length).toBeGreaterThanOrEqual(12);
    for (const m of file.messages) {
      expect(m.source).toBe("unspin");
      expect(m.ruleId).toBe("spun-phrase");
      expect(m.fatal).toBe(false);
      const start = m.place && "start" in m.place ? m.place.start : undefined;
      const end = m.place && "end" in m.place ? m.place.end : undefined;
      expect(MARKDOWN.slice(start!.offset, end!.offset)).toBe(m.actual);
      expect(touchesProtected(start!.offset!, end!.offset!)).toBe(false);
      expect(m.expected!.length).toBeGreaterThan(0);
    }
    const space = file.messages.find((m) => m.actual === "a space")!;
    expect(space.expected).toEqual(["an area", "a region"]);
    expect(space.place).toMatchObject({ start: { line: 11, column: 30, offset: MARKDOWN.indexOf("a space") }, end: { line: 11, column: 37 } });
    expect(file.messages.map((m) => m.actual)).toContain("panorama");
  });

  it("works on plain text with retext alone and honours minConfidence", async () => {
    const text = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious.";
    const plain = await check(unified().use(retextEnglish).use(retextUnspin, OPTIONS), text);
    expect(plain.messages.map((m) => [m.actual, m.expected?.[0]])).toContainEqual(["Mavens", "Experts"]);
    const strict = await check(unified().use(retextEnglish).use(retextUnspin, { ...OPTIONS, minConfidence: 1 }), text);
    expect(strict.messages).toEqual([]);
  });
});
