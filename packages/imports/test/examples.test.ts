import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runnableExampleTests } from "@kpi/public-api-checks";
import { describe } from "vitest";

describe("JSDoc examples run and print what they say", async () => {
  await runnableExampleTests(join(dirname(fileURLToPath(import.meta.url)), ".."));
});
