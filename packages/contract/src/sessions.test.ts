import { describe, expect, it } from "vitest";
import { sessionListSchema, sessionParamsSchema, sessionSchema, signInBodySchema } from "./sessions.js";

describe("sign-in", () => {
  it("needs a username and a password and nothing else", () => {
    expect(signInBodySchema.safeParse({ username: "a.analyst", password: "x" }).success).toBe(true);
    expect(signInBodySchema.safeParse({ username: "a.analyst" }).success).toBe(false);
    expect(signInBodySchema.safeParse({ username: "a.analyst", password: "x", role: "admin" }).success).toBe(
      false,
    );
  });

  it("takes an optional organisation id, as organisations spell it", () => {
    const body = { username: "a.analyst", password: "x" };
    expect(signInBodySchema.parse({ ...body, organisation: "demo-la" }).organisation).toBe("demo-la");
    expect(signInBodySchema.safeParse({ ...body, organisation: "Demo LA" }).success).toBe(false);
  });

  it("lists sessions without their tokens and ends one by UUID", () => {
    const info = {
      id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0",
      username: "a.analyst",
      display_name: "A Analyst",
      role: "analyst",
      created_at: "2019-10-01T09:00:00.000Z",
      expires_at: "2019-10-01T17:00:00.000Z",
    };
    expect(sessionListSchema.parse({ sessions: [{ ...info, token: "kpi_x" }] })).toEqual({
      sessions: [info],
    });
    expect(sessionParamsSchema.safeParse({ id: info.id }).success).toBe(true);
    expect(sessionParamsSchema.safeParse({ id: "current" }).success).toBe(false);
  });

  it("answers with the session token once, its expiry and who signed in", () => {
    const session = {
      token: "kpi_s_0123456789abcdef",
      token_id: "0b0e7c1e-9a1f-4a53-8f43-4d6ad2c5f1a0",
      expires_at: "2019-10-01T17:00:00.000Z",
      organisation: "demo-la",
      user: { username: "a.analyst", display_name: "A Analyst", role: "analyst" },
    };
    expect(sessionSchema.parse(session)).toEqual(session);
  });
});
