import { defineConfig } from "vitest/config";

// Builds and browsers are slow on 2 cores; files run one at a time so they do not starve each other.
export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
