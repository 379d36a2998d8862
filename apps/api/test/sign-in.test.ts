import { randomBytes, scryptSync } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 12, defects 3 and 10 and the scrypt item: sign-in is limited per client address and per
// username whatever headers are sent, the portal's forwarded address is believed only from a trusted
// proxy, a guesser cannot lock the person out, sign-in bodies are small, usernames are per
// organisation, disabled users cannot sign in, and old password hashes are upgraded on sign-in.

const portal = "127.0.0.1"; // inject's default peer address, configured as the trusted proxy
const password = "the right password for tests";
let api: TestApi;
/** The app's clock: the sign-in throttle's time moves only when a test moves it. */
let clock = Date.now();
let admin: Awaited<ReturnType<typeof tokensFor>>;

async function createUser(username: string, organisation?: string) {
  const res = await api.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(adminToken),
    payload: {
      username,
      password,
      display_name: username,
      role: "read",
      ...(organisation ? { organisation } : {}),
    },
  });
  return res;
}

function signIn(
  body: Record<string, unknown>,
  from: { forwardedFor?: string; remoteAddress?: string; headers?: Record<string, string> } = {},
) {
  return api.app.inject({
    method: "POST",
    url: "/v1/sessions",
    remoteAddress: from.remoteAddress ?? portal,
    headers: {
      ...(from.forwardedFor === undefined ? {} : { "x-forwarded-for": from.forwardedFor }),
      ...from.headers,
    },
    payload: body,
  });
}

const randomHeader = () => ({ authorization: `Bearer kpi_${randomBytes(24).toString("base64url")}` });

beforeAll(async () => {
  // The API allows 60 attempts a minute per address; 20 keeps the test short (each attempt is a scrypt).
  api = await startTestApi(
    { trustedProxies: [portal], rateLimitPerMinute: 1_000_000 },
    { now: () => clock, signInLimits: { attemptsPerAddressPerMinute: 20 } },
  );
  admin = await tokensFor(api.app, "other");
  for (const name of ["victim", "colleague", "rehashed", "leaver"])
    expect((await createUser(name)).statusCode).toBe(201);
});

afterAll(async () => {
  await api?.close();
});

describe("sign-in limits", () => {
  it("reach 429 for a guesser sending a fresh Authorization header each time, and a colleague still signs in", async () => {
    const attacker = "203.0.113.66";
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await signIn(
        { username: "victim", password: `guess ${i}` },
        { forwardedFor: attacker, headers: randomHeader() },
      );
      statuses.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.json().error.code).toBe("rate_limited");
        expect(Number(res.headers["retry-after"])).toBeGreaterThan(0);
      }
    }
    // Three free failures, then the username backs off for this address.
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);

    // A colleague, signing in through the same portal from their own address, or from the guesser's.
    const colleague = { username: "colleague", password };
    expect((await signIn(colleague, { forwardedFor: "198.51.100.20" })).statusCode).toBe(201);
    expect((await signIn(colleague, { forwardedFor: attacker })).statusCode).toBe(201);
    // The person whose username is being guessed, from an address with no failures: not locked out.
    expect(
      (await signIn({ username: "victim", password }, { forwardedFor: "198.51.100.21" })).statusCode,
    ).toBe(201);
    // From the guesser's address the username still backs off, even with the right password …
    expect((await signIn({ username: "victim", password }, { forwardedFor: attacker })).statusCode).toBe(429);
    // … for a second after the third failure, then two after the fourth, four after the fifth.
    for (const wait of [1, 2, 4]) {
      clock += wait * 1000 - 1;
      expect(
        (await signIn({ username: "victim", password: "?" }, { forwardedFor: attacker })).statusCode,
      ).toBe(429);
      clock += 1;
      expect(
        (await signIn({ username: "victim", password: "?" }, { forwardedFor: attacker })).statusCode,
      ).toBe(401);
    }
    const held = await signIn({ username: "victim", password: "?" }, { forwardedFor: attacker });
    expect(held.headers["retry-after"]).toBe("8");
  });

  it("counts every attempt of an address, whatever the usernames", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push(
        (await signIn({ username: `nobody-${i}`, password }, { forwardedFor: "203.0.113.77" })).statusCode,
      );
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
  });

  it("believes X-Forwarded-For only from a trusted proxy", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await signIn(
        { username: "colleague", password: `wrong ${i}` },
        { remoteAddress: "192.0.2.9", forwardedFor: `198.51.100.${100 + i}` },
      );
      statuses.push(res.statusCode);
    }
    // Every attempt came from the untrusted peer itself, so the username backs off for it.
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it("refuses a large sign-in body with 413 before reading it", async () => {
    const big = JSON.stringify({ username: "victim", password: "x".repeat(100 * 1024) });
    const declared = await signIn(JSON.parse(big), { forwardedFor: "198.51.100.30" });
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe("payload_too_large");
    const chunked = await api.app.inject({
      method: "POST",
      url: "/v1/sessions",
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      payload: big,
    });
    expect(chunked.statusCode).toBe(413);
  });
});

describe("staff users", () => {
  it("are unique within an organisation only, and sign in with their organisation", async () => {
    expect((await createUser("j.smith")).statusCode).toBe(201);
    const elsewhere = await createUser("j.smith", "other");
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    const again = await createUser("j.smith", "other");
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("conflict");

    const inDefault = await signIn({ username: "j.smith", password, organisation: "default" });
    expect(inDefault.statusCode).toBe(201);
    expect(inDefault.json().organisation).toBe("default");
    const inOther = await signIn({ username: "j.smith", password, organisation: "other" });
    expect(inOther.json().organisation).toBe("other");
    // Two organisations have the username: without saying which, the answer is the same as a wrong
    // password's (nothing tells the caller that the username exists twice).
    const ambiguous = await signIn({ username: "j.smith", password });
    expect(ambiguous.statusCode).toBe(401);
    expect(ambiguous.json().error.message).toBe("Wrong username or password");
    // A username only one organisation has signs in without naming it.
    expect(
      (await signIn({ username: "colleague", password }, { forwardedFor: "198.51.100.40" })).statusCode,
    ).toBe(201);
  });

  it("once disabled, cannot sign in, lose every session at once, and sign in again once enabled", async () => {
    const session = await signIn({ username: "leaver", password }, { forwardedFor: "198.51.100.50" });
    expect(session.statusCode).toBe(201);
    const token: string = session.json().token;
    expect(
      (await api.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer(token) })).statusCode,
    ).toBe(200);
    const list = await api.app.inject({ method: "GET", url: "/v1/users", headers: bearer(adminToken) });
    const leaver = list.json().users.find((u: { username: string }) => u.username === "leaver");
    expect(leaver.disabled_at).toBeNull();

    const disabled = await api.app.inject({
      method: "PATCH",
      url: `/v1/users/${leaver.id}`,
      headers: bearer(adminToken),
      payload: { disabled: true },
    });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().disabled_at).not.toBeNull();
    expect(
      (await api.app.inject({ method: "GET", url: "/v1/datasets", headers: bearer(token) })).statusCode,
    ).toBe(401);
    expect(
      (await signIn({ username: "leaver", password }, { forwardedFor: "198.51.100.51" })).statusCode,
    ).toBe(401);

    const enabled = await api.app.inject({
      method: "PATCH",
      url: `/v1/users/${leaver.id}`,
      headers: bearer(adminToken),
      payload: { disabled: false },
    });
    expect(enabled.json().disabled_at).toBeNull();
    expect(
      (await signIn({ username: "leaver", password }, { forwardedFor: "198.51.100.52" })).statusCode,
    ).toBe(201);
    // Another organisation's admin cannot see or disable the user.
    const foreign = await api.app.inject({
      method: "PATCH",
      url: `/v1/users/${leaver.id}`,
      headers: bearer(admin.admin),
      payload: { disabled: true },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it("have an old password hash (scrypt N = 2^14) verified and replaced by one with N = 2^17", async () => {
    const salt = Buffer.from("fedcba9876543210");
    const key = scryptSync(password, salt, 64, { N: 16384, r: 8, p: 1 });
    const legacy = ["scrypt", 16384, 8, 1, salt.toString("base64url"), key.toString("base64url")].join("$");
    await queryRows(
      api.app.database.db,
      sql`UPDATE users SET password_hash = ${legacy} WHERE username = 'rehashed'`,
    );
    const res = await signIn({ username: "rehashed", password }, { forwardedFor: "198.51.100.60" });
    expect(res.statusCode).toBe(201);
    const [row] = await queryRows<{ password_hash: string }>(
      api.app.database.db,
      sql`SELECT password_hash FROM users WHERE username = 'rehashed'`,
    );
    expect(row?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(
      (await signIn({ username: "rehashed", password }, { forwardedFor: "198.51.100.61" })).statusCode,
    ).toBe(201);
  });
});
