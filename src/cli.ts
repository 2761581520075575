#!/usr/bin/env node
import { main } from "./cli/main.js";

// A reader that stops early (`unspin check … | head`) closes our stdout: stop quietly, like other Unix tools.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});

// Set the exit code and let Node exit on its own, so that a large stdout is flushed to a pipe.
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
