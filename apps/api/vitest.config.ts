import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The embedded store takes seconds to open on a busy machine; each API test file opens one.
    hookTimeout: 180_000,
    testTimeout: 120_000,
  },
});
