#!/usr/bin/env node
// Renders `unspin report` for a document and photographs it in Debian's Chromium: the README's picture
// (docs/report.png). Needs a build (npm run build) and /usr/bin/chromium.
// Usage: node scripts/report-screenshot.mjs [INPUT] [OUT.png]
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { reportFor } from "../dist/cli/report.js";
import { readInput } from "../dist/cli/input.js";
import { createUnspinner } from "../dist/index.js";

const [input = "corpus/seed/libya-haftar.txt", out = "docs/report.png"] = process.argv.slice(2);
const html = join(mkdtempSync(join(tmpdir(), "unspin-shot-")), "report.html");
writeFileSync(html, reportFor(createUnspinner(), readInput(input), input));

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 640 } });
  await page.goto(pathToFileURL(html).href);
  // One span pinned in the details panel and another under the pointer, as a reader would have them.
  await page.locator("#view-spun mark[data-i]").nth(3).click();
  await page.locator("#view-spun mark[data-i]").nth(8).hover();
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
}
