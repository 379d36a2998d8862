import { ApiError } from "../errors.js";

/** Limits that keep a hostile JSON body from using unbounded memory or stack. */
export interface JsonLimits {
  /** Deepest nesting allowed inside one record. */
  readonly maxDepth: number;
  /** Longest single record, in characters. */
  readonly maxRecordChars: number;
}

/** Limits used unless a caller sets its own. */
export const defaultJsonLimits: JsonLimits = { maxDepth: 16, maxRecordChars: 1_048_576 };

type Phase =
  | "start"
  | "first_key"
  | "key"
  | "colon"
  | "records_open"
  | "first_element"
  | "element_start"
  | "element"
  | "after_records"
  | "next_key"
  | "done";

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

function malformed(message: string): ApiError {
  return new ApiError("malformed_body", message);
}

function shape(message: string): ApiError {
  return new ApiError("validation_failed", message, {
    issues: [{ field: "records", message }],
    issueCount: 1,
  });
}

/**
 * Parses a JSON body `{ "records": [ … ] }` incrementally, yielding each element of `records` as soon
 * as it is complete, so memory holds one record at a time whatever the body's size. Broken JSON fails
 * with `malformed_body` (naming the record, never echoing its contents); a body of another shape fails
 * with `validation_failed`.
 *
 * @param chunks - the body as text chunks
 * @param limits - nesting and size limits per record
 * @returns the records' values, in order
 * @example
 * ```ts
 * for await (const row of jsonRecords(decodeUtf8(body))) validator.push(row);
 * ```
 */
export async function* jsonRecords(
  chunks: AsyncIterable<string>,
  limits: JsonLimits = defaultJsonLimits,
): AsyncGenerator<unknown> {
  let phase = "start" as Phase;
  let sawRecords = false;
  let index = 0;
  // Current token (key or element) being collected across chunks.
  let parts: string[] = [];
  let partsLength = 0;
  let inString = false;
  let escaped = false;
  let depth = 0;

  const finishElement = (tail: string): unknown => {
    // Most records lie within one chunk: no parts to join.
    const text = parts.length === 0 ? tail.trim() : [...parts, tail].join("").trim();
    parts = [];
    partsLength = 0;
    if (text.length === 0) throw malformed(`Malformed JSON: record ${index} is empty`);
    try {
      return JSON.parse(text);
    } catch {
      throw malformed(`Malformed JSON in record ${index}`);
    }
  };

  for await (const chunk of chunks) {
    let start = 0;
    const n = chunk.length;
    // Position of the next backslash in this chunk at or after the scan (n: none), found lazily.
    let backslash = -1;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (phase) {
        case "element": {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === BACKSLASH) escaped = true;
            else if (c === QUOTE) inString = false;
            else {
              // Jump to the string's next quote or backslash (most of a record is inside strings); the
              // loop then reads that character as above.
              let quote = chunk.indexOf('"', i);
              if (quote < 0) quote = n;
              if (backslash < i) {
                backslash = chunk.indexOf("\\", i);
                if (backslash < 0) backslash = n;
              }
              i = Math.min(quote, backslash) - 1;
            }
            break;
          }
          if (c === QUOTE) inString = true;
          else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            depth += 1;
            if (depth > limits.maxDepth) {
              throw malformed(`Malformed JSON: record ${index} is nested more than ${limits.maxDepth} deep`);
            }
          } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            if (depth === 0) {
              if (c === CLOSE_BRACE) throw malformed(`Malformed JSON in record ${index}`);
              yield finishElement(chunk.slice(start, i));
              index += 1;
              phase = "after_records";
              break;
            }
            depth -= 1;
          } else if (c === COMMA && depth === 0) {
            yield finishElement(chunk.slice(start, i));
            index += 1;
            phase = "element_start";
          }
          break;
        }
        case "key": {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            parts.push(chunk.slice(start, i));
            const raw = parts.join("");
            parts = [];
            partsLength = 0;
            let key: unknown;
            try {
              key = JSON.parse(`"${raw}"`);
            } catch {
              throw malformed("Malformed JSON in a top-level field name");
            }
            if (key !== "records") {
              throw shape('The body must be { "records": [ … ] } with no other top-level fields');
            }
            if (sawRecords) throw shape('The body has "records" twice');
            sawRecords = true;
            phase = "colon";
          }
          break;
        }
        default: {
          if (isWhitespace(c)) break;
          switch (phase) {
            case "start":
              if (c !== OPEN_BRACE) {
                if (c === OPEN_BRACKET || c === QUOTE || (c >= 0x30 && c <= 0x39) || c === 0x2d) {
                  throw shape('The body must be a JSON object: { "records": [ … ] }');
                }
                throw malformed("Malformed JSON: the body must start with {");
              }
              phase = "first_key";
              break;
            case "first_key":
            case "next_key":
              if (c === CLOSE_BRACE && phase === "first_key") {
                phase = "done";
                break;
              }
              if (c !== QUOTE) throw malformed("Malformed JSON: expected a field name");
              phase = "key";
              start = i + 1;
              escaped = false;
              break;
            case "colon":
              if (c !== COLON) throw malformed("Malformed JSON: expected : after a field name");
              phase = "records_open";
              break;
            case "records_open":
              if (c !== OPEN_BRACKET) throw shape('"records" must be an array');
              phase = "first_element";
              break;
            case "first_element":
            case "element_start":
              if (c === CLOSE_BRACKET && phase === "first_element") {
                phase = "after_records";
                break;
              }
              if (c === CLOSE_BRACKET || c === COMMA)
                throw malformed(`Malformed JSON: record ${index} is missing`);
              phase = "element";
              start = i;
              inString = false;
              escaped = false;
              depth = 0;
              // Re-examine this character as the element's first.
              i -= 1;
              break;
            case "after_records":
              if (c === COMMA) phase = "next_key";
              else if (c === CLOSE_BRACE) phase = "done";
              else throw malformed("Malformed JSON after the records array");
              break;
            case "done":
              throw malformed("Malformed JSON: unexpected content after the end of the body");
            default:
              break;
          }
        }
      }
    }
    if (phase === "element" || phase === "key") {
      const rest = chunk.slice(start);
      partsLength += rest.length;
      if (partsLength > limits.maxRecordChars) {
        throw new ApiError(
          "validation_failed",
          `Record ${index} is longer than ${limits.maxRecordChars} characters`,
          {
            issues: [{ row: index, message: `longer than ${limits.maxRecordChars} characters` }],
            issueCount: 1,
          },
        );
      }
      parts.push(rest);
    }
  }
  if (phase === "start") throw malformed('The body is empty; send { "records": [ … ] }');
  if (phase !== "done") throw malformed("Malformed JSON: the body ended early");
  if (!sawRecords) throw shape('The body must have a "records" array');
}
