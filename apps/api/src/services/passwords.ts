import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";
import { ApiError } from "../errors.js";
import { createSemaphore, SemaphoreFull } from "./semaphore.js";

/**
 * The scrypt parameters new hashes use: N = 2^17, r = 8, p = 1, OWASP's current minimum. Each
 * derivation needs 128 · N · r bytes (128 MiB) and about half a second of one core.
 */
export const passwordParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 64 } as const;

/** Node's scrypt refuses more than 32 MiB unless told; allow what the parameters need, with room. */
const maxmem = 2 * 128 * passwordParams.N * passwordParams.r;

function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, keyLength, { ...options, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

interface StoredHash {
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly salt: Buffer;
  readonly hash: Buffer;
}

function parseHash(stored: string): StoredHash | null {
  const [scheme, n, r, p, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || rest.length > 0 || salt === undefined || hash === undefined) return null;
  const [N, R, P] = [Number(n), Number(r), Number(p)];
  if (![N, R, P].every((v) => Number.isInteger(v) && v > 0)) return null;
  // Never derive with parameters above the current ones: a planted hash must not cost more.
  if (N > passwordParams.N || R > passwordParams.r || P > passwordParams.p) return null;
  return { N, r: R, p: P, salt: Buffer.from(salt, "base64url"), hash: Buffer.from(hash, "base64url") };
}

/**
 * Whether a stored hash was made with parameters other than {@link passwordParams}, so it should be
 * replaced by a new hash the next time the password is known (at sign-in).
 *
 * @param stored - a hash from {@link PasswordHasher.hash} (any parameters)
 * @returns true when it should be rehashed
 * @example
 * ```ts
 * needsRehash("scrypt$16384$8$1$c2FsdA$aGFzaA"); // true
 * ```
 */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  return (
    parsed === null ||
    parsed.N !== passwordParams.N ||
    parsed.r !== passwordParams.r ||
    parsed.p !== passwordParams.p
  );
}

/** Hashes and checks passwords, a few at a time (each derivation holds 128 MiB). */
export interface PasswordHasher {
  /**
   * Hashes a password with scrypt ({@link passwordParams}) and a random salt, as the self-describing
   * `scrypt$N$r$p$salt$hash` (base64url), so parameters can be raised without breaking old hashes.
   */
  hash(password: string): Promise<string>;
  /** Checks a password against a stored hash of any parameters up to the current ones, in constant time. */
  verify(password: string, stored: string): Promise<boolean>;
  /** Spends the time of one verification and answers false: for an unknown username. */
  verifyDecoy(password: string): Promise<false>;
}

/**
 * Creates the API's password hasher: at most `concurrent` derivations at once (the rest wait in a
 * line of at most `maxWaiting`; beyond it `503 unavailable` with `Retry-After`), so a burst of
 * sign-ins cannot take the memory or every core.
 *
 * @param options - derivations at once (default 2) and the longest line (default 50)
 * @returns the hasher
 * @example
 * ```ts
 * const passwords = createPasswordHasher();
 * const stored = await passwords.hash("correct horse battery staple");
 * await passwords.verify("correct horse battery staple", stored); // true
 * ```
 */
export function createPasswordHasher(
  options: { concurrent?: number; maxWaiting?: number } = {},
): PasswordHasher {
  const gate = createSemaphore({ permits: options.concurrent ?? 2, maxWaiting: options.maxWaiting ?? 50 });
  const gated = async <T>(work: () => Promise<T>): Promise<T> => {
    let release: () => void;
    try {
      release = await gate.acquire();
    } catch (error) {
      if (error instanceof SemaphoreFull)
        throw new ApiError("unavailable", "Too many sign-ins at once; try again in a moment", {
          retryAfterSeconds: 2,
        });
      throw error;
    }
    try {
      return await work();
    } finally {
      release();
    }
  };
  const hash = (password: string) =>
    gated(async () => {
      const salt = randomBytes(16);
      const { N, r, p, keyLength } = passwordParams;
      const key = await derive(password, salt, keyLength, { N, r, p });
      return ["scrypt", N, r, p, salt.toString("base64url"), key.toString("base64url")].join("$");
    });
  const verify = (password: string, stored: string) =>
    gated(async () => {
      const parsed = parseHash(stored);
      if (parsed === null || parsed.hash.length === 0) return false;
      const key = await derive(password, parsed.salt, parsed.hash.length, {
        N: parsed.N,
        r: parsed.r,
        p: parsed.p,
      });
      return key.length === parsed.hash.length && timingSafeEqual(key, parsed.hash);
    });
  let decoy: Promise<string> | undefined;
  return {
    hash,
    verify,
    async verifyDecoy(password) {
      decoy ??= hash("decoy password for unknown users");
      await verify(password, await decoy);
      return false;
    },
  };
}
