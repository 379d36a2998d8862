import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dataContractMarkdown } from "./data-contract-markdown.js";

describe("dataContractMarkdown", () => {
  const text = dataContractMarkdown();

  it("documents every dataset with its key and field table", () => {
    expect(text).toContain("### `care_leavers` — Care leavers");
    expect(text).toContain("Key: `child_id` + `as_at_date`.");
    expect(text).toMatch(/\| `contact_date` +\| date +\| yes +\|/);
    expect(text).toContain("`2A` Schools");
  });

  it("is what docs/datasets.md holds (regenerate the file after changing a schema)", () => {
    const path = fileURLToPath(new URL("../../../../docs/datasets.md", import.meta.url));
    expect(readFileSync(path, "utf8")).toBe(text);
  });
});
