/**
 * Whether a request's `If-None-Match` header matches an entity tag, so a `GET` may be answered with
 * `304 Not Modified` (RFC 9110 §13.1.2: `*`, or any listed tag equal under weak comparison, which
 * ignores a `W/` prefix).
 *
 * @param header - the request's `If-None-Match` value (absent: no match)
 * @param etag - the current representation's entity tag, quoted (`"abc"`)
 * @returns true when the client already holds this representation
 * @example
 * ```ts
 * ifNoneMatch('"x", W/"abc"', '"abc"'); // true
 * ifNoneMatch('"x"', '"abc"'); // false
 * ```
 */
export function ifNoneMatch(header: string | string[] | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const value = Array.isArray(header) ? header.join(",") : header;
  const wanted = opaque(etag);
  for (const raw of value.split(",")) {
    const candidate = raw.trim();
    if (candidate === "*") return true;
    if (candidate !== "" && opaque(candidate) === wanted) return true;
  }
  return false;
}

function opaque(tag: string): string {
  return tag.startsWith("W/") ? tag.slice(2) : tag;
}
