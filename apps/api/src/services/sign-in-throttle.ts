import { ApiError } from "../errors.js";

/** The limits of {@link createSignInThrottle} (decision 142); every one is per API instance. */
export interface SignInLimits {
  /** Sign-in attempts one address may make per minute, right or wrong. */
  readonly attemptsPerAddressPerMinute: number;
  /** Failed sign-ins one address may make in {@link SignInLimits.failureWindowMs}, any usernames. */
  readonly failuresPerAddress: number;
  /** How long a failure counts against its address and its username, in ms. */
  readonly failureWindowMs: number;
  /** Failures of one username (from anywhere) before its back-off starts. */
  readonly freeFailuresPerUsername: number;
  /** The first back-off, doubled with each further failure, in ms. */
  readonly firstDelayMs: number;
  /** The longest back-off, in ms. */
  readonly maxDelayMs: number;
  /** Most addresses and usernames remembered; the oldest are forgotten first. */
  readonly maxEntries: number;
}

/** The limits the API uses. */
export const signInLimits: SignInLimits = {
  attemptsPerAddressPerMinute: 60,
  failuresPerAddress: 50,
  failureWindowMs: 15 * 60_000,
  freeFailuresPerUsername: 3,
  firstDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  maxEntries: 100_000,
};

/** Counts sign-in attempts and failures, and refuses attempts that come too fast. */
export interface SignInThrottle {
  /**
   * Throws `429 rate_limited` (with `retryAfterSeconds`) when this attempt must not be checked: the
   * address is over its attempts per minute or its failures, or the username is backing off and this
   * address has failed before. An address with no recent failures is never held back by a username's
   * back-off, so a guesser cannot lock the person out.
   */
  admit(address: string, username: string): void;
  /** Records a failed attempt (wrong password, unknown or disabled user). */
  failed(address: string, username: string): void;
}

interface UsernameState {
  failures: number;
  lastFailureAt: number;
}

/** Keeps at most `max` entries, dropping the least recently touched first. */
function touch<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/**
 * Creates the sign-in throttle: per client address, a limit on attempts per minute and on failures
 * in a window; per username, an exponential back-off after a few failures (1 s, 2 s, 4 s … up to
 * 15 minutes) that applies only to addresses which have themselves failed recently. The address is
 * the client's as the API determines it (`X-Forwarded-For` only from `KPI_TRUSTED_PROXIES`), never a
 * header the client chooses.
 *
 * @param options - the clock (ms since the epoch) and limits to override (tests)
 * @returns the throttle
 * @example
 * ```ts
 * const throttle = createSignInThrottle();
 * throttle.admit(request.ip, username); // throws 429 when held back
 * if (session === null) throttle.failed(request.ip, username);
 * ```
 */
export function createSignInThrottle(
  options: { now?: () => number; limits?: Partial<SignInLimits> } = {},
): SignInThrottle {
  const now = options.now ?? Date.now;
  const limits = { ...signInLimits, ...options.limits };
  const attempts = new Map<string, number[]>();
  const failures = new Map<string, number[]>();
  const usernames = new Map<string, UsernameState>();

  const recent = (map: Map<string, number[]>, key: string, windowMs: number, at: number): number[] =>
    (map.get(key) ?? []).filter((t) => at - t < windowMs);

  const refuse = (message: string, untilMs: number, at: number): never => {
    const seconds = Math.max(1, Math.ceil((untilMs - at) / 1000));
    throw new ApiError("rate_limited", `${message}; try again in ${seconds} s`, {
      retryAfterSeconds: seconds,
    });
  };

  const backOffMs = (failed: number): number => {
    const over = failed - limits.freeFailuresPerUsername;
    return over < 0 ? 0 : Math.min(limits.maxDelayMs, limits.firstDelayMs * 2 ** over);
  };

  return {
    admit(address, username) {
      const at = now();
      const tried = recent(attempts, address, 60_000, at);
      if (tried.length >= limits.attemptsPerAddressPerMinute)
        refuse("Too many sign-in attempts from this address", (tried[0] ?? at) + 60_000, at);
      tried.push(at);
      touch(attempts, address, tried, limits.maxEntries);

      const failedHere = recent(failures, address, limits.failureWindowMs, at);
      if (failedHere.length >= limits.failuresPerAddress)
        refuse(
          "Too many failed sign-ins from this address",
          (failedHere[0] ?? at) + limits.failureWindowMs,
          at,
        );

      const state = usernames.get(username);
      if (state === undefined || failedHere.length === 0) return;
      if (at - state.lastFailureAt >= limits.failureWindowMs) {
        usernames.delete(username);
        return;
      }
      const until = state.lastFailureAt + backOffMs(state.failures);
      if (at < until) refuse("Too many failed sign-ins for this username", until, at);
    },
    failed(address, username) {
      const at = now();
      const failedHere = recent(failures, address, limits.failureWindowMs, at);
      failedHere.push(at);
      touch(failures, address, failedHere.slice(-limits.failuresPerAddress), limits.maxEntries);
      const state = usernames.get(username);
      const stale = state === undefined || at - state.lastFailureAt >= limits.failureWindowMs;
      touch(
        usernames,
        username,
        { failures: stale ? 1 : state.failures + 1, lastFailureAt: at },
        limits.maxEntries,
      );
    },
  };
}
