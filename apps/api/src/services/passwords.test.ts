import { scryptSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ApiError } from "../errors.js";
import { createPasswordHasher, needsRehash } from "./passwords.js";

/** A hash as the API wrote them before N was raised (N = 2^14), made with Node's scrypt directly. */
function legacyHash(password: string): string {
  const salt = Buffer.from("0123456789abcdef");
  const key = scryptSync(password.normalize("NFKC"), salt, 64, { N: 16384, r: 8, p: 1 });
  return ["scrypt", 16384, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
}

describe("passwords", () => {
  const passwords = createPasswordHasher();

  it("hashes with scrypt N = 2^17, r = 8, p = 1, and verifies only the right password", async () => {
    const stored = await passwords.hash("correct horse battery staple");
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored).not.toContain("correct horse");
    expect(await passwords.verify("correct horse battery staple", stored)).toBe(true);
    expect(await passwords.verify("correct horse battery stapler", stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it("still verifies a hash made with the old N = 2^14, and says it needs rehashing", async () => {
    const old = legacyHash("an older password");
    expect(await passwords.verify("an older password", old)).toBe(true);
    expect(await passwords.verify("an older passwore", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("salts each hash", async () => {
    expect(await passwords.hash("same password")).not.toBe(await passwords.hash("same password"));
  });

  it("refuses hashes it does not understand, or that would cost more than the current parameters", async () => {
    expect(await passwords.verify("x", "plain-text")).toBe(false);
    expect(await passwords.verify("x", "bcrypt$1$2$3$salt$hash")).toBe(false);
    expect(await passwords.verify("x", "scrypt$1048576$8$1$c2FsdA$aGFzaA")).toBe(false);
    expect(needsRehash("plain-text")).toBe(true);
  });

  it("derives a few at a time and turns a burst beyond its line away with 503", async () => {
    const narrow = createPasswordHasher({ concurrent: 1, maxWaiting: 1 });
    const results = await Promise.allSettled([
      narrow.hash("one password"),
      narrow.hash("two password"),
      narrow.hash("three password"),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled", "rejected"]);
    const refused = (results[2] as PromiseRejectedResult).reason;
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).code).toBe("unavailable");
    expect((refused as ApiError).retryAfterSeconds).toBeGreaterThan(0);
  });
});
