import { fileURLToPath } from "node:url";
import { describe, expect, inject, it } from "vitest";
import { createClient } from "../src/client/create-client.js";
import { freshOrganisation, kpi } from "./support/api-helpers.js";

// `kpi import published` against the real API (global-setup.ts), on DfE's files trimmed into
// packages/imports/test/fixtures/dfe-published/ (its README). Worcestershire is 885 / E10000034 in the
// West Midlands; its 2024-25 re-referral figures were read by hand from
// c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv (England 22.6, West Midlands 19.5)
// and its ten 2025-model neighbours' rows (mean 19.73), as in packages/imports' published-import.test.ts.
const apiUrl = inject("apiUrl");
const adminToken = inject("adminToken");
const published = fileURLToPath(new URL("../../imports/test/fixtures/dfe-published/", import.meta.url));

describe("kpi import published", () => {
  it("posts the organisation's authority's benchmarks and populations; again, nothing changes", async () => {
    const { organisation, token } = await freshOrganisation(apiUrl, adminToken, "published");
    const admin = createClient({ baseUrl: apiUrl, token: adminToken });
    const env = { KPI_API_URL: apiUrl, KPI_TOKEN: token };

    const noCode = await kpi(["import", "published", published, "--organisation", organisation], { env });
    expect(noCode.code).toBe(2);
    expect(noCode.stderr).toContain(`organisation ${organisation} has no local-authority code`);
    // Without --organisation, the token's own organisation is asked for (GET /v1/organisation).
    const own = await kpi(["import", "published", published, "--dry-run"], { env });
    expect(own.code).toBe(2);
    expect(own.stderr).toContain(`organisation ${organisation} has no local-authority code`);

    await admin.setOrganisationAuthority(organisation, "885");
    const first = await kpi(["import", "published", published, "--organisation", organisation], { env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("authority: Worcestershire (885, E10000034), West Midlands");
    expect(first.stdout).toContain("statistical neighbours: 10 from dfe-published/sn_model_2025_wide.csv");
    expect(first.stdout).toMatch(/not posted: leavers\.eet_18_21_pct: different definition/);
    const received = /benchmarks: (\d+) received, (\d+) inserted/.exec(first.stdout);
    expect(received?.[1]).toBeDefined();
    expect(received?.[2]).toBe(received?.[1]);
    // Worcestershire's ONS estimates of 2022, 2023 and 2024 (ons_mid-year_population_estimates…csv).
    expect(first.stdout).toContain("populations: 3 received, 3 inserted");

    // The token's organisation, now with its code: the same authority without naming it.
    const again = await kpi(["import", "published", published], { env });
    expect(again.stdout).toContain(
      `benchmarks: ${received?.[1]} received, 0 inserted, 0 updated, ${received?.[1]} unchanged`,
    );

    const series = await createClient({ baseUrl: apiUrl, token }).values("ffd.rereferrals_12m_pct", {
      from: "FY2024-25",
      to: "FY2024-25",
      window: "year",
    });
    const benchmarks = series.values[0]?.benchmarks ?? [];
    expect(benchmarks.map((b) => [b.comparator, b.value])).toEqual([
      ["statistical_neighbours", 19.73],
      ["region", 19.5],
      ["england", 22.6],
    ]);
  });

  it("says when the token's organisation cannot be read, and names a file it cannot read", async () => {
    const env = { KPI_API_URL: apiUrl, KPI_TOKEN: "unused" };
    const none = await kpi(["import", "published", published, "--dry-run"], { env });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("reading this token's organisation:");
    const bad = await kpi(
      [
        "import",
        "published",
        fileURLToPath(new URL("./fixtures/", import.meta.url)),
        "--la",
        "885",
        "--dry-run",
      ],
      { env },
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/nothing was posted/);
  });

  it("--dry-run --la validates what it would post without an API", async () => {
    const r = await kpi(["import", "published", published, "--la", "E10000034", "--dry-run"], { env: {} });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/benchmarks \(dry run, nothing posted\): \d+ rows, \d+ valid/);
    expect(r.stdout).toContain("  cin.dfe_rate_per_10k (");
    // Worcestershire's own re-referrals and neighbours have no symbol in 2023–2025, but LAIT printed
    // '-' for Dorset (838, a neighbour) in 2016, before it was formed (published-import.test.ts).
    expect(r.stdout).toContain("'-': not published (LAIT) (kept, not 0)");
  });
});
