import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The wink-nlp model loads once per worker; two workers match the two-core machines we run on.
    maxWorkers: 2,
    testTimeout: 30_000,
  },
});
