import type { Caller } from "./roles.js";
import type { LiveToken } from "./tokens.js";

/** Options of {@link createTokenCache}. */
export interface TokenCacheOptions {
  /** Looks a token up by hash in the store, valid at the given time (normally `findLiveToken`). */
  readonly load: (tokenHash: string, at: Date) => Promise<LiveToken | null>;
  /** How long a looked-up token is trusted without asking the store again, in ms (0: never cached). */
  readonly ttlMs: number;
  /** Most tokens kept; the oldest entry is dropped first. */
  readonly maxEntries: number;
  /** The clock, in ms since the epoch (`Date.now` unless a test passes its own). */
  readonly now?: () => number;
}

/** An in-process cache of token look-ups by token hash (decision 115). */
export interface TokenCache {
  /**
   * The caller a token hash stands for, from the cache when it was looked up less than `ttlMs` ago
   * and has not expired since, otherwise from the store. Unknown, revoked and expired tokens are never
   * cached: each one asks the store again.
   */
  resolve(tokenHash: string): Promise<Caller | null>;
  /**
   * Drops a token from the cache (call it when the token is revoked), so this process refuses it from
   * the next request on. A look-up in flight while it runs is not cached.
   */
  forget(tokenId: string): void;
  /** Drops every entry (revocations may have been missed: the notification connection was lost). */
  forgetAll(): void;
  /** How many tokens are cached now. */
  readonly size: number;
}

interface Entry {
  readonly caller: Caller;
  /** Until when the entry may be used: the earlier of the cache's bound and the token's expiry. */
  readonly validUntil: number;
}

/**
 * Creates the cache the auth plugin resolves bearer tokens through. Entries are keyed by token hash
 * (never the token), live at most `ttlMs` and never past the token's own expiry; revoking a token in
 * this process drops it at once ({@link TokenCache.forget}); other processes drop it when the
 * database's notification reaches them, and in any case trust their own entry for at most `ttlMs`
 * (decisions 115 and 145).
 *
 * @param options - how to load a token, the time bound, the size cap and the clock
 * @returns the cache
 * @example
 * ```ts
 * const cache = createTokenCache({ load: (hash, at) => findLiveToken(db, hash, at), ttlMs: 5_000, maxEntries: 10_000 });
 * const caller = await cache.resolve(hashToken(token));
 * ```
 */
export function createTokenCache(options: TokenCacheOptions): TokenCache {
  const { load, ttlMs, maxEntries } = options;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  // Bumped by every forget(): a look-up that started before a revocation must not store what it read.
  let generation = 0;

  return {
    async resolve(tokenHash) {
      const at = now();
      const cached = entries.get(tokenHash);
      if (cached !== undefined) {
        if (at < cached.validUntil) return cached.caller;
        entries.delete(tokenHash);
      }
      const started = generation;
      const live = await load(tokenHash, new Date(at));
      if (live === null) return null;
      if (ttlMs > 0 && maxEntries > 0 && started === generation) {
        const expiry = live.expiresAt?.getTime() ?? Number.POSITIVE_INFINITY;
        entries.delete(tokenHash);
        entries.set(tokenHash, { caller: live.caller, validUntil: Math.min(at + ttlMs, expiry) });
        while (entries.size > maxEntries) {
          const oldest = entries.keys().next().value;
          if (oldest === undefined) break;
          entries.delete(oldest);
        }
      }
      return live.caller;
    },
    forget(tokenId) {
      generation += 1;
      for (const [hash, entry] of entries) if (entry.caller.tokenId === tokenId) entries.delete(hash);
    },
    forgetAll() {
      generation += 1;
      entries.clear();
    },
    get size() {
      return entries.size;
    },
  };
}
