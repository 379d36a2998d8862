import type { RowSource } from "../errors/kpi-client-error.js";
import { readCsvTable } from "./csv-table.js";

/** How a records file is written. */
export type RecordFileFormat = "csv" | "json" | "ndjson";

/** One record read from a file, with where it came from. */
export interface SourcedRecord {
  /** Field → value (CSV: cell text; JSON and NDJSON: JSON values). */
  readonly values: Record<string, unknown>;
  /** File, line and position. */
  readonly source: RowSource;
}

/** Outcome of {@link parseRecordFile}. */
export type RecordFileResult =
  | { ok: true; format: RecordFileFormat; records: SourcedRecord[] }
  | { ok: false; error: string };

/**
 * The format of a records file: by extension (`.csv`, `.json`, `.ndjson`/`.jsonl`), otherwise by
 * content (a leading `[` or a whole `{ "records": … }` object is JSON, other `{` lines NDJSON, anything
 * else CSV).
 *
 * @param name - the file name
 * @param text - the file's text
 * @returns the format
 * @example
 * ```ts
 * recordFileFormat("children.csv", ""); // "csv"
 * recordFileFormat("extract.txt", '{"child_id":"C1"}\n{"child_id":"C2"}\n'); // "ndjson"
 * ```
 */
export function recordFileFormat(name: string, text: string): RecordFileFormat {
  const lower = name.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".ndjson") || lower.endsWith(".jsonl")) return "ndjson";
  if (lower.endsWith(".json")) return "json";
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[")) return "json";
  if (start.startsWith("{")) {
    try {
      JSON.parse(start);
      return "json";
    } catch {
      return "ndjson";
    }
  }
  return "csv";
}

/**
 * Read the records of one file: CSV (a header row of field names; cells stay text for the API to
 * convert), JSON (`{ "records": [ … ] }` or an array of objects) or NDJSON (one object per line). Each
 * record keeps its file, line (for CSV and NDJSON) and position, so problems can be shown as
 * `file:line`.
 *
 * @param name - the file name as the user gave it (used in messages and for the format)
 * @param text - the file's text
 * @returns the format and records, or what is wrong with the file
 * @example
 * ```ts
 * parseRecordFile("c.ndjson", '{"child_id":"C1","sex":"F"}\n');
 * // { ok: true, format: "ndjson", records: [{ values: { child_id: "C1", sex: "F" },
 * //   source: { file: "c.ndjson", line: 1, index: 0 } }] }
 * ```
 */
export function parseRecordFile(name: string, text: string): RecordFileResult {
  const format = recordFileFormat(name, text);
  const body = text.replace(/^\uFEFF/, "");
  if (format === "csv") {
    const table = readCsvTable(body);
    if (!table.ok) return { ok: false, error: `${name}: ${table.error}` };
    return {
      ok: true,
      format,
      records: table.rows.map((row, index) => ({
        values: row.cells,
        source: { file: name, line: row.line === 0 ? null : row.line, index },
      })),
    };
  }
  if (format === "ndjson") return ndjson(name, body);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    return { ok: false, error: `${name}: not valid JSON (${e instanceof Error ? e.message : String(e)})` };
  }
  const list = Array.isArray(parsed)
    ? parsed
    : isObject(parsed) && Array.isArray(parsed.records)
      ? parsed.records
      : null;
  if (list === null)
    return { ok: false, error: `${name}: JSON must be an array of records or { "records": [ … ] }` };
  const records: SourcedRecord[] = [];
  for (const [index, value] of list.entries()) {
    if (!isObject(value)) return { ok: false, error: `${name}[${index}]: each record must be a JSON object` };
    records.push({ values: value, source: { file: name, line: null, index } });
  }
  return { ok: true, format, records };
}

function ndjson(name: string, text: string): RecordFileResult {
  const records: SourcedRecord[] = [];
  const lines = text.split("\n");
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, error: `${name}:${i + 1}: not a JSON object on this line` };
    }
    if (!isObject(value)) return { ok: false, error: `${name}:${i + 1}: each line must be a JSON object` };
    records.push({ values: value, source: { file: name, line: i + 1, index: records.length } });
  }
  return { ok: true, format: "ndjson", records };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A row's place for messages: `file:line` when the line is known, `file[index]` otherwise.
 *
 * @param source - where the row came from
 * @returns e.g. `episodes.csv:12` or `children.json[3]`
 * @example
 * ```ts
 * sourceLabel({ file: "episodes.csv", line: 12, index: 10 }); // "episodes.csv:12"
 * ```
 */
export function sourceLabel(source: RowSource): string {
  return source.line === null ? `${source.file}[${source.index}]` : `${source.file}:${source.line}`;
}
