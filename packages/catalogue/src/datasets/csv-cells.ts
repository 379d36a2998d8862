import { isIsoDate } from "@kpi/core";
import type { z } from "zod";
import { type FieldMeta, fieldMetaRegistry } from "./fields.js";
import { type DatasetName, datasetSchemas } from "./schemas.js";

/** A cell that could not be converted to its field's type. */
export interface CellIssue {
  /** The field. */
  readonly field: string;
  /** What is wrong, starting with the field name. */
  readonly message: string;
}

/** Result of {@link convertCsvRow}: converted values, plus the fields whose cells did not convert. */
export interface ConvertedCsvRow {
  /** Converted values; a cell that did not convert keeps its text; unknown columns keep their text. */
  readonly values: Record<string, unknown>;
  /** One issue per cell that did not convert. */
  readonly issues: readonly CellIssue[];
}

const TRUE_WORDS = new Set(["true", "1", "y", "yes"]);
const FALSE_WORDS = new Set(["false", "0", "n", "no"]);
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const INTEGER_RE = /^[+-]?\d+$/;
const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Convert the text cells of one CSV row to the types of the dataset's fields. Every cell is trimmed; an
 * empty cell becomes `null`; integers and numbers are read in decimal (no thousands separators);
 * booleans from `true`/`false`, `1`/`0`, `Y`/`N`, `yes`/`no` in any case; dates from `YYYY-MM-DD` or
 * `DD/MM/YYYY` (the 903 convention) to `YYYY-MM-DD`. Codes and text stay strings.
 *
 * @param dataset - the dataset the row belongs to
 * @param row - header name → cell text
 * @returns the converted values and any cells that did not convert
 * @example
 * ```ts
 * convertCsvRow("workforce", { agency: "Y", fte: "0.8", start_date: "01/04/2019" }).values;
 * // { agency: true, fte: 0.8, start_date: "2019-04-01" }
 * ```
 */
export function convertCsvRow(dataset: DatasetName, row: Readonly<Record<string, unknown>>): ConvertedCsvRow {
  const metas = fieldMetas(dataset);
  const values: Record<string, unknown> = {};
  const issues: CellIssue[] = [];
  for (const [name, cell] of Object.entries(row)) {
    const meta = metas.get(name);
    if (typeof cell !== "string" || meta === undefined) {
      values[name] = cell;
      continue;
    }
    const converted = convertCell(cell.trim(), meta);
    values[name] = converted.ok ? converted.value : cell;
    if (!converted.ok)
      issues.push({
        field: name,
        message: `${name}: must be ${csvExpectation(meta)} (got '${shortenForMessage(cell)}')`,
      });
  }
  return { values, issues };
}

/**
 * The words that finish "must be …" for a field in a given format (CSV accepts more spellings).
 *
 * @param meta - the field's metadata
 * @returns e.g. "a date such as 2019-09-30 or 30/09/2019"
 * @example
 * ```ts
 * csvExpectation({ type: "boolean", expects: "true or false" });
 * // "true or false (also yes/no, Y/N or 1/0)"
 * ```
 */
export function csvExpectation(meta: Pick<FieldMeta, "type" | "expects">): string {
  if (meta.type === "date") return "a date such as 2019-09-30 or 30/09/2019";
  if (meta.type === "boolean") return "true or false (also yes/no, Y/N or 1/0)";
  return meta.expects;
}

// The metadata of each dataset's fields by name, read once from the schemas (a registry look-up per
// cell was a measurable part of ingesting a CSV batch).
const metasByDataset = new Map<DatasetName, ReadonlyMap<string, FieldMeta>>();

function fieldMetas(dataset: DatasetName): ReadonlyMap<string, FieldMeta> {
  let metas = metasByDataset.get(dataset);
  if (metas === undefined) {
    const shape = datasetSchemas[dataset].shape as Record<string, z.ZodType>;
    const built = new Map<string, FieldMeta>();
    for (const [name, field] of Object.entries(shape)) {
      const meta = fieldMetaRegistry.get(field);
      if (meta !== undefined) built.set(name, meta);
    }
    metas = built;
    metasByDataset.set(dataset, metas);
  }
  return metas;
}

type Conversion = { ok: true; value: unknown } | { ok: false };

function convertCell(text: string, meta: FieldMeta): Conversion {
  if (text === "") return { ok: true, value: null };
  switch (meta.type) {
    case "integer":
      return INTEGER_RE.test(text) ? { ok: true, value: Number(text) } : { ok: false };
    case "number":
      return NUMBER_RE.test(text) ? { ok: true, value: Number(text) } : { ok: false };
    case "boolean": {
      const lower = text.toLowerCase();
      if (TRUE_WORDS.has(lower)) return { ok: true, value: true };
      if (FALSE_WORDS.has(lower)) return { ok: true, value: false };
      return { ok: false };
    }
    case "date": {
      const dmy = DMY_RE.exec(text);
      const iso = dmy ? `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}` : text;
      return isIsoDate(iso) ? { ok: true, value: iso } : { ok: false };
    }
    default:
      return { ok: true, value: text };
  }
}

/**
 * Shorten a value for an error message.
 *
 * @param text - the text
 * @returns at most 40 characters, with "…" when cut
 * @example
 * ```ts
 * shortenForMessage("abc"); // "abc"
 * ```
 */
export function shortenForMessage(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
