import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createOrganisationBodySchema, organisationIdSchema } from "./organisations.js";

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
