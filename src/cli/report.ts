import { basename } from "node:path";
import { renderReport } from "../report/html.js";
import type { Unspinner } from "../unspinner.js";

/** The HTML report of one document (`unspin report`), titled with the file's name. */
export function reportFor(unspinner: Unspinner, text: string, path: string): string {
  const title = path === "-" ? "standard input" : basename(path);
  return renderReport(text, unspinner.detect(text), unspinner.repair(text), { title });
}
