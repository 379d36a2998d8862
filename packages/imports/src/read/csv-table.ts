import { parse } from "csv-parse/sync";

/** One data row of a source table: its cells by (upper-cased) column name and where it is. */
export interface SourceRow {
  /** Cell text by column name as the return names it, upper case, trimmed. */
  readonly values: Readonly<Record<string, string>>;
  /** The file (its path as uploaded). */
  readonly file: string;
  /** The line where the row starts (CSV), or the line of the element's opening tag (XML). */
  readonly line?: number;
  /** The XML element, e.g. `CHILD[12]/EPISODE[2]`. */
  readonly element?: string;
}

/** A CSV file read as a table. */
export type CsvTable =
  | {
      readonly ok: true;
      /** Header columns, upper case, in file order. */
      readonly columns: readonly string[];
      readonly rows: readonly SourceRow[];
      /** The delimiter found in the header line. */
      readonly delimiter: string;
    }
  | { readonly ok: false; readonly problem: string };

const DELIMITERS = [",", ";", "\t", "|"] as const;
const NAMES: Readonly<Record<string, string>> = { ",": "comma", ";": "semicolon", "\t": "tab", "|": "bar" };

/**
 * The delimiter of a CSV file: of comma, semicolon, tab and bar, the one that splits its header line
 * into the most cells (comma when none does).
 *
 * @param text - the file's text
 * @returns the delimiter
 * @example
 * ```ts
 * detectDelimiter("CHILD;SEX;DOB\n1;1;01/01/2010\n"); // ";"
 * detectDelimiter("CHILD\n1\n"); // ","
 * ```
 */
export function detectDelimiter(text: string): string {
  const end = text.search(/\r?\n/);
  const header = end < 0 ? text : text.slice(0, end);
  let best: string = ",";
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) {
      best = d;
      most = n;
    }
  }
  return best;
}

/**
 * Read a CSV file with `csv-parse`: delimiter detected from the header line, header names upper-cased
 * and trimmed, cells trimmed, blank lines skipped, each row with the line it starts on. A row whose
 * cell count differs from the header's is a whole-file problem (a wrong delimiter, a broken quote or an
 * unrecognised encoding shows up that way), named with its line.
 *
 * @param file - the file's name, for messages and row sources
 * @param text - the decoded text
 * @returns the table, or the problem
 * @example
 * ```ts
 * const t = readCsvTable("header.csv", "child,SEX\r\n1001,2\r\n");
 * t.ok && t.rows[0]; // { values: { CHILD: "1001", SEX: "2" }, file: "header.csv", line: 2 }
 * ```
 */
export function readCsvTable(file: string, text: string): CsvTable {
  const delimiter = detectDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_quotes: false,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/i.exec(message)?.[1];
    const what = /Invalid Record Length/i.test(message)
      ? `a row has a different number of cells from the header${line ? ` (line ${line})` : ""}`
      : `it is not readable as CSV${line ? ` (line ${line})` : ""}: ${message.replace(/^[A-Za-z_]+: /, "")}`;
    return {
      ok: false,
      problem: `${what}; the header was split on the ${NAMES[delimiter] ?? delimiter}. Check the file is the return's own CSV export`,
    };
  }
  const [head, ...body] = records;
  if (head === undefined) return { ok: false, problem: "it is empty (no header row)" };
  const columns = head.record.map((c) =>
    c
      .replace(/^\ufeff/, "")
      .trim()
      .toUpperCase(),
  );
  const rows: SourceRow[] = [];
  for (const { record, info } of body) {
    const values: Record<string, string> = {};
    for (let i = 0; i < columns.length; i++) values[columns[i] as string] = (record[i] ?? "").trim();
    rows.push({ values, file, line: info.lines - countLineBreaks(record) });
  }
  return { ok: true, columns, rows, delimiter };
}

function countLineBreaks(record: readonly string[]): number {
  let n = 0;
  for (const cell of record) for (const ch of cell) if (ch === "\n") n += 1;
  return n;
}
