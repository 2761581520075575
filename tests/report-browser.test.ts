/**
 * The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium, installed by .ci/run) driven
 * by playwright-core. A browser that cannot start fails every test here: a report nobody has seen
 * working in a browser is not tested.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../src/report/html.js";
import { createUnspinner } from "../src/unspinner.js";

const MINI = fileURLToPath(new URL("./fixtures/mini.dict", import.meta.url));
const OUTPUT = fileURLToPath(new URL("./output/", import.meta.url));
const CHROMIUM = "/usr/bin/chromium";
const unspinner = createUnspinner({ packs: [], dictionaries: [MINI] });

const SPUN = "Mavens counsel that the demanding situations facing the Nationwide Military stay serious. " +
  "The avid gamers in this advanced panorama include each financial institution, and members of the family " +
  "between the two capitals remain tense. Officials will meet again in a space near the border this 12 months.";
const HOSTILE = "A note <script>alert('x')</script> & <img src=x onerror=\"alert('y')\"> stays as text.";
const TEXT = `${SPUN}\n\n${HOSTILE}\r\n\n${SPUN.replace("Mavens", "MAVENS")}\n`;

let browser: Browser;

beforeAll(async () => {
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  } catch (error) {
    throw new Error(`cannot launch Chromium at ${CHROMIUM} (install it: apt-get install -y chromium): ${(error as Error).message}`);
  }
  mkdirSync(OUTPUT, { recursive: true });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Writes the report of `text` under tests/output and opens it; records dialogs, errors and requests. */
async function openReport(text: string, name: string) {
  const detected = unspinner.detect(text);
  const repaired = unspinner.repair(text);
  const path = join(OUTPUT, `${name}.html`);
  writeFileSync(path, renderReport(text, detected, repaired, { title: `${name} <b>"&"</b>` }));
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  const events = { dialogs: [] as string[], errors: [] as string[], requests: [] as string[] };
  page.on("dialog", (dialog) => {
    events.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => events.errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") events.errors.push(message.text());
  });
  page.on("request", (request) => events.requests.push(request.url()));
  const started = Date.now();
  await page.goto(pathToFileURL(path).href, { waitUntil: "load" });
  return { page, detected, repaired, events, loadMs: Date.now() - started, url: pathToFileURL(path).href };
}

const normalize = (text: string) => text.replace(/\r\n?/g, "\n");

/** Presses Tab until the focused element's text is `text` (or gives up after `limit` presses). */
async function tabTo(page: Page, text: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent)) === text) return;
  }
  throw new Error(`Tab never reached "${text}"`);
}

describe("the HTML report in Chromium", () => {
  it("highlights every finding, in order, over the unchanged text", async () => {
    const { page, detected, events } = await openReport(TEXT, "report");
    expect(detected.findings.length).toBeGreaterThan(10);
    const marks = await page.locator("#view-spun mark[data-i]").allTextContents();
    expect(marks).toEqual(detected.findings.map((f) => f.text));
    expect(await page.locator("#view-spun").textContent()).toBe(normalize(TEXT));
    expect(await page.locator("#verdict").innerText()).toMatch(/spun.*spin probability \d+%.*of \d+ words spun/is);
    expect(await page.locator("#summary tbody tr").count()).toBeGreaterThan(5);
    expect(events.errors).toEqual([]);
    await page.close();
  });

  it("is keyboard accessible: Tab reaches a span, shows its restorations, Enter and Space pin them", async () => {
    const { page, detected } = await openReport(TEXT, "report");
    const space = detected.findings.find((f) => f.text === "a space")!;
    await tabTo(page, "a space");
    const focused = page.locator("#view-spun mark:focus");
    expect(await focused.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
    await expect.poll(() => page.locator("#tip").isVisible()).toBe(true);
    expect(await page.locator("#tip").innerText()).toMatch(/an area[\s\S]*also: a region/);

    await page.keyboard.press("Enter");
    const details = page.locator("#details-body");
    expect(await details.locator("ol.alts li").allInnerTexts()).toEqual(space.restorations.map((r) => `${r.text} (${Math.round(r.confidence * 100)}%)`));
    expect(await focused.getAttribute("aria-expanded")).toBe("true");

    await tabTo(page, "12 months");
    const scrollBefore = await page.evaluate(() => window.scrollY);
    await page.keyboard.press(" ");
    expect(await details.innerText()).toMatch(/“12 months” → “year”/);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);
    await page.close();
  });

  it("shows a span's details on click and its restorations on hover", async () => {
    const { page } = await openReport(TEXT, "report");
    await page.locator("#view-spun mark", { hasText: "Nationwide" }).first().hover();
    expect(await page.locator("#tip").innerText()).toMatch(/National/);
    await page.locator("#view-spun mark", { hasText: "avid gamers" }).first().click();
    expect(await page.locator("#details-body").innerText()).toMatch(/“avid gamers” → “players”/);
    await page.close();
  });

  it("toggles to the repaired text, whose replacements open the same details", async () => {
    const { page, repaired } = await openReport(TEXT, "report");
    await tabTo(page, "Repaired text");
    await page.keyboard.press("Enter");
    expect(await page.locator("#view-spun").isVisible()).toBe(false);
    expect(await page.locator("#view-repaired").isVisible()).toBe(true);
    expect(await page.locator("#view-repaired").textContent()).toBe(normalize(repaired.text));
    expect(await page.locator("#view-repaired").innerText()).toContain("Experts suggest that the challenges facing the National Army remain serious.");
    expect(await page.locator(".toggle button[data-view=repaired]").getAttribute("aria-pressed")).toBe("true");
    await page.locator("#view-repaired ins", { hasText: "an area" }).first().click();
    expect(await page.locator("#details-body").innerText()).toMatch(/“a space” → “an area”/);
    await page.screenshot({ path: join(OUTPUT, "report-repaired.png") });
    await page.locator(".toggle button[data-view=spun]").click();
    expect(await page.locator("#view-spun").isVisible()).toBe(true);
    await page.locator("#view-spun mark", { hasText: "Mavens" }).first().click();
    await page.screenshot({ path: join(OUTPUT, "report.png") });
    await page.close();
  });

  it("runs no script from the document, loads nothing from the network and prints readably", async () => {
    const { page, events, url } = await openReport(TEXT, "report");
    expect(events.dialogs).toEqual([]);
    expect(events.requests.every((r) => r === url)).toBe(true);
    expect(await page.locator("#view-spun").innerText()).toContain(HOSTILE);
    expect(await page.locator("#view-spun img, #view-spun script").count()).toBe(0);
    expect(await page.title()).toBe(`report <b>"&"</b> — unspin report`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".toggle").isVisible()).toBe(false);
    expect(await page.locator("#view-spun mark").first().evaluate((el) => getComputedStyle(el, "::after").content)).toMatch(/Experts/);
    await page.close();
  });

  it("opens a 50-page document quickly and stays responsive", async () => {
    const pages = Array.from({ length: 560 }, (_, i) => `${i % 12 === 0 ? `Chapter ${i / 12 + 1}\n\n` : ""}${SPUN}`).join("\n\n");
    const { page, detected, loadMs, events } = await openReport(pages, "report-50-pages");
    expect(detected.document.words).toBeGreaterThan(25_000);
    expect(loadMs).toBeLessThan(10_000);
    expect(await page.locator("#view-spun mark[data-i]").count()).toBe(detected.findings.length);
    const last = page.locator("#view-spun mark[data-i]").last();
    await last.scrollIntoViewIfNeeded();
    const handlerMs = await last.evaluate((el) => {
      const started = performance.now();
      (el as HTMLElement).click();
      el.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
      return performance.now() - started;
    });
    expect(handlerMs).toBeLessThan(100);
    expect(await page.locator("#details-body").innerText()).toMatch(/“12 months” → “year”/);
    expect(events.errors).toEqual([]);
    await page.close();
  });
});
