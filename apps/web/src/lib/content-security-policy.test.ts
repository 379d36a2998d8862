import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "./content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((d) => {
      const [name = "", ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe("contentSecurityPolicy", () => {
  it("lets scripts run only with the response's nonce, and nothing load from elsewhere", () => {
    const policy = directives(contentSecurityPolicy("abc123", { development: false }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    // No inline scripts, no eval, no other origins anywhere in production.
    const all = [...policy.values()].flat();
    expect(all).not.toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(all.filter((v) => /^https?:|^\*$/.test(v))).toEqual([]);
  });

  it("adds 'unsafe-eval' for the development server only", () => {
    expect(directives(contentSecurityPolicy("n", { development: true })).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });
});
