import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // One real API (embedded PostgreSQL) for the CLI and docs suites; see test/support/global-setup.ts.
    globalSetup: ["test/support/global-setup.ts"],
    // The embedded store is slow to open on a busy machine; CLI runs spawn processes.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
