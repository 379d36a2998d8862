import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type CsvError, type Options, parse } from "csv-parse";
import { parse as parseSync } from "csv-parse/sync";

/**
 * A CSV file that cannot be read as a table (broken quoting, a row with the wrong number of cells, a
 * bad header). `line` is the 1-based line of the file where the problem was found.
 *
 * @example
 * ```ts
 * const e = new CsvFormatError("a quoted cell is not closed", 3);
 * e.message; // "line 3: a quoted cell is not closed"
 * ```
 */
export class CsvFormatError extends Error {
  /** 1-based line number in the file. */
  readonly line: number;

  /**
   * @param reason - what is wrong, in words
   * @param line - 1-based line number
   */
  constructor(reason: string, line: number) {
    super(`line ${line}: ${reason}`);
    this.name = "CsvFormatError";
    this.line = line;
  }
}

/** Outcome of {@link parseCsv}. */
export type ParseCsvResult =
  | { ok: true; header: string[]; rows: Record<string, string>[] }
  | { ok: false; error: string };

const OPTIONS: Options = {
  bom: true,
  skip_empty_lines: true,
  skip_records_with_empty_values: true,
  relax_column_count: false,
};

/**
 * Parse a whole CSV text: the first row is the header (cells trimmed, byte-order mark stripped), each
 * further row becomes an object from header names to cell text (cells as written; the validator
 * converts them). Blank lines and rows whose cells are all empty are skipped.
 *
 * @param text - the CSV text (RFC 4180; `,` separator, `"` quotes)
 * @returns the header and rows, or an error naming the line
 * @example
 * ```ts
 * parseCsv("child_id,sex\nC1,F\n");
 * // { ok: true, header: ["child_id", "sex"], rows: [{ child_id: "C1", sex: "F" }] }
 * parseCsv('child_id,sex\n"C1,F\n').ok; // false: "line 2: a quoted cell is not closed …"
 * ```
 */
export function parseCsv(text: string): ParseCsvResult {
  let table: string[][];
  try {
    table = parseSync(text, OPTIONS) as string[][];
  } catch (e) {
    const error = toFormatError(e);
    const opened = (e as { code?: string }).code === "CSV_QUOTE_NOT_CLOSED" ? unclosedQuoteLine(text) : null;
    return {
      ok: false,
      error:
        opened === null
          ? error.message
          : `line ${opened}: a quoted cell opened here is never closed (a " is missing)`,
    };
  }
  const [first, ...rest] = table;
  if (!first) return { ok: false, error: "line 1: the file is empty; the first row must name the fields" };
  const header = checkHeader(first);
  if (header instanceof CsvFormatError) return { ok: false, error: header.message };
  return { ok: true, header, rows: rest.map((cells) => rowObject(header, cells)) };
}

/**
 * Read CSV rows one at a time from a stream of chunks, holding only one row in memory (for large
 * uploads). Same rules as {@link parseCsv}.
 *
 * @param source - chunks of the file (an async iterable of buffers or strings, or a Node readable stream)
 * @returns an async iterable of row objects
 * @throws CsvFormatError when the file is not a readable table (broken quoting, ragged rows, bad header)
 * @example
 * ```ts
 * for await (const row of csvRecords(request.raw)) validator.push(row);
 * ```
 */
export async function* csvRecords(
  source: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
): AsyncIterable<Record<string, string>> {
  // Without `info`: csv-parse's per-record info objects were a fifth of the CSV ingestion time; its
  // errors carry the line number either way.
  const parser = parse(OPTIONS);
  const feeding = pipeline(Readable.from(source as AsyncIterable<Buffer | string>), parser).catch(
    () => undefined,
  );
  let header: string[] | null = null;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (header === null) {
        const checked = checkHeader(record);
        if (checked instanceof CsvFormatError) throw checked;
        header = checked;
        continue;
      }
      yield rowObject(header, record);
    }
  } catch (e) {
    throw toFormatError(e);
  } finally {
    parser.destroy();
    await feeding;
  }
}

/** The line on which a quoted cell opens that is still open at the end of the text, or `null`. */
function unclosedQuoteLine(text: string): number | null {
  let line = 1;
  let openedOn: number | null = null;
  let cellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (openedOn !== null) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else openedOn = null;
      } else if (c === "\n") line++;
      continue;
    }
    if (c === '"' && cellStart) openedOn = line;
    if (c === "\n") line++;
    cellStart = c === "," || c === "\n" || c === "\r" || (cellStart && c === "\uFEFF");
  }
  return openedOn;
}

function checkHeader(cells: readonly string[]): string[] | CsvFormatError {
  const header = cells.map((c) => c.trim());
  const seen = new Map<string, number>();
  for (const [i, name] of header.entries()) {
    if (name === "") return new CsvFormatError(`column ${i + 1} of the header row has no name`, 1);
    const before = seen.get(name);
    if (before !== undefined)
      return new CsvFormatError(
        `column '${name}' appears twice in the header (columns ${before} and ${i + 1})`,
        1,
      );
    seen.set(name, i + 1);
  }
  return header;
}

function rowObject(header: readonly string[], cells: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  for (const [i, name] of header.entries()) row[name] = cells[i] ?? "";
  return row;
}

function toFormatError(e: unknown): Error {
  if (e instanceof CsvFormatError) return e;
  const err = e as Omit<Partial<CsvError>, "code"> & {
    code?: string;
    message?: string;
    lines?: number;
    record?: unknown[];
  };
  const line = typeof err.lines === "number" ? err.lines : 1;
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvFormatError('a quoted cell is not closed (a " is missing)', line);
    case "CSV_INVALID_CLOSING_QUOTE":
    case "CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE":
      return new CsvFormatError('a quote inside a quoted cell must be doubled ("")', line);
    case "INVALID_OPENING_QUOTE":
      return new CsvFormatError(
        'a " appears inside a cell that does not start with one: quote the whole cell and double the inner " ("")',
        line,
      );
    case "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH": {
      const got = Array.isArray(err.record) ? err.record.length : null;
      const cells = got === null ? "a different number of cells" : `${got} cell${got === 1 ? "" : "s"}`;
      return new CsvFormatError(`this row has ${cells} but the header has ${readExpected(err)}`, line);
    }
    default:
      return e instanceof Error && err.code === undefined
        ? e
        : new CsvFormatError(err.message ?? String(e), line);
  }
}

function readExpected(err: { message?: string }): string {
  const m = /expect (\d+)/.exec(err.message ?? "");
  return m?.[1] ?? "a different number";
}

/**
 * Write rows as CSV (RFC 4180): a header row of `fields`, then one line per row, lines ending CRLF.
 * A cell containing `,`, `"`, CR or LF is quoted with inner quotes doubled; `null`/`undefined` write
 * an empty cell; booleans `true`/`false`; other values as `String(value)`.
 *
 * @param fields - column names, in order
 * @param rows - objects read by field name (other properties are ignored)
 * @returns the CSV text
 * @example
 * ```ts
 * toCsv(["id", "note"], [{ id: "A", note: 'said "hi", left' }, { id: "B", note: null }]);
 * // 'id,note\r\nA,"said ""hi"", left"\r\nB,\r\n'
 * ```
 */
export function toCsv(fields: readonly string[], rows: Iterable<Record<string, unknown>>): string {
  const lines = [fields.map(csvCell).join(",")];
  for (const row of rows) lines.push(fields.map((f) => csvCell(row[f])).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
