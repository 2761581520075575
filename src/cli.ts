#!/usr/bin/env node
import { main } from "./cli/main.js";

// Set the exit code and let Node exit on its own, so that a large stdout is flushed to a pipe.
process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
