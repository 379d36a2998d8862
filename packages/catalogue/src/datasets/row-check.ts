import type { z } from "zod";
import { type CompiledRowCheck, compileRowCheck } from "./compiled-row-check.js";
import { convertCsvRow, shortenForMessage } from "./csv-cells.js";
import { suggestField } from "./field-suggestion.js";
import { fieldMetaRegistry } from "./fields.js";
import { datasets } from "./registry.js";
import type { RecordFormat } from "./row-issue.js";
import { type DatasetName, datasetRules, datasetSchemas, type RecordOf } from "./schemas.js";

// Compiled on first use, per dataset; `null` when a schema cannot be compiled (zod alone then).
const compiledChecks = new Map<DatasetName, CompiledRowCheck<DatasetName> | null>();

function compiledCheck<D extends DatasetName>(dataset: D): CompiledRowCheck<D> | null {
  let check = compiledChecks.get(dataset);
  if (check === undefined) {
    check = compileRowCheck(dataset);
    compiledChecks.set(dataset, check);
  }
  return check as CompiledRowCheck<D> | null;
}

/** A problem with one row, before it is placed in a batch. */
export interface RowProblem {
  /** The field concerned, or `null` for the row as a whole. */
  readonly field: string | null;
  /** What is wrong, in words. */
  readonly message: string;
}

/** Result of {@link checkRow}. */
export interface RowCheck<D extends DatasetName> {
  /** The validated, normalised record, or `null` when the row has problems. */
  readonly record: RecordOf<D> | null;
  /** The key fields' values when each of them is valid (so duplicates are found even in bad rows). */
  readonly keyValues: Record<string, unknown> | null;
  /** Every problem of the row. */
  readonly problems: readonly RowProblem[];
}

/**
 * Check one row against a dataset's contract and report every problem: each field (type, code set,
 * range, required), unknown fields (with a "did you mean" suggestion) and the rules relating fields
 * (date order, fields set together). CSV rows are converted first (see `convertCsvRow`).
 *
 * @param dataset - the dataset
 * @param row - the row as received
 * @param format - `json` (typed values) or `csv` (text cells)
 * @param compiled - the dataset's compiled checker (default: one shared per dataset; a batch passes its
 *   own, see `compileRowCheck`), or `null` for zod alone
 * @returns the record when valid, the key values when readable, and the problems
 * @example
 * ```ts
 * checkRow("children", { child_id: "C1", sex: "X" }, "json").problems[0]?.message;
 * // "sex: must be one of 'M', 'F', 'U' (got 'X')"
 * ```
 */
export function checkRow<D extends DatasetName>(
  dataset: D,
  row: unknown,
  format: RecordFormat,
  compiled: CompiledRowCheck<D> | null = compiledCheck(dataset),
): RowCheck<D> {
  if (typeof row !== "object" || row === null || Array.isArray(row)) {
    const got = row === null ? "null" : Array.isArray(row) ? "a list" : `a ${typeof row}`;
    return {
      record: null,
      keyValues: null,
      problems: [
        { field: null, message: `row: must be an object with the fields of ${dataset} (got ${got})` },
      ],
    };
  }
  const spec = datasets[dataset];
  const schema = datasetSchemas[dataset] as unknown as z.ZodObject<Record<string, z.ZodType>>;
  const shape = schema.shape;
  const converted =
    format === "csv" ? convertCsvRow(dataset, row as Record<string, unknown>) : { values: row, issues: [] };
  const values = converted.values as Record<string, unknown>;
  // Fast path: the schema compiled to plain checks vouches for the row (nearly every row of a real
  // batch); any row it does not vouch for takes the zod path below, which writes every message.
  if (converted.issues.length === 0) {
    const record = compiled?.(values);
    if (record !== undefined && record !== null) {
      const keyValues: Record<string, unknown> = {};
      for (const k of spec.key) keyValues[k] = (record as Record<string, unknown>)[k];
      return { record, keyValues, problems: [] };
    }
  }
  const badCells = new Set(converted.issues.map((i) => i.field));

  const fieldProblems = new Map<string, string>();
  for (const issue of converted.issues) fieldProblems.set(issue.field, issue.message);
  for (const [name, field] of Object.entries(shape)) {
    if (badCells.has(name)) continue;
    const result = field.safeParse(values[name]);
    if (!result.success) fieldProblems.set(name, fieldMessage(name, field, values[name], format));
  }

  const problems: RowProblem[] = [];
  for (const name of Object.keys(shape)) {
    const message = fieldProblems.get(name);
    if (message !== undefined) problems.push({ field: name, message });
  }
  const known = Object.keys(shape);
  for (const name of Object.keys(values)) {
    if (name in shape) continue;
    const suggestion = suggestField(name, known);
    problems.push({
      field: name,
      message: suggestion
        ? `unknown field '${shortenForMessage(name)}' — did you mean '${suggestion}'?`
        : `unknown field '${shortenForMessage(name)}' (the fields of ${dataset} are ${known.join(", ")})`,
    });
  }
  const withNulls: Record<string, unknown> = {};
  for (const name of known) withNulls[name] = values[name] ?? null;
  for (const rule of datasetRules[dataset]) problems.push(...rule(withNulls));

  const keyReadable = spec.key.every((k) => !fieldProblems.has(k));
  const keyValues = keyReadable ? Object.fromEntries(spec.key.map((k) => [k, withNulls[k]])) : null;
  if (problems.length > 0) return { record: null, keyValues, problems };

  const parsed = schema.safeParse(values);
  if (!parsed.success)
    // Field and rule checks above mirror the schema; this only guards against the two drifting apart.
    return {
      record: null,
      keyValues,
      problems: parsed.error.issues.map((i) => ({
        field: typeof i.path[0] === "string" ? i.path[0] : null,
        message: i.message,
      })),
    };
  return { record: parsed.data as RecordOf<D>, keyValues, problems: [] };
}

function fieldMessage(name: string, field: z.ZodType, value: unknown, format: RecordFormat): string {
  const meta = fieldMetaRegistry.get(field);
  if (value === undefined || value === null) return `${name}: is required`;
  let expects = meta?.expects ?? "valid";
  if (meta?.type === "date" && format === "csv") expects = "a date such as 2019-09-30 or 30/09/2019";
  if (meta?.type === "code" && typeof value !== "string") expects = `${expects}, written as text`;
  return `${name}: must be ${expects} (got ${show(value)})`;
}

function show(value: unknown): string {
  if (typeof value === "string") return `'${shortenForMessage(value)}'`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return typeof value;
}
