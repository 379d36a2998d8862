import { createHmac } from "node:crypto";

/**
 * A stable record id for a statutory row that has none (a 903 episode, a CIN census plan): a keyed
 * hash (HMAC-SHA256 with the authority's id key) of the dataset and the identifying values, as
 * `<prefix>-<24 hex digits>`. The same key and values always give the same id, so re-importing a
 * return updates records instead of duplicating them; the child's identifier never appears in the id
 * (the API pseudonymises `child_id`, not other key fields), and without the key the id cannot be
 * traced back to a child.
 *
 * @param idKey - the authority's id key (keep it: a new key gives every record a new id)
 * @param prefix - short readable prefix, e.g. `EP` for a care episode
 * @param parts - the identifying values, e.g. child id and start date
 * @returns the id
 * @example
 * ```ts
 * recordId("a-long-secret-key-0123", "EP", ["1001", "2019-04-01"]); // "EP-…" (24 hex digits)
 * ```
 */
export function recordId(idKey: string, prefix: string, parts: readonly string[]): string {
  const text = [prefix, ...parts].map((p) => `${p.length}:${p}`).join("");
  return `${prefix}-${createHmac("sha256", idKey).update(text).digest("hex").slice(0, 24)}`;
}
