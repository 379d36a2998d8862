import { parseCsv } from "@kpi/catalogue";

/** One data row of a CSV file with the line it starts on. */
export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  /** Header name → cell text, as written. */
  readonly cells: Record<string, string>;
}

/** Outcome of {@link readCsvTable}. */
export type CsvTableResult = { ok: true; header: string[]; rows: CsvRow[] } | { ok: false; error: string };

/**
 * Read a CSV text with the catalogue's rules (`parseCsv`: RFC 4180, header row trimmed, blank rows and
 * rows of empty cells skipped) and number each row with the line of the file it starts on, so a problem
 * can be shown as `file:line` even when cells span several lines.
 *
 * @param text - the file's text
 * @returns the header and the rows with their lines, or the catalogue's error naming the line
 * @example
 * ```ts
 * readCsvTable("child_id,sex\n\nC1,F\n");
 * // { ok: true, header: ["child_id", "sex"], rows: [{ line: 3, cells: { child_id: "C1", sex: "F" } }] }
 * ```
 */
export function readCsvTable(text: string): CsvTableResult {
  const parsed = parseCsv(text);
  if (!parsed.ok) return parsed;
  const lines = recordStartLines(text);
  // The header is the first kept record; the scan keeps the same records parseCsv keeps.
  const dataLines = lines.slice(1);
  const aligned = dataLines.length === parsed.rows.length;
  return {
    ok: true,
    header: parsed.header,
    rows: parsed.rows.map((cells, i) => ({ line: aligned ? (dataLines[i] ?? 0) : 0, cells })),
  };
}

/** The start line of every record that is not blank and not made only of empty cells. */
function recordStartLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let cellStart = true;
  let hasContent = false;
  const endRecord = () => {
    if (hasContent) starts.push(recordLine);
    hasContent = false;
    cellStart = true;
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          hasContent = true;
          i++;
        } else inQuotes = false;
      } else {
        if (c === "\n") line++;
        if (!/\s/.test(c ?? "")) hasContent = true;
      }
      continue;
    }
    if (c === '"' && cellStart) {
      inQuotes = true;
      cellStart = false;
      continue;
    }
    if (c === "\n") {
      endRecord();
      line++;
      recordLine = line;
      continue;
    }
    cellStart = c === ",";
    if (c !== "," && c !== "\r" && !/\s/.test(c ?? "")) hasContent = true;
  }
  endRecord();
  return starts;
}
