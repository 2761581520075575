/** The report renderer as a pure function: escaping, self-containment, and what the page shows. */
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { escapeHtml, frequentSubstitutions, renderReport } from "../src/report/html.js";
import { createUnspinner, type DetectResult, type Finding, type RepairResult } from "../src/unspinner.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const unspinner = createUnspinner({ packs: [], dictionaries: [MINI] });
const SPUN = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious. " +
  "The avid gamers in this advanced panorama include each financial institution.";

function finding(start: number, text: string, restorations: string[], confidence = 0.95): Finding {
  return {
    start, end: start + text.length, text, confidence,
    restorations: restorations.map((r, i) => ({ text: r, confidence: confidence - i * 0.1 })),
    source: { kind: "dictionary", pack: "p<x>", source: "s", file: "/home/someone/private/dicts/evil\"name.dict", line: 3, spun: text },
  };
}

/** A hand-made result whose every string tries to break out of its context. */
function hostile() {
  const text = `<b>bold</b> & "quoted" 'single' </script><script>alert(1)</script> end`;
  const f = finding(0, "<b>bold</b>", ["</script><script>alert(2)</script>", "\" onmouseover=\"alert(3)", "\u2028line"]);
  const document = { words: 9, spunWordShare: 0.1, spinRate: 0.1, spinEvidence: 4, spinProbability: 0.9, verdict: "spun" as const };
  const detect: DetectResult = { findings: [f], document };
  const repair: RepairResult = { text: "", edits: [{ start: 0, end: f.end, text: f.text, replacement: f.restorations[0]!.text, confidence: 0.95 }], document };
  return { text, detect, repair };
}

describe("renderReport", () => {
  it("escapes text, restorations, title and script data", () => {
    const { text, detect, repair } = hostile();
    const html = renderReport(text, detect, repair, { title: `</title><script>alert(4)</script>` });
    const scripts = html.match(/<script[\s>]/g)!;
    expect(scripts).toHaveLength(2); // the JSON data and the page's own script, nothing injected
    expect(html).not.toMatch(/<script>alert|<b>bold|onmouseover="alert/);
    expect(html).toContain(">&lt;b&gt;bold&lt;/b&gt;</mark> &amp; &quot;quoted&quot; &#39;single&#39; &lt;/script&gt;&lt;script&gt;alert(1)");
    const data = html.match(/<script type="application\/json" id="unspin-data">(.*?)<\/script>/s)![1]!;
    expect(data).not.toMatch(/<|\u2028/);
    expect(JSON.parse(data)[0].r.map((r: [string, number]) => r[0])).toEqual(detect.findings[0]!.restorations.map((r) => r.text));
  });

  it("is self-contained: no external resource, and the policy allows only its own style and script", () => {
    const html = renderReport(SPUN, unspinner.detect(SPUN), unspinner.repair(SPUN), { title: "t" });
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?[^"'#\s>]/i);
    expect(html).not.toMatch(/@import|url\(/);
    const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)![1]!;
    expect(csp).toMatch(/^default-src 'none'; /);
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]!;
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]!;
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(csp).toContain(`style-src ${hash(style)}`);
    expect(csp).toContain(`script-src ${hash(script)}`);
    expect(html).not.toMatch(/ style="/);
  });

  it("marks every finding with its band and best restoration, and the repaired text's replacements", () => {
    const detect = unspinner.detect(SPUN);
    const repair = unspinner.repair(SPUN);
    const html = renderReport(SPUN, detect, repair, { title: "t" });
    const marks = [...html.matchAll(/<mark class="c([123])" data-i="(\d+)" data-r="([^"]*)"[^>]*>([^<]*)<\/mark>/g)];
    expect(marks.map((m) => m[4])).toEqual(detect.findings.map((f) => f.text));
    expect(marks.map((m) => m[3])).toEqual(detect.findings.map((f) => f.restorations[0]!.text));
    expect([...html.matchAll(/<ins [^>]*>([^<]*)<\/ins>/g)].map((m) => m[1])).toEqual(repair.edits.map((e) => e.replacement));
    expect(html).toContain(`<span class="verdict spun">spun</span>`);
  });

  it("names only the dictionary file, never its folder", () => {
    const { text, detect, repair } = hostile();
    const html = renderReport(text, detect, repair, { title: "t" });
    expect(html).not.toContain("/home/someone");
    expect(html).toContain("evil\\\"name.dict:3");
  });

  it("renders an empty document", () => {
    const html = renderReport("", unspinner.detect(""), unspinner.repair(""), { title: "empty" });
    expect(html).toContain("No spun spans found.");
    expect(html).not.toContain("<mark");
  });
});

describe("frequentSubstitutions", () => {
  it("counts spun → restoration pairs case-insensitively, most frequent first", () => {
    const findings = [finding(0, "Mavens", ["Experts"]), finding(10, "mavens", ["experts"], 0.75), finding(20, "counsel", ["suggest"])];
    expect(frequentSubstitutions(findings)).toEqual([
      { spun: "Mavens", restoration: "Experts", count: 2, confidenceSum: 1.7 },
      { spun: "counsel", restoration: "suggest", count: 1, confidenceSum: 0.95 },
    ]);
    expect(frequentSubstitutions(findings, 1)).toHaveLength(1);
  });

  it("escapeHtml covers the five special characters", () => {
    expect(escapeHtml(`<&>"'`)).toBe("&lt;&amp;&gt;&quot;&#39;");
  });
});
