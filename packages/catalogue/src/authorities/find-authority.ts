import type { Authority } from "./authority.js";
import { englandAuthorities } from "./england-authorities.js";

const byCode = new Map<string, Authority>();
for (const authority of englandAuthorities) {
  byCode.set(authority.oldCode, authority);
  byCode.set(authority.newCode, authority);
}

/**
 * Finds an authority of England by its old three-digit code or its nine-character code.
 *
 * @param code - e.g. `885` or `E10000034` (surrounding spaces ignored, letters in any case)
 * @returns the authority, or `null` when no authority has that code
 * @example
 * ```ts
 * findAuthority("885")?.name; // "Worcestershire"
 * findAuthority("E10000034")?.oldCode; // "885"
 * findAuthority("999"); // null
 * ```
 */
export function findAuthority(code: string): Authority | null {
  return byCode.get(code.trim().toUpperCase()) ?? null;
}
