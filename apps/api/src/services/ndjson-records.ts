import { ApiError } from "../errors.js";

/**
 * Parses newline-delimited JSON (one record per line) incrementally, yielding each line's value as
 * soon as the line ends. Blank lines are skipped; `\r\n` endings are accepted. A line that is not JSON
 * fails with `malformed_body` naming the line (1-based), never echoing its contents.
 *
 * @param chunks - the body as text chunks
 * @param maxLineChars - longest line accepted
 * @returns each line's value, in order
 * @example
 * ```ts
 * for await (const row of ndjsonRecords(decodeUtf8(body))) validator.push(row);
 * ```
 */
export async function* ndjsonRecords(
  chunks: AsyncIterable<string>,
  maxLineChars = 1_048_576,
): AsyncGenerator<unknown> {
  let pending = "";
  let line = 0;
  const parse = (text: string): { value: unknown } | null => {
    line += 1;
    if (text.trim().length === 0) return null;
    try {
      return { value: JSON.parse(text) };
    } catch {
      throw new ApiError("malformed_body", `Malformed JSON on line ${line}`);
    }
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf("\n", from);
      if (newline === -1) break;
      const text = pending + chunk.slice(from, newline);
      pending = "";
      from = newline + 1;
      const parsed = parse(text);
      if (parsed !== null) yield parsed.value;
    }
    pending += chunk.slice(from);
    if (pending.length > maxLineChars) {
      throw new ApiError("validation_failed", `Line ${line + 1} is longer than ${maxLineChars} characters`, {
        issues: [{ message: `line ${line + 1} is longer than ${maxLineChars} characters` }],
        issueCount: 1,
      });
    }
  }
  const last = parse(pending);
  if (last !== null) yield last.value;
}
