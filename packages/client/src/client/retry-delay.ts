/** Longest wait between two attempts, whatever the server asks for. */
export const MAX_RETRY_DELAY_MS = 30_000;

/**
 * How long to wait before retry number `attempt` (1 for the first retry): exponential backoff,
 * `baseMs · 2^(attempt−1)`, or the server's `Retry-After` (seconds) when that is longer, never more
 * than {@link MAX_RETRY_DELAY_MS}. `jitter` (0–1, default 1 = none) scales the backoff part down so
 * that many clients retrying together spread out.
 *
 * @param attempt - 1 for the first retry, 2 for the second …
 * @param baseMs - the first delay
 * @param retryAfter - the `Retry-After` header, if any (seconds; an HTTP date is ignored)
 * @param jitter - factor applied to the backoff, in (0, 1]
 * @returns milliseconds to wait
 * @example
 * ```ts
 * retryDelay(1, 500); // 500
 * retryDelay(3, 500); // 2000
 * retryDelay(1, 500, "4"); // 4000
 * ```
 */
export function retryDelay(attempt: number, baseMs: number, retryAfter?: string | null, jitter = 1): number {
  const backoff = baseMs * 2 ** Math.max(0, attempt - 1) * jitter;
  const asked =
    retryAfter !== null && retryAfter !== undefined && /^\d+$/.test(retryAfter.trim())
      ? Number(retryAfter.trim()) * 1000
      : 0;
  return Math.min(MAX_RETRY_DELAY_MS, Math.max(backoff, asked));
}
