import { chmodSync, copyFileSync, readFileSync, readSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { UnspinError } from "../errors.js";

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > bytes.length) return i;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong 3/4-byte forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    const second = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f) || (b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    i += length;
  }
  return -1;
}

/**
 * Decodes input bytes as UTF-8, refusing what would otherwise be silently mangled: UTF-16 (by its BOM),
 * binary data (NUL bytes) and invalid UTF-8 (with the byte offset). A UTF-8 BOM is kept in the text,
 * so that repaired output keeps it too.
 */
export function decodeInput(bytes: Uint8Array, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnspinError("INPUT_ENCODING", `${name}: UTF-16 text is not supported; convert it to UTF-8 first (e.g. iconv -f UTF-16 -t UTF-8)`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new UnspinError("INPUT_BINARY", `${name}: looks like a binary file (NUL byte at offset ${nul})`);
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw new UnspinError("INPUT_ENCODING", `${name}: not valid UTF-8 (byte offset ${bad})`);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
}

/**
 * Reads all of standard input synchronously. `readFileSync(0)` fails with EAGAIN when stdin is a
 * non-blocking pipe whose writer is slower than we are (e.g. `cat big | unspin check -`), so read in a
 * loop and wait briefly whenever the pipe is momentarily empty.
 */
function readStandardInput(): Buffer {
  const chunks: Buffer[] = [];
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let read: number;
    try {
      read = readSync(0, chunk, 0, chunk.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 5);
      continue;
    }
    if (read === 0) return Buffer.concat(chunks);
    chunks.push(chunk.subarray(0, read));
  }
}

/** Reads a file, or standard input for "-", as text. */
export function readInput(path: string): string {
  const name = path === "-" ? "<stdin>" : path;
  let bytes: Buffer;
  try {
    if (path !== "-" && statSync(path).isDirectory()) throw new UnspinError("INPUT_IO", `${path}: is a directory`);
    bytes = path === "-" ? readStandardInput() : readFileSync(path);
  } catch (error) {
    if (error instanceof UnspinError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file" : code === "EACCES" ? "permission denied" : code ?? String(error);
    throw new UnspinError("INPUT_IO", `${name}: cannot read (${reason})`);
  }
  return decodeInput(bytes, name);
}

/**
 * Writes a file atomically: a temporary file in the same folder, then a rename over the target, so a
 * crash leaves either the old file or the new one. Keeps the mode of an existing target.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temp = join(dirname(path), `.${basename(path)}.unspin-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    mode = undefined;
  }
  try {
    writeFileSync(temp, content, { encoding: "utf8", flag: "wx", ...(mode !== undefined ? { mode } : {}) });
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, path);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file was never created
    }
    throw new UnspinError("INPUT_IO", `${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Rewrites a file atomically, first keeping a copy at `path + backupSuffix` when a suffix is given. */
export function rewriteInPlace(path: string, content: string, backupSuffix?: string): void {
  if (backupSuffix !== undefined) {
    try {
      copyFileSync(path, path + backupSuffix);
    } catch (error) {
      throw new UnspinError("INPUT_IO", `${path + backupSuffix}: cannot write backup (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
  }
  writeFileAtomic(path, content);
}
