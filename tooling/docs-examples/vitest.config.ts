import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["*.test.ts"],
    // A hang detector, not a speed check (shared machines).
    testTimeout: 60_000,
  },
});
