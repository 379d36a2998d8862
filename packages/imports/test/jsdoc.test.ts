import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { jsDocCoverageTests } from "@kpi/public-api-checks";
import { describe } from "vitest";

describe("public API documentation", () => {
  jsDocCoverageTests(join(dirname(fileURLToPath(import.meta.url)), ".."));
});
