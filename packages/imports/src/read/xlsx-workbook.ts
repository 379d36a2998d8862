import ExcelJS from "exceljs";

/** One worksheet as text: its name and its rows (1-based row numbers), each cell as the text of its value. */
export interface XlsxSheet {
  readonly name: string;
  /** Rows that hold any value, in order; `cells[0]` is column A. */
  readonly rows: readonly { readonly line: number; readonly cells: readonly string[] }[];
}

/** A workbook read as text, or why it cannot be. */
export type XlsxWorkbook =
  | { readonly ok: true; readonly sheets: readonly XlsxSheet[] }
  | { readonly ok: false; readonly problem: string };

/**
 * The text of a cell's value as a mapping reads it: a date (Excel datetime) as `YYYY-MM-DD` (the day:
 * Excel stores local dates, which exceljs hands over as midnight UTC), a number as JavaScript writes it
 * (an Excel serial stays a number, for the mapping to read as a date where a date belongs), a
 * formula's cached result (its formula is not evaluated), an error value as Excel shows it (`#N/A`),
 * rich text and hyperlinks as their text, booleans as `TRUE`/`FALSE`, an empty cell as `""`.
 *
 * @param value - the cell's value as exceljs gives it
 * @returns the text
 * @example
 * ```ts
 * xlsxCellText(new Date("2020-09-16T00:00:00Z")); // "2020-09-16"
 * xlsxCellText({ formula: "H2+5", result: new Date("2009-08-11T00:00:00Z") }); // "2009-08-11"
 * xlsxCellText({ error: "#N/A" }); // "#N/A"
 * xlsxCellText(6.13); // "6.13"
 * ```
 */
export function xlsxCellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return xlsxCellText(v.result);
    if (Array.isArray(v.richText))
      return (v.richText as { text?: unknown }[]).map((t) => String(t.text ?? "")).join("");
    if ("text" in v) return xlsxCellText(v.text);
    if ("result" in v) return xlsxCellText(v.result);
  }
  return "";
}

/**
 * Read an Excel workbook (`.xlsx`) with exceljs: every worksheet's rows as text ({@link xlsxCellText}),
 * rows with no value left out. A file that is not an `.xlsx` workbook (an old `.xls`, a CSV, a damaged
 * file) is a problem in the user's terms.
 *
 * @param bytes - the file
 * @returns the sheets, or the problem
 * @example
 * ```ts
 * // Resolves to `{ ok: false, problem: "is not an Excel workbook (.xlsx): …" }` for a CSV.
 * readXlsxWorkbook(new TextEncoder().encode("a,b")) instanceof Promise; // true
 * ```
 */
export async function readXlsxWorkbook(bytes: Uint8Array): Promise<XlsxWorkbook> {
  // An .xlsx file is a zip archive: it starts with "PK".
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    return {
      ok: false,
      problem:
        "is not an Excel workbook (.xlsx): save it from Excel as 'Excel Workbook (*.xlsx)' (an old .xls or a CSV cannot be read)",
    };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `cannot be read as an Excel workbook (.xlsx): ${why}` };
  }
  const sheets: XlsxSheet[] = [];
  for (const ws of workbook.worksheets) {
    const rows: { line: number; cells: string[] }[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = xlsxCellText(cell.value).trim();
      });
      for (let i = 0; i < cells.length; i += 1) cells[i] ??= "";
      if (cells.some((c) => c !== "")) rows.push({ line, cells });
    });
    sheets.push({ name: ws.name, rows });
  }
  return { ok: true, sheets };
}
