import { CoreError } from "@kpi/core";
import type { z } from "zod";
import { convertCsvRow, shortenForMessage } from "./csv-cells.js";
import { suggestField } from "./field-suggestion.js";
import { type FieldTest, fieldTest } from "./field-test.js";
import { type FieldMeta, fieldMetaRegistry } from "./fields.js";
import { datasets } from "./registry.js";
import type { RecordFormat } from "./row-issue.js";
import { type DatasetName, datasetRules, datasetSchemas, type RecordOf } from "./schemas.js";

/** A problem with one row, before it is placed in a batch. */
export interface RowProblem {
  /** The field concerned, or `null` for the row as a whole. */
  readonly field: string | null;
  /** What is wrong, in words. */
  readonly message: string;
}

/** What a {@link RowChecker} found in one row. */
export interface RowCheck<D extends DatasetName> {
  /** The validated, normalised record, or `null` when the row has problems. */
  readonly record: RecordOf<D> | null;
  /** The key fields' values when each of them is valid (so duplicates are found even in bad rows). */
  readonly keyValues: Record<string, unknown> | null;
  /** Every problem of the row. */
  readonly problems: readonly RowProblem[];
}

/** Checks one row of a dataset (see {@link createRowChecker}). */
export type RowChecker<D extends DatasetName> = (row: unknown) => RowCheck<D>;

/** Options of {@link createRowChecker}. */
export interface RowCheckerOptions {
  /** `json` (typed values) or `csv` (text cells, converted first by `convertCsvRow`). */
  readonly format: RecordFormat;
  /**
   * Remember date and period-id verdicts for the life of the checker (a batch repeats its dates);
   * use one checker per batch so that no value outlives it.
   */
  readonly memoise?: boolean;
}

interface Field {
  readonly name: string;
  readonly required: boolean;
  readonly meta: FieldMeta;
  readonly test: FieldTest;
}

const none: readonly RowProblem[] = [];

/**
 * The dataset's fields with the plain test of each one's declared check. A field whose schema carries
 * no check (not built by the field builders of `fields.ts`) is a definition error: the validator
 * cannot check it, so it refuses the dataset rather than let a value through unchecked.
 */
function fieldsOf(dataset: DatasetName, memoise: boolean): Field[] {
  const shape = datasetSchemas[dataset].shape as Record<string, z.ZodType>;
  return Object.entries(shape).map(([name, schema]) => {
    const meta = fieldMetaRegistry.get(schema);
    if (meta?.check === undefined)
      throw new CoreError(
        "invalid_definition",
        `Field ${dataset}.${name} declares no check the validator can run: build it with the field builders of fields.ts`,
      );
    return { name, required: meta.required, meta, test: fieldTest(meta.check, { memoise }) };
  });
}

/**
 * The one validation pass of a dataset's rows: for each row, every field's declared check (see
 * `FieldCheck`; the schema is made from the same declaration), unknown fields (with a "did you
 * mean" suggestion), and the rules relating fields (date order, fields set together), CSV cells
 * converted first. A valid row gives the normalised record (every field in the schema's order, an
 * absent optional field `null`); an invalid one gives every problem, in words, in the order: fields
 * (in the schema's order), unknown fields, rules. The key values are given whenever every key field
 * is valid, so that a batch finds duplicate keys among invalid rows too.
 *
 * @param dataset - the dataset
 * @param options - the format, and whether to remember date verdicts (one checker per batch)
 * @returns the checker
 * @throws CoreError `invalid_definition` when a field of the dataset declares no check
 * @example
 * ```ts
 * const check = createRowChecker("children", { format: "json" });
 * check({ child_id: "C1", sex: "F" }).record; // { child_id: "C1", date_of_birth: null, sex: "F", ethnicity: null, disabled: null }
 * check({ child_id: "C1", sex: "X" }).problems[0]?.message; // "sex: must be one of 'M', 'F', 'U' (got 'X')"
 * ```
 */
export function createRowChecker<D extends DatasetName>(
  dataset: D,
  options: RowCheckerOptions,
): RowChecker<D> {
  const fields = fieldsOf(dataset, options.memoise === true);
  const names = new Set(fields.map((f) => f.name));
  const known = fields.map((f) => f.name);
  const keyFields = datasets[dataset].key;
  const rules = datasetRules[dataset];
  const csv = options.format === "csv";

  return (row) => {
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
    const converted = csv ? convertCsvRow(dataset, row as Record<string, unknown>) : null;
    const values = (converted === null ? row : converted.values) as Record<string, unknown>;

    // The pass itself: each field's test, the record built on the way. Nearly every row of a real
    // batch is valid and leaves here; messages are written only for a row that is not.
    if (converted === null || converted.issues.length === 0) {
      const record: Record<string, unknown> = {};
      let valid = true;
      for (const field of fields) {
        const value = values[field.name];
        if (value === undefined || value === null) {
          if (field.required) {
            valid = false;
            break;
          }
          record[field.name] = null;
        } else if (field.test(value)) record[field.name] = value;
        else {
          valid = false;
          break;
        }
      }
      // Every enumerable key, own or inherited, must be a field (as the schema's strict object).
      if (valid) for (const key in values) if (!names.has(key)) valid = false;
      if (valid) for (const rule of rules) if (rule(record).length > 0) valid = false;
      if (valid) {
        const keyValues: Record<string, unknown> = {};
        for (const k of keyFields) keyValues[k] = record[k];
        return { record: record as RecordOf<D>, keyValues, problems: none };
      }
    }
    return problemsOf(values, converted?.issues ?? []);
  };

  /** Every problem of a row the pass refused, in words. */
  function problemsOf(
    values: Record<string, unknown>,
    cellIssues: readonly { readonly field: string; readonly message: string }[],
  ): RowCheck<D> {
    const fieldProblems = new Map<string, string>();
    for (const issue of cellIssues) fieldProblems.set(issue.field, issue.message);
    const problems: RowProblem[] = [];
    const withNulls: Record<string, unknown> = {};
    for (const field of fields) {
      const value = values[field.name];
      withNulls[field.name] = value ?? null;
      let message = fieldProblems.get(field.name);
      if (message === undefined) {
        if (value === undefined || value === null) {
          if (field.required) message = `${field.name}: is required`;
        } else if (!field.test(value)) message = invalidValue(field, value, options.format);
        if (message !== undefined) fieldProblems.set(field.name, message);
      }
      if (message !== undefined) problems.push({ field: field.name, message });
    }
    // Unknown fields: the row's own keys. A key that is a name of Object.prototype (constructor,
    // toString, __proto__ …) or inherited from another prototype is not named here: the former
    // whole-schema zod guard reported those, in zod's words, only when nothing else was wrong (below).
    const notFields: string[] = [];
    for (const key in values) if (!names.has(key)) notFields.push(key);
    for (const name of Object.keys(values)) {
      if (names.has(name) || name in Object.prototype) continue;
      const suggestion = suggestField(name, known);
      problems.push({
        field: name,
        message: suggestion
          ? `unknown field '${shortenForMessage(name)}' — did you mean '${suggestion}'?`
          : `unknown field '${shortenForMessage(name)}' (the fields of ${dataset} are ${known.join(", ")})`,
      });
    }
    for (const rule of rules) problems.push(...rule(withNulls));
    if (problems.length === 0 && notFields.length > 0)
      // Kept byte for byte from the zod guard this pass replaced (zod's English message).
      problems.push({
        field: null,
        message: `Unrecognized key${notFields.length > 1 ? "s" : ""}: ${notFields.map((k) => `"${k}"`).join(", ")}`,
      });

    const keyReadable = keyFields.every((k) => !fieldProblems.has(k));
    const keyValues = keyReadable ? Object.fromEntries(keyFields.map((k) => [k, withNulls[k]])) : null;
    // The pass above refused the row with these same tests, so at least one problem is found here.
    if (problems.length === 0)
      throw new CoreError("invalid_definition", `${dataset}: a row was refused but no problem was found`);
    return { record: null, keyValues, problems };
  }
}

function invalidValue(field: Field, value: unknown, format: RecordFormat): string {
  const meta = field.meta;
  let expects = meta.expects;
  if (meta.type === "date" && format === "csv") expects = "a date such as 2019-09-30 or 30/09/2019";
  if (meta.type === "code" && typeof value !== "string") expects = `${expects}, written as text`;
  return `${field.name}: must be ${expects} (got ${show(value)})`;
}

function show(value: unknown): string {
  if (typeof value === "string") return `'${shortenForMessage(value)}'`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return typeof value;
}
