import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { recordGroups } from "../src/cli/batch.js";

const record = (id: number, text = "x") => JSON.stringify({ id, text });

async function collect(input: Readable, maxChars?: number, maxRecords?: number) {
  const out = [];
  for await (const group of recordGroups(input, maxChars, maxRecords)) out.push(group);
  return out;
}

describe("recordGroups", () => {
  it("numbers lines from 1, skips blank ones and keeps every record once, in order", async () => {
    const groups = await collect(Readable.from([`${record(0)}\n\n${record(1)}\r\n  \n${record(2)}`]));
    expect(groups.flat()).toEqual([
      { line: 1, raw: record(0) },
      { line: 3, raw: record(1) },
      { line: 5, raw: record(2) },
    ]);
  });

  it("closes a group at the record limit or once it reaches the character limit", async () => {
    const lines = Array.from({ length: 10 }, (_, i) => record(i)).join("\n") + "\n";
    expect((await collect(Readable.from([lines]), 1e6, 4)).map((g) => g.length)).toEqual([4, 4, 2]);
    const long = record(0, "y".repeat(100));
    const mixed = [record(1), long, record(2), record(3)].join("\n") + "\n";
    expect((await collect(Readable.from([mixed]), 100, 64)).map((g) => g.map((r) => r.line))).toEqual([[1, 2], [3, 4]]);
  });

  it("never holds a record back waiting for more input", async () => {
    const input = new PassThrough();
    const groups = recordGroups(input);
    input.write(record(0) + "\n" + record(1) + "\n" + '{"id": 2, "te');
    const first = await groups.next();
    expect(first.value).toEqual([{ line: 1, raw: record(0) }, { line: 2, raw: record(1) }]);
    input.end('xt": "x"}\n');
    expect((await groups.next()).value).toEqual([{ line: 3, raw: '{"id": 2, "text": "x"}' }]);
    expect((await groups.next()).done).toBe(true);
  });
});
