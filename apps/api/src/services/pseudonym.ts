import { createHmac, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Length of a pseudonym in hex characters (128 bits of the HMAC). */
export const pseudonymLength = 32;

/**
 * Replaces a person identifier (child_id, worker_id) with a keyed pseudonym:
 * HMAC-SHA256(key, organisation id + ":" + value), hex, truncated to 32 characters. The same child in
 * the same organisation always gets the same pseudonym, so records still link across datasets; the
 * raw identifier cannot be recovered without the key, and two organisations' children never collide.
 *
 * @param key - the deployment's pseudonym secret
 * @param organisationId - the organisation the record belongs to
 * @param value - the raw identifier as posted
 * @returns 32 lowercase hex characters
 * @example
 * ```ts
 * pseudonymise("a-long-secret-key", "default", "C12345"); // "3f0c…" (32 hex characters)
 * ```
 */
export function pseudonymise(key: string, organisationId: string, value: string): string {
  return createHmac("sha256", secretKey(key))
    .update(`${organisationId}:${value}`)
    .digest("hex")
    .slice(0, pseudonymLength);
}

// The key as a KeyObject, made once per key string rather than on every HMAC (a deployment has one).
let cachedKey: { readonly text: string; readonly key: KeyObject } | undefined;

function secretKey(text: string): KeyObject {
  if (cachedKey?.text !== text) cachedKey = { text, key: createSecretKey(Buffer.from(text, "utf8")) };
  return cachedKey.key;
}

/**
 * Returns a copy of `record` with each of `personFields` that holds a string replaced by its pseudonym.
 *
 * @param key - the deployment's pseudonym secret
 * @param organisationId - the organisation the record belongs to
 * @param record - a validated record
 * @param personFields - the dataset's person-identifier fields
 * @param memo - pseudonyms already computed with this same key and organisation, by raw value (one map
 *   per batch; it holds raw identifiers, so it must not outlive the batch)
 * @returns the pseudonymised record (the input is not changed)
 * @example
 * ```ts
 * pseudonymiseRecord(k, "default", { child_id: "C1", sex: "F" }, ["child_id"]); // { child_id: "…", sex: "F" }
 * ```
 */
export function pseudonymiseRecord<T extends Record<string, unknown>>(
  key: string,
  organisationId: string,
  record: T,
  personFields: readonly string[],
  memo?: Map<string, string>,
): T {
  const out: Record<string, unknown> = { ...record };
  for (const field of personFields) {
    const value = out[field];
    if (typeof value !== "string") continue;
    let pseudonym = memo?.get(value);
    if (pseudonym === undefined) {
      pseudonym = pseudonymise(key, organisationId, value);
      // A batch repeats the same child many times (one HMAC each was 12 µs: a fifth of ingestion).
      if (memo !== undefined && memo.size < maxMemoEntries) memo.set(value, pseudonym);
    }
    out[field] = pseudonym;
  }
  return out as T;
}

/** Most pseudonyms one memo holds (about 10 MB): a batch with more distinct people just hashes the rest. */
const maxMemoEntries = 100_000;

/**
 * Returns the pseudonym key to use: the configured one, or (embedded store only) the one kept in
 * `dataDir/pseudonym.key`, generated with mode 0600 on first start.
 *
 * @param configured - `KPI_PSEUDONYM_KEY`, if set
 * @param dataDir - the embedded store's directory
 * @returns the key
 * @example
 * ```ts
 * const key = loadOrCreatePseudonymKey(undefined, "/srv/kpi/.data");
 * ```
 */
export function loadOrCreatePseudonymKey(configured: string | undefined, dataDir: string): string {
  if (configured !== undefined) return configured;
  const file = join(dataDir, "pseudonym.key");
  if (existsSync(file)) {
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 16) return stored;
    throw new Error(`The pseudonym key in ${file} is too short; restore it from a backup`);
  }
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString("hex");
  writeFileSync(file, `${key}\n`, { mode: 0o600, flag: "wx" });
  chmodSync(file, 0o600);
  return key;
}
