import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDisplayDate } from "./iso-date.js";
import { MONTH_ABBREVIATIONS } from "./month-names.js";

const repoRoot = fileURLToPath(new URL("../../../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (["node_modules", "dist", ".next", ".turbo", ".git", ".tools"].includes(e.name)) return [];
    const p = join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx|mjs|js)$/.test(e.name) ? [p] : [];
  });
}

describe("MONTH_ABBREVIATIONS", () => {
  it("names the twelve months from January", () => {
    expect(MONTH_ABBREVIATIONS).toHaveLength(12);
    expect(formatDisplayDate("2020-01-31")).toBe("31 Jan 2020");
    expect(formatDisplayDate("2019-12-01")).toBe("1 Dec 2019");
  });

  it("is the only table of month names in the repository's code", () => {
    // Two month names in a row, quoted, is a table of them (long or short names, any quotes).
    const table = /["'`](Jan|January)["'`]\s*,\s*["'`](Feb|February)["'`]/;
    const copies = ["packages", "apps", "tooling", "scripts", "bench"]
      .flatMap((d) => sources(join(repoRoot, d)))
      .filter((f) => !f.endsWith("month-names.ts") && !f.endsWith("month-names.test.ts"))
      .filter((f) => table.test(readFileSync(f, "utf8")))
      .map((f) => relative(repoRoot, f));
    expect(copies).toEqual([]);
  });
});
