/**
 * The `Idempotency-Key` of one batch of an ingest: `<run>.<batch number>.<hash>`, where `hash` is the
 * first 32 hex digits of the SHA-256 of the dataset, mode, content type and body. A retry of the batch
 * (after a dropped connection) sends the same key, so the API answers it with the first result and
 * writes nothing twice. `run` differs between ingests (a random id unless the caller names one), so
 * re-posting the same content later is a new write, not a replay of an old answer.
 *
 * @param run - the ingest's run id (1–100 printable ASCII characters)
 * @param batch - 0-based batch number
 * @param parts - what the batch sends: dataset, mode, content type, body
 * @returns the key (at most 200 printable ASCII characters)
 * @example
 * ```ts
 * await batchIdempotencyKey("nightly-2019-10-01", 0, ["children", "upsert", "text/csv", "child_id,sex\r\nC1,F\r\n"]);
 * // "nightly-2019-10-01.0.5d1c…" (32 hex digits)
 * ```
 */
export async function batchIdempotencyKey(
  run: string,
  batch: number,
  parts: readonly string[],
): Promise<string> {
  const text = parts.map((p) => `${p.length}:${p}`).join("");
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${run}.${batch}.${hex.slice(0, 32)}`;
}
