/** Body formats the records endpoint accepts. */
export type BodyFormat = "json" | "ndjson" | "csv";

/**
 * The body format named by a Content-Type header, or `null` when it is not one the records endpoint
 * accepts. A `charset` other than UTF-8 is refused.
 *
 * @param contentType - the header's value
 * @returns `json`, `ndjson` or `csv`, or `null`
 * @example
 * ```ts
 * bodyFormatOf("text/csv; charset=utf-8"); // "csv"
 * ```
 */
export function bodyFormatOf(contentType: string | undefined): BodyFormat | null {
  if (contentType === undefined) return null;
  const [type = "", ...params] = contentType.split(";").map((p) => p.trim().toLowerCase());
  const charset = params
    .find((p) => p.startsWith("charset="))
    ?.slice("charset=".length)
    .replaceAll('"', "");
  if (charset !== undefined && charset !== "utf-8" && charset !== "utf8") return null;
  switch (type) {
    case "application/json":
      return "json";
    case "application/x-ndjson":
    case "application/ndjson":
    case "application/jsonl":
      return "ndjson";
    case "text/csv":
      return "csv";
    default:
      return null;
  }
}
