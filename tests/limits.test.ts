import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { loadBundledPacks } from "../src/dictionary/load.js";
import { createUnspinner } from "../src/unspinner.js";

const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const CLEAN_DIR = fileURLToPath(new URL("../corpus/clean/", import.meta.url));
const cleanProse = readdirSync(CLEAN_DIR).map((f) => readFileSync(join(CLEAN_DIR, f), "utf8")).join(" ").replace(/\s+/g, " ");

describe("large and hostile inputs", () => {
  it("repairs a 20 MB single-line file within a bounded heap", () => {
    const dir = mkdtempSync(join(tmpdir(), "unspin-big-"));
    const file = join(dir, "big.txt");
    let text = "";
    while (text.length < 20e6) text += cleanProse + " ";
    writeFileSync(file, text);
    // A 400 MB heap cap: the run fails outright if memory grows with anything but the input.
    const run = spawnSync(process.execPath, ["--max-old-space-size=400", CLI, "repair", file, "-o", join(dir, "out.txt")], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, "out.txt"), "utf8")).toBe(text); // clean prose stays untouched
  }, 120_000);

  it("handles a 1 MB pathological input against the bundled dictionaries in linear time", () => {
    const unspinner = createUnspinner();
    // The longest spun phrase, minus its last word, repeated: every position starts a deep trie walk.
    const longest = loadBundledPacks().reduce((a, b) => (b.spun.split(" ").length > a.spun.split(" ").length ? b : a));
    const prefix = longest.spun.split(" ").slice(0, -1).join(" ");
    const time = (size: number) => {
      const text = `${prefix} `.repeat(Math.ceil(size / (prefix.length + 1)));
      const start = performance.now();
      unspinner.repair(text);
      return performance.now() - start;
    };
    time(50_000); // warm up
    const small = time(100_000);
    const large = time(1_000_000);
    expect(large).toBeLessThan(8_000);
    expect(large / small).toBeLessThan(25); // 10× the input: linear, with room for noise
  }, 60_000);
});

describe("permission errors", () => {
  it("says 'permission denied' and exits 2", async () => {
    vi.resetModules();
    vi.doMock("node:fs", async (original) => {
      const fs = await original<typeof import("node:fs")>();
      return {
        ...fs,
        readFileSync: (path: unknown, ...rest: unknown[]) => {
          if (String(path).endsWith("secret.txt")) throw Object.assign(new Error("EACCES"), { code: "EACCES" });
          return (fs.readFileSync as (...a: unknown[]) => unknown)(path, ...rest);
        },
        statSync: (path: unknown, ...rest: unknown[]) =>
          String(path).endsWith("secret.txt") ? { isDirectory: () => false } : (fs.statSync as (...a: unknown[]) => unknown)(path, ...rest),
      };
    });
    const { runCli } = await import("../src/cli/main.js");
    const out = runCli(["check", "/tmp/secret.txt"]);
    expect(out).toMatchObject({ exitCode: 2, stdout: "" });
    expect(out.stderr).toBe("unspin: /tmp/secret.txt: cannot read (permission denied)\n");
    vi.doUnmock("node:fs");
  });
});
