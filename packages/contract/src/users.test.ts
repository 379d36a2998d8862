import { describe, expect, it } from "vitest";
import { createUserBodySchema, updateUserBodySchema, userSchema } from "./users.js";

const body = {
  username: "a.analyst",
  password: "correct horse battery",
  display_name: "A Analyst",
  role: "analyst",
};

describe("create user body", () => {
  it("needs a password of at least 12 characters and says so", () => {
    const result = createUserBodySchema.safeParse({ ...body, password: "elevenchars" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("use at least 12 characters");
  });

  it("takes usernames of 3–100 letters, digits and . _ @ -", () => {
    for (const ok of ["abc", "jo.bloggs@demo-la", "a_b"])
      expect(createUserBodySchema.safeParse({ ...body, username: ok }).success, ok).toBe(true);
    for (const bad of ["ab", "jo bloggs", "jo/bloggs", "x".repeat(101)])
      expect(createUserBodySchema.safeParse({ ...body, username: bad }).success, bad).toBe(false);
  });

  it("refuses an unknown role and unknown fields", () => {
    expect(createUserBodySchema.safeParse({ ...body, role: "superuser" }).success).toBe(false);
    expect(createUserBodySchema.safeParse({ ...body, is_admin: true }).success).toBe(false);
  });
});

describe("user", () => {
  it("drops a password field rather than passing it on", () => {
    const user = {
      id: "u1",
      username: "a.analyst",
      display_name: "A Analyst",
      role: "analyst",
      organisation: "demo-la",
      created_at: "2019-10-01T09:00:00.000Z",
      disabled_at: null,
    };
    expect(userSchema.parse({ ...user, password: "correct horse battery" })).toEqual(user);
  });
});

describe("update user body", () => {
  it("takes only whether the user is disabled", () => {
    expect(updateUserBodySchema.parse({ disabled: true })).toEqual({ disabled: true });
    expect(updateUserBodySchema.safeParse({ disabled: "yes" }).success).toBe(false);
    expect(updateUserBodySchema.safeParse({ disabled: true, role: "admin" }).success).toBe(false);
    expect(updateUserBodySchema.safeParse({}).success).toBe(false);
  });
});
