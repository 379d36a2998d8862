import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Caller } from "./roles.js";
import { createTokenCache } from "./token-cache.js";
import type { LiveToken } from "./tokens.js";

interface StoredToken {
  caller: Caller;
  expiresAt: number | null;
  revoked: boolean;
}

/** A store of tokens by hash that counts its look-ups and answers like the database query. */
function fakeStore() {
  const tokens = new Map<string, StoredToken>();
  let lookups = 0;
  return {
    tokens,
    get lookups() {
      return lookups;
    },
    add(hash: string, tokenId: string, expiresAt: number | null = null) {
      tokens.set(hash, {
        caller: { organisationId: "default", role: "read", actor: tokenId, tokenId, kind: "api" },
        expiresAt,
        revoked: false,
      });
    },
    async load(hash: string, at: Date): Promise<LiveToken | null> {
      lookups += 1;
      const t = tokens.get(hash);
      if (t === undefined || t.revoked) return null;
      if (t.expiresAt !== null && t.expiresAt <= at.getTime()) return null;
      return { caller: t.caller, expiresAt: t.expiresAt === null ? null : new Date(t.expiresAt) };
    },
  };
}

function setup(ttlMs = 5_000, maxEntries = 100) {
  const store = fakeStore();
  let clock = 1_000_000;
  const cache = createTokenCache({
    load: (hash, at) => store.load(hash, at),
    ttlMs,
    maxEntries,
    now: () => clock,
  });
  return {
    store,
    cache,
    advance(ms: number) {
      clock += ms;
    },
    get clock() {
      return clock;
    },
  };
}

describe("createTokenCache", () => {
  it("asks the store once per token within the time bound, and again after it", async () => {
    const t = setup(5_000);
    t.store.add("h1", "t1");
    expect((await t.cache.resolve("h1"))?.tokenId).toBe("t1");
    t.advance(4_999);
    expect((await t.cache.resolve("h1"))?.tokenId).toBe("t1");
    expect(t.store.lookups).toBe(1);
    t.advance(1);
    expect((await t.cache.resolve("h1"))?.tokenId).toBe("t1");
    expect(t.store.lookups).toBe(2);
  });

  it("refuses a cached token from the moment it expires, inside the time bound", async () => {
    const t = setup(5_000);
    t.store.add("h1", "t1", t.clock + 2_000);
    expect(await t.cache.resolve("h1")).not.toBeNull();
    t.advance(1_999);
    expect(await t.cache.resolve("h1")).not.toBeNull();
    t.advance(1);
    expect(await t.cache.resolve("h1")).toBeNull();
  });

  it("refuses a token from the next request after forget(), its revocation in this process", async () => {
    const t = setup(60_000);
    t.store.add("h1", "t1");
    t.store.add("h2", "t2");
    await t.cache.resolve("h1");
    await t.cache.resolve("h2");
    const entry = t.store.tokens.get("h1");
    if (entry !== undefined) entry.revoked = true;
    t.cache.forget("t1");
    expect(await t.cache.resolve("h1")).toBeNull();
    // Other tokens stay cached.
    const before = t.store.lookups;
    expect((await t.cache.resolve("h2"))?.tokenId).toBe("t2");
    expect(t.store.lookups).toBe(before);
  });

  it("does not keep a look-up that was in flight while a token was revoked", async () => {
    const t = setup(60_000);
    t.store.add("h1", "t1");
    const inFlight = t.cache.resolve("h1");
    // Revoked after the store answered but before the answer was stored.
    const entry = t.store.tokens.get("h1");
    if (entry !== undefined) entry.revoked = true;
    t.cache.forget("t1");
    expect((await inFlight)?.tokenId).toBe("t1");
    expect(await t.cache.resolve("h1")).toBeNull();
  });

  it("never caches unknown tokens, and caches nothing with a zero bound", async () => {
    const t = setup(5_000);
    expect(await t.cache.resolve("nope")).toBeNull();
    expect(await t.cache.resolve("nope")).toBeNull();
    expect(t.store.lookups).toBe(2);
    expect(t.cache.size).toBe(0);

    const off = setup(0);
    off.store.add("h1", "t1");
    await off.cache.resolve("h1");
    await off.cache.resolve("h1");
    expect(off.store.lookups).toBe(2);
    expect(off.cache.size).toBe(0);
  });

  it("keeps at most maxEntries tokens, whatever the order of look-ups", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 60 }),
        async (max, order) => {
          const t = setup(60_000, max);
          for (let i = 0; i <= 20; i++) t.store.add(`h${i}`, `t${i}`);
          for (const i of order) {
            expect((await t.cache.resolve(`h${i}`))?.tokenId).toBe(`t${i}`);
            expect(t.cache.size).toBeLessThanOrEqual(max);
          }
        },
      ),
    );
  });
});
