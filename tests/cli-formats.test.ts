/** `check --format text|json|sarif`, colour and NO_COLOR, and `unspin report`. */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough, Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { colorEnabled } from "../src/cli/color.js";
import { main, runCli } from "../src/cli/main.js";
import { artifactUri } from "../src/cli/sarif.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const DICT = ["--pack", "web-spinner", "--dict", MINI];
const SPUN = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious.\n" +
  "The avid gamers in this advanced panorama include each financial institution.\n";
const ESC = "\x1b[";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "unspin-formats-"));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A stdout double: collects what is written, and claims to be a terminal when asked to. */
function capture(isTTY: boolean): Writable & { isTTY: boolean; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return Object.assign(stream, { isTTY, text: () => chunks.join("") });
}

async function runMain(args: string[], isTTY: boolean): Promise<{ code: number; stdout: string }> {
  const stdout = capture(isTTY);
  const code = await main(args, { stdin: new PassThrough(), stdout, stderr: capture(false) });
  return { code, stdout: stdout.text() };
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string } }[] } };
    artifacts: { location: { uri: string }; properties: { verdict: string } }[];
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      message: { text: string };
      locations: { physicalLocation: { artifactLocation: { uri: string; index: number }; region: Record<string, number> } }[];
      fixes: { artifactChanges: { replacements: { deletedRegion: Record<string, number>; insertedContent: { text: string } }[] }[] }[];
    }[];
  }[];
}

describe("check --format sarif", () => {
  it("writes a SARIF 2.1.0 log: driver, rules, regions with line/column, and a fix per result", () => {
    const path = file("s.txt", SPUN);
    const out = runCli(["check", path, ...DICT, "--format", "sarif"]);
    expect(out.exitCode).toBe(1);
    const log = JSON.parse(out.stdout) as SarifLog;
    expect(log.version).toBe("2.1.0");
    expect(log).toHaveProperty("$schema");
    const run = log.runs[0]!;
    expect(run.tool.driver.name).toBe("unspin");
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.artifacts).toEqual([{ location: { uri: artifactUri(path) }, properties: expect.objectContaining({ verdict: "spun" }) }]);
    const json = JSON.parse(runCli(["check", path, ...DICT, "--json"]).stdout);
    expect(run.results).toHaveLength(json.findings.length);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect(result.level).toBe("warning");
      expect(result.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: artifactUri(path), index: 0 });
    }
    const gamers = run.results.find((r) => r.message.text.startsWith('"avid gamers"'))!;
    const region = gamers.locations[0]!.physicalLocation.region;
    expect(region).toMatchObject({ startLine: 2, startColumn: 5, endLine: 2, endColumn: 16 });
    const replacement = gamers.fixes[0]!.artifactChanges[0]!.replacements[0]!;
    expect(replacement.insertedContent.text).toBe("players");
    expect(replacement.deletedRegion).toMatchObject({ startLine: 2, startColumn: 5, endLine: 2, endColumn: 16 });
  });

  it("gives one log for many files, with an artifact per file", () => {
    const batch = join(dir, "many");
    mkdirSync(batch, { recursive: true });
    writeFileSync(join(batch, "a.txt"), SPUN);
    writeFileSync(join(batch, "b.txt"), "Nothing spun here.\n");
    const run = spawnSync(process.execPath, [CLI, "check", batch, ...DICT, "--format", "sarif", "--jobs", "1"], { encoding: "utf8" });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]!.artifacts.map((a) => a.properties.verdict)).toEqual(["spun", "clean"]);
    expect(log.runs[0]!.results.every((r) => r.locations[0]!.physicalLocation.artifactLocation.index === 0)).toBe(true);
  });

  it("makes relative paths URI references and absolute paths file: URLs", () => {
    expect(artifactUri("docs/a b#1.txt")).toBe("docs/a%20b%231.txt");
    expect(artifactUri("/tmp/x.txt")).toBe("file:///tmp/x.txt");
  });
});

describe("check --format text|json", () => {
  it("keeps --json as --format json", () => {
    const path = file("j.txt", SPUN);
    const json = runCli(["check", path, ...DICT, "--json"]);
    expect(runCli(["check", path, ...DICT, "--format", "json"])).toEqual(json);
    expect(JSON.parse(json.stdout).findings.length).toBeGreaterThan(5);
    expect(runCli(["check", path, ...DICT, "--format", "text"]).stdout).toMatch(/j\.txt:1:1 {2}Mavens → Experts/);
  });

  it.each([
    [["--format", "xml"], /--format must be text, json or sarif/],
    [["--json", "--format", "sarif"], /--json contradicts --format sarif/],
  ])("rejects %j with exit 2", (args, message) => {
    const out = runCli(["check", file("x.txt", SPUN), ...args]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
  });

  it("refuses --format json for many files", async () => {
    const batch = join(dir, "many-json");
    mkdirSync(batch, { recursive: true });
    writeFileSync(join(batch, "a.txt"), SPUN);
    writeFileSync(join(batch, "b.txt"), SPUN);
    const out = await runMain(["check", batch, "--format", "json"], false);
    expect(out.code).toBe(2);
  });
});

describe("colour", () => {
  it("colours text output on a terminal only", async () => {
    vi.stubEnv("NO_COLOR", undefined);
    vi.stubEnv("TERM", "xterm-256color");
    const path = file("c.txt", SPUN);
    const tty = await runMain(["check", path, ...DICT], true);
    expect(tty.code).toBe(1);
    expect(tty.stdout).toContain(ESC);
    expect(tty.stdout.replace(/\x1b\[\d+m/g, "")).toBe(runCli(["check", path, ...DICT]).stdout);
    expect((await runMain(["check", path, ...DICT], false)).stdout).not.toContain(ESC);
  });

  it("never colours when NO_COLOR is set, nor JSON or SARIF", async () => {
    const path = file("n.txt", SPUN);
    vi.stubEnv("NO_COLOR", "1");
    expect((await runMain(["check", path, ...DICT], true)).stdout).not.toContain(ESC);
    vi.stubEnv("NO_COLOR", undefined);
    for (const format of ["json", "sarif"]) expect((await runMain(["check", path, ...DICT, "--format", format], true)).stdout).not.toContain(ESC);
  });

  it("follows no-color.org: an empty NO_COLOR does not count; TERM=dumb turns colour off", () => {
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "0" })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { TERM: "dumb" })).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
  });

  it("is off through a pipe from the built binary", () => {
    const run = spawnSync(process.execPath, [CLI, "check", "-", ...DICT], { input: SPUN, encoding: "utf8", env: { ...process.env, NO_COLOR: "" } });
    expect(run.stdout).not.toContain(ESC);
  });
});

describe("unspin report", () => {
  it("writes one self-contained HTML file with -o and prints nothing", () => {
    const out = join(dir, "report.html");
    const result = runCli(["report", file("r.txt", SPUN), ...DICT, "-o", out]);
    expect(result).toMatchObject({ exitCode: 0, stdout: "", stderr: "" });
    const html = readFileSync(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>r.txt — unspin report</title>");
    expect(html.match(/<mark /g)!.length).toBe(JSON.parse(runCli(["check", join(dir, "r.txt"), ...DICT, "--json"]).stdout).findings.length);
  });

  it("prints the page without -o, and fails like the other commands on bad input", () => {
    expect(runCli(["report", file("r2.txt", SPUN), ...DICT]).stdout).toMatch(/<\/html>\n$/);
    expect(runCli(["report", "/nonexistent.txt", ...DICT])).toMatchObject({ exitCode: 2, stderr: "unspin: /nonexistent.txt: cannot read (no such file)\n" });
    expect(runCli(["report"]).stderr).toMatch(/report takes exactly one FILE/);
  });
});
