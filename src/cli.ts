#!/usr/bin/env node
import { runCli } from "./cli/main.js";

const outcome = runCli(process.argv.slice(2));
if (outcome.stderr) process.stderr.write(outcome.stderr);
// Set the exit code and let Node exit on its own, so that a large stdout is flushed to a pipe.
process.exitCode = outcome.exitCode;
process.stdout.write(outcome.stdout);
