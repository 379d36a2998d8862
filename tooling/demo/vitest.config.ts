import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A hang detector, not a speed check: some tests load the built package or spawn node, which on a
    // shared 2-core machine under load can take far longer than vitest's 5 s default.
    testTimeout: 60_000,
  },
});
