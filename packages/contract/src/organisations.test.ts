import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createOrganisationBodySchema,
  laCodeSchema,
  organisationIdSchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from "./organisations.js";

describe("organisation id", () => {
  it("is 1–63 lowercase letters, digits and inner hyphens", () => {
    for (const ok of ["a", "demo-la", "la-123", "x".repeat(63)])
      expect(organisationIdSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ["", "-demo", "demo-", "Demo", "demo la", "démo", "x".repeat(64)])
      expect(organisationIdSchema.safeParse(bad).success, bad).toBe(false);
  });

  it("only accepts ids that are safe in a URL path segment and short enough for a DNS label", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (id) => {
        if (!organisationIdSchema.safeParse(id).success) return;
        expect(encodeURIComponent(id)).toBe(id);
        expect(id.length).toBeGreaterThanOrEqual(1);
        expect(id.length).toBeLessThanOrEqual(63);
        expect(id.startsWith("-") || id.endsWith("-")).toBe(false);
      }),
    );
  });
});

describe("create organisation body", () => {
  it("trims the name and refuses fields it does not know", () => {
    expect(createOrganisationBodySchema.parse({ id: "demo-la", name: "  Demo LA " })).toEqual({
      id: "demo-la",
      name: "Demo LA",
    });
    expect(createOrganisationBodySchema.safeParse({ id: "demo-la", name: "   " }).success).toBe(false);
    expect(createOrganisationBodySchema.safeParse({ id: "demo-la", name: "Demo", admin: true }).success).toBe(
      false,
    );
  });
});

describe("local-authority code", () => {
  it("takes either code of an authority, the letter in either case, and gives it in capitals", () => {
    // Worcestershire is 885 / E10000034 in b1_children_in_need_2013_to_2025.csv.
    expect(laCodeSchema.parse("885")).toBe("885");
    expect(laCodeSchema.parse("E10000034")).toBe("E10000034");
    expect(laCodeSchema.parse("e10000034")).toBe("E10000034");
  });

  it("refuses a malformed code with one message saying what a code looks like", () => {
    for (const bad of [
      "",
      "88",
      "8850",
      "Worcs",
      "E1000003",
      "E100000345",
      "W06000001",
      " 885",
      "885\u0000",
    ]) {
      const issues = laCodeSchema.safeParse(bad).error?.issues.map((i) => i.message);
      expect(issues, JSON.stringify(bad)).toContain(
        "use the three-digit code (such as 885) or the nine-character code (such as E10000034)",
      );
      expect(
        issues?.some((m) => m.startsWith("no local authority")),
        JSON.stringify(bad),
      ).toBe(false);
    }
  });

  it("refuses a well-formed code that no authority in England has, naming the code", () => {
    expect(laCodeSchema.safeParse("999").error?.issues.map((i) => i.message)).toEqual([
      "no local authority in England has the code 999",
    ]);
    expect(laCodeSchema.safeParse("e10000099").error?.issues.map((i) => i.message)).toEqual([
      "no local authority in England has the code E10000099",
    ]);
  });
});

describe("organisation bodies", () => {
  it("takes la_code optionally on create, and requires it (or null) on update", () => {
    expect(createOrganisationBodySchema.parse({ id: "worcs", name: "W", la_code: "885" }).la_code).toBe(
      "885",
    );
    expect(createOrganisationBodySchema.safeParse({ id: "worcs", name: "W", la_code: null }).success).toBe(
      false,
    );
    expect(updateOrganisationBodySchema.parse({ la_code: null })).toEqual({ la_code: null });
    expect(updateOrganisationBodySchema.safeParse({}).success).toBe(false);
    expect(updateOrganisationBodySchema.safeParse({ la_code: "885", name: "W" }).success).toBe(false);
  });

  it("answers the authority or null", () => {
    const base = { id: "worcs", name: "W", created_at: "2026-12-04T00:00:00.000Z" };
    expect(organisationSchema.safeParse(base).success).toBe(false);
    expect(organisationSchema.parse({ ...base, authority: null }).authority).toBeNull();
  });
});
