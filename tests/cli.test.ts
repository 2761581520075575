import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/main.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const DICT = ["--pack", "web-spinner", "--dict", MINI];
const SPUN = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious.\n" +
  "The avid gamers in this advanced panorama include each financial institution.\n";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "unspin-cli-"));
});

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe("unspin check", () => {
  it("prints line:col, spun → restoration (confidence) and the verdict, exit 1", () => {
    const out = runCli(["check", file("a.txt", SPUN), ...DICT]);
    expect(out.exitCode).toBe(1);
    expect(out.stdout).toMatch(/a\.txt:1:1 {2}Mavens → Experts \((0\.\d\d|1\.00)\)/);
    expect(out.stdout).toMatch(/a\.txt:2:5 {2}avid gamers → players/);
    expect(out.stdout).toMatch(/spun \(spin probability/);
  });

  it("--unsure-from lists below-threshold spans marked unsure, which do not set the exit code", () => {
    const path = file("unsure.txt", "The balance of power is shifting in the region.\n");
    const out = runCli(["check", path, ...DICT, "--unsure-from", "0.0001"]);
    expect(out.stdout).toMatch(/balance → stability \(unsure 0\.\d\d\)/);
    expect(out.stdout).toMatch(/in 0 findings\)/);
    expect(out.exitCode).toBe(0);
    expect(runCli(["check", path, "--unsure-from", "2"]).stderr).toMatch(/--unsure-from must be a number from 0 to 1/);
  });

  it("--no-language-model leaves out the fit readings, in one file and in a batch", () => {
    const habits = file("habits.dict", "counterfeit consciousness => artificial intelligence ; legit=0.001\nprofound learning => deep learning ; legit=0.001\nprofessional gamers => professional players ; legit=0.05\n");
    const text = file("fit.txt", "Counterfeit consciousness and profound learning are changing sport. The gamers are ready for the new season.\n");
    const args = ["check", text, "--pack", "tortured-science", "--dict", habits, "--unsure-from", "0.05", "--json"];
    const kinds = (stdout: string) => (JSON.parse(stdout) as { findings: { source: { kind: string } }[] }).findings.map((f) => f.source.kind);
    expect(kinds(runCli(args).stdout)).toContain("fit");
    expect(kinds(runCli([...args, "--no-language-model"]).stdout)).not.toContain("fit");
    const jsonl = file("fit.jsonl", JSON.stringify({ id: 1, text: readFileSync(text, "utf8") }) + "\n");
    // Two workers share the model's bytes; below the default threshold so that the reading shows.
    const batch = (...extra: string[]) => spawnSync("node", [CLI, "check", "--jsonl", jsonl, "--pack", "tortured-science", "--dict", habits, "--jobs", "2", "--min-confidence", "0.3", ...extra], { encoding: "utf8" });
    expect(batch().stdout).toContain('"kind":"fit"');
    expect(batch("--no-language-model").stdout).not.toContain('"kind":"fit"');
  });

  it("exits 0 when nothing is found, and prints JSON with --json", () => {
    const out = runCli(["check", file("clean.txt", "A plain sentence about nothing in particular.\n"), ...DICT, "--json"]);
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ findings: [], document: { verdict: "clean" } });
  });

  it.each([
    [["check"], /exactly one FILE/],
    [["check", "/nonexistent/file.txt"], /file\.txt: cannot read \(no such file\)/],
    [["frobnicate"], /unknown command "frobnicate"/],
    [["check", "x", "--bogus"], /bogus/],
    [["check", "x", "--min-confidence", "7"], /--min-confidence must be a number from 0 to 1/],
    [["eval"], /at least one corpus folder/],
  ])("usage and input errors exit 2 with one line on stderr: %j", (args, message) => {
    const out = runCli(args as string[]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(message);
    expect(out.stderr.trim().split("\n")).toHaveLength(1);
    expect(out.stdout).toBe("");
  });

  it("refuses a directory, binary input, invalid UTF-8 and UTF-16 with exit 2", () => {
    expect(runCli(["check", dir]).stderr).toMatch(/is a directory/);
    expect(runCli(["check", file("bin.dat", new Uint8Array([65, 0, 66]))]).stderr).toMatch(/binary file \(NUL byte at offset 1\)/);
    expect(runCli(["check", file("bad.txt", new Uint8Array([65, 66, 0xc3, 0x28]))]).stderr).toMatch(/not valid UTF-8 \(byte offset 2\)/);
    expect(runCli(["check", file("u16.txt", new Uint8Array([0xff, 0xfe, 65, 0]))]).stderr).toMatch(/UTF-16 text is not supported/);
  });
});

describe("unspin repair", () => {
  it("prints the repaired text", () => {
    const out = runCli(["repair", file("r.txt", SPUN), ...DICT]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toContain("Experts suggest that the challenges facing the National Army remain serious.");
  });

  it("empty input gives empty output and exit 0", () => {
    expect(runCli(["repair", file("empty.txt", "")])).toMatchObject({ stdout: "", exitCode: 0 });
  });

  it("keeps a UTF-8 byte-order mark", () => {
    const out = runCli(["repair", file("bom.txt", "\uFEFF" + SPUN), ...DICT]);
    expect(out.stdout.startsWith("\uFEFFExperts")).toBe(true);
  });

  it("-o writes a file; --in-place rewrites atomically and keeps the mode", () => {
    const input = file("in.txt", SPUN);
    const output = join(dir, "out.txt");
    expect(runCli(["repair", input, "-o", output, ...DICT]).exitCode).toBe(0);
    expect(readFileSync(output, "utf8")).toContain("Experts suggest");
    expect(readFileSync(input, "utf8")).toBe(SPUN);
    chmodSync(input, 0o640);
    expect(runCli(["repair", input, "--in-place", ...DICT]).exitCode).toBe(0);
    expect(readFileSync(input, "utf8")).toBe(readFileSync(output, "utf8"));
    expect(statSync(input).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).filter((n) => n.includes(".tmp"))).toEqual([]);
  });

  it("--backup keeps the original beside the rewritten file", () => {
    const input = file("backed.txt", SPUN);
    expect(runCli(["repair", input, "--in-place", "--backup", ".orig", ...DICT]).exitCode).toBe(0);
    expect(readFileSync(input + ".orig", "utf8")).toBe(SPUN);
    expect(readFileSync(input, "utf8")).toContain("Experts suggest");
    expect(runCli(["repair", input, "--backup", ".orig"]).stderr).toMatch(/--backup goes with --in-place/);
  });

  it("leaves the original untouched when the backup cannot be written", () => {
    const input = file("nobackup.txt", SPUN);
    const out = runCli(["repair", input, "--in-place", "--backup", "/missing-dir/x", ...DICT]);
    expect(out.exitCode).toBe(2);
    expect(out.stderr).toMatch(/cannot write backup/);
    expect(readFileSync(input, "utf8")).toBe(SPUN);
  });

  it("writes nothing when the input is bad", () => {
    const output = join(dir, "never.txt");
    const out = runCli(["repair", file("bad2.txt", new Uint8Array([0xff, 0x41])), "-o", output]);
    expect(out.exitCode).toBe(2);
    expect(() => statSync(output)).toThrow();
  });
});

describe("the built CLI binary", () => {
  it("reads standard input with '-' and sets the exit code", () => {
    const run = spawnSync(process.execPath, [CLI, "check", "-", ...DICT], { input: SPUN, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/<stdin>:1:1 {2}Mavens → Experts/);
    const repaired = spawnSync(process.execPath, [CLI, "repair", "-", ...DICT], { input: SPUN, encoding: "utf8" });
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toContain("Experts suggest");
  });

  it("reads a large piped standard input whole (no EAGAIN from a non-blocking pipe)", () => {
    const big = file("big.txt", SPUN.repeat(20000));
    const run = spawnSync("bash", ["-c", `cat "${big}" | "${process.execPath}" "${CLI}" check --json - ${DICT.join(" ")} | head -c 20`], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^\{\s+"findings"/);
  });

  it("exits 2 with a message on a missing file", () => {
    const run = spawnSync(process.execPath, [CLI, "repair", "/nonexistent.txt"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("unspin: /nonexistent.txt: cannot read (no such file)\n");
  });
});

describe("unspin eval", () => {
  it("scores annotated and clean documents and prints totals", () => {
    const corpus = join(dir, "corpus");
    const clean = join(corpus, "clean");
    spawnSync("mkdir", ["-p", clean]);
    writeFileSync(join(corpus, "doc.ann"), "{Mavens|Experts} {counsel|suggest} that the {demanding situations|challenges} facing the {Nationwide|National} {Military|Army} {stay|remain} serious.\n");
    writeFileSync(join(corpus, "doc.txt"), "Mavens counsel that the demanding situations facing the Nationwide Military stay serious.\n");
    writeFileSync(join(clean, "plain.txt"), "A plain sentence about nothing in particular.\n");
    const out = runCli(["eval", corpus, ...DICT]);
    expect(out.exitCode).toBe(0);
    expect(out.stdout).toMatch(/TOTAL spun \(1 docs\)\s+12\s+6\s+100\.0%\s+100\.0%\s+100\.0%\s+0\.00/);
    expect(out.stdout).toMatch(/TOTAL clean \(1 docs\)\s+7\s+–\s+–\s+–\s+0\.00/);
    const json = JSON.parse(runCli(["eval", corpus, ...DICT, "--json"]).stdout);
    expect(json.spun.rates.restorationAccuracy).toBe(1);
  });

  it("rejects an .ann whose text differs from its .txt", () => {
    const corpus = join(dir, "bad-corpus");
    spawnSync("mkdir", ["-p", corpus]);
    writeFileSync(join(corpus, "x.ann"), "one {two|2} three");
    writeFileSync(join(corpus, "x.txt"), "one two four");
    expect(runCli(["eval", corpus]).stderr).toMatch(/x\.ann: without its marks it differs from x\.txt at character 8/);
  });
});

describe("batches", () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: "utf8" });

  it("streams JSONL in input order over worker threads, with an error record for a bad line", () => {
    const records = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: i, text: i % 2 ? SPUN : `plain text number ${i}` }));
    records.splice(7, 0, "{broken");
    const result = run(["repair", "--jsonl", "-", "--jobs", "2", ...DICT], records.join("\n") + "\n");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(41);
    expect(lines[7]).toMatchObject({ id: null, line: 8, error: { code: "USAGE" } });
    const ids = lines.filter((l) => !l.error).map((l) => l.id);
    expect(ids).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(lines[1].text).toContain("Experts suggest");
    expect(lines[0].text).toBe("plain text number 0");
  });

  it("gives the same results with --jobs 1 and --jobs 2", () => {
    const input = Array.from({ length: 12 }, (_, i) => JSON.stringify({ id: i, text: SPUN.repeat((i % 3) + 1) })).join("\n");
    const one = run(["check", "--jsonl", "--jobs", "1", ...DICT], input).stdout;
    const two = run(["check", "--jsonl", "--jobs", "2", ...DICT], input).stdout;
    expect(two).toBe(one);
  });

  it("sends short records to the workers in groups and still writes one line each, in input order", () => {
    // 600 short records fill several groups of 64, which the two workers share.
    const texts = (i: number) => (i % 5 === 0 ? SPUN : `plain text number ${i}`);
    const input = Array.from({ length: 600 }, (_, i) => JSON.stringify({ id: i, text: texts(i) })).join("\n") + "\n";
    const one = run(["repair", "--jsonl", "-", "--jobs", "1", ...DICT], input).stdout;
    const two = run(["repair", "--jsonl", "-", "--jobs", "2", ...DICT], input).stdout;
    const lines = two.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 600 }, (_, i) => i));
    expect(lines[5].text).toContain("Experts suggest");
    expect(two).toBe(one);
  });

  it("checks every text file under a folder and repairs many files into --out-dir", () => {
    const batch = join(dir, "batch");
    spawnSync("mkdir", ["-p", join(batch, "sub")]);
    writeFileSync(join(batch, "one.txt"), SPUN);
    writeFileSync(join(batch, "sub", "two.md"), "Nothing spun here at all.\n");
    writeFileSync(join(batch, "skip.bin"), "ignored: not a text file");
    const check = run(["check", batch, "--jobs", "2", ...DICT]);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/one\.txt:1:1 {2}Mavens → Experts/);
    expect(check.stdout).toMatch(/two\.md: clean/);
    expect(check.stdout).not.toMatch(/skip\.bin/);
    const out = join(dir, "repaired");
    const repair = spawnSync(process.execPath, [CLI, "repair", "one.txt", "sub/two.md", "--out-dir", out, ...DICT], { cwd: batch, encoding: "utf8" });
    expect(repair.status).toBe(0);
    expect(readFileSync(join(out, "one.txt"), "utf8")).toContain("Experts suggest");
    expect(readFileSync(join(out, "sub", "two.md"), "utf8")).toBe("Nothing spun here at all.\n");
  });

  it("expands quoted globs and asks for a destination when repairing many files", () => {
    const batch = join(dir, "batch");
    const check = run(["check", `${batch}/**/*.md`, ...DICT]);
    expect(check.stdout).toMatch(/two\.md: clean/);
    expect(check.stdout).not.toMatch(/one\.txt/);
    expect(run(["repair", batch]).stderr).toMatch(/needs --in-place or --out-dir/);
  });
});

describe("eval extras", () => {
  it("--calibration prints a reliability table and --without-dictionary-entries-from ablates the marked entries", () => {
    const corpus = join(dir, "cal-corpus");
    spawnSync("mkdir", ["-p", corpus]);
    writeFileSync(join(corpus, "doc.ann"), "{Mavens|Experts} {counsel|suggest} that the {demanding situations|challenges} facing the {Nationwide|National} {Military|Army} {stay|remain} serious.\n");
    writeFileSync(join(corpus, "doc.txt"), "Mavens counsel that the demanding situations facing the Nationwide Military stay serious.\n");
    const calibrated = runCli(["eval", corpus, ...DICT, "--calibration"]);
    expect(calibrated.stdout).toMatch(/confidence\s+findings\s+mean conf\.\s+accuracy/);
    expect(calibrated.stdout).toMatch(/expected calibration error 0\.\d{3} over 6 findings/);
    const full = runCli(["eval", corpus, ...DICT]);
    expect(full.stdout).toMatch(/TOTAL spun \(1 docs\)\s+12\s+6\s+100\.0%/);
    // Entries whose spun form is a marked span are gone (a multiword entry spanning two marks is not);
    // without the language model, since a fit reading may restore a word its habits know (`Mavens`).
    const ablated = runCli(["eval", corpus, ...DICT, "--details", "--no-language-model", "--without-dictionary-entries-from", corpus]);
    for (const spun of ["Mavens", "counsel", "demanding situations", "stay"]) expect(ablated.stdout).toContain(`missed  ${spun} →`);
  });
});
