/**
 * Compares what a documented example printed with the output its document shows.
 *
 * `text`: every non-blank line shown must be a whole line of the output (trailing spaces ignored). A
 * line that is only `…` stands for lines left out; a `…` inside a line stands for any text there, so
 * `{"tokens":[…"name":"nightly-load"…]}` matches a line that starts with `{"tokens":[`, contains
 * `"name":"nightly-load"` and ends with `]}`.
 *
 * `json`: the shown value must match the whole output, or one of its lines, parsed as JSON. The string
 * `"…"` matches any value; an object must have exactly the keys shown unless it shows `"…": "…"`; an
 * array ending with `"…"` must start with the elements shown.
 */

const ELLIPSIS = "…";

function lineMatches(expected: string, actual: string): boolean {
  if (!expected.includes(ELLIPSIS)) return expected === actual;
  const parts = expected.split(ELLIPSIS);
  const first = parts[0] ?? "";
  const last = parts[parts.length - 1] ?? "";
  if (!actual.startsWith(first) || !actual.endsWith(last)) return false;
  let at = first.length;
  for (const part of parts.slice(1, -1)) {
    const found = actual.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return actual.length - last.length >= at;
}

function jsonMatches(expected: unknown, actual: unknown): boolean {
  if (expected === ELLIPSIS) return true;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return false;
    const open = expected[expected.length - 1] === ELLIPSIS;
    const shown = open ? expected.slice(0, -1) : expected;
    if (open ? actual.length < shown.length : actual.length !== shown.length) return false;
    return shown.every((e, i) => jsonMatches(e, actual[i]));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return false;
    const shown = Object.entries(expected).filter(([key]) => key !== ELLIPSIS);
    const open = ELLIPSIS in expected;
    if (!open && Object.keys(actual).length !== shown.length) return false;
    return shown.every(
      ([key, value]) => key in actual && jsonMatches(value, (actual as Record<string, unknown>)[key]),
    );
  }
  return Object.is(expected, actual);
}

function parsed(text: string): unknown[] {
  const values: unknown[] = [];
  for (const candidate of [text, ...text.split("\n")]) {
    if (candidate.trim() === "") continue;
    try {
      values.push(JSON.parse(candidate));
    } catch {
      // not JSON: not a candidate
    }
  }
  return values;
}

/**
 * What in a documented output the actual output does not show.
 *
 * @param expected - the output block: its language (`text` or `json`) and body
 * @param output - what the example printed (standard output and error)
 * @returns one message per expectation not met; empty when the output matches
 * @example
 * outputMismatches({ lang: "text", body: "3 inserted\n…" }, "read 3\n3 inserted\n"); // []
 */
export function outputMismatches(
  expected: { readonly lang: "text" | "json"; readonly body: string },
  output: string,
): string[] {
  const lines = output.split(/\r?\n|\r/).map((l) => l.trimEnd());
  if (expected.lang === "json") {
    let shown: unknown;
    try {
      shown = JSON.parse(expected.body);
    } catch (error) {
      return [`the documented JSON output does not parse: ${(error as Error).message}`];
    }
    return parsed(lines.join("\n")).some((value) => jsonMatches(shown, value))
      ? []
      : [`no JSON in the output matches the documented ${expected.body.replace(/\s+/g, " ")}`];
  }
  return expected.body
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "" && l.trim() !== ELLIPSIS)
    .filter((l) => !lines.some((actual) => lineMatches(l, actual)))
    .map((l) => `the output has no line matching: ${l}`);
}
