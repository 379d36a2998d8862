import { describe, expect, it } from "vitest";
import { createdTokenSchema, createTokenBodySchema, tokenParamsSchema } from "./tokens.js";

describe("API tokens", () => {
  it("trims the token's name and refuses an unknown role", () => {
    expect(createTokenBodySchema.parse({ name: "  nightly load ", role: "ingest" })).toEqual({
      name: "nightly load",
      role: "ingest",
    });
    expect(createTokenBodySchema.safeParse({ name: "nightly load", role: "owner" }).success).toBe(false);
  });

  it("returns the secret with the token's details when it is created", () => {
    const created = {
      id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0",
      name: "nightly load",
      role: "ingest",
      kind: "api",
      created_by: "admin",
      created_at: "2019-10-01T09:00:00.000Z",
      expires_at: null,
      revoked_at: null,
      token: "kpi_0123456789abcdef",
      organisation: "demo-la",
    };
    expect(createdTokenSchema.parse(created)).toEqual(created);
  });

  it("takes an optional life in days, at most 365 for an admin token", () => {
    const admin = { name: "ops", role: "admin" } as const;
    expect(createTokenBodySchema.parse({ ...admin, expires_in_days: 365 }).expires_in_days).toBe(365);
    const tooLong = createTokenBodySchema.safeParse({ ...admin, expires_in_days: 366 });
    expect(tooLong.error?.issues[0]?.path).toEqual(["expires_in_days"]);
    expect(
      createTokenBodySchema.safeParse({ name: "nightly", role: "ingest", expires_in_days: 3650 }).success,
    ).toBe(true);
    expect(
      createTokenBodySchema.safeParse({ name: "nightly", role: "ingest", expires_in_days: 3651 }).success,
    ).toBe(false);
    expect(createTokenBodySchema.safeParse({ ...admin, expires_in_days: 0 }).success).toBe(false);
    expect(createTokenBodySchema.safeParse({ ...admin, expires_in_days: 1.5 }).success).toBe(false);
  });

  it("revokes by UUID only", () => {
    expect(tokenParamsSchema.safeParse({ id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0" }).success).toBe(true);
    expect(tokenParamsSchema.safeParse({ id: "1" }).success).toBe(false);
  });
});
