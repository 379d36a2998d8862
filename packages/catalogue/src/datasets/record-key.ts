import { datasets } from "./registry.js";
import type { DatasetName, RecordOf } from "./schemas.js";

/**
 * The key of a record as one stable string: the values of the dataset's key fields (see
 * `datasets[dataset].key`) in order, joined by `|`. Within a value, `\` and `|` are preceded by `\`.
 * An optional key field that is `null` is written as an empty part, and empty parts at the end are
 * dropped, so a benchmark summary row (no `member`) has the key `indicator|comparator|period`.
 * Integers (a population `year`) are written in decimal.
 *
 * This is the `{key}` of `DELETE /v1/datasets/{dataset}/records/{key}` (URL-encode it there:
 * `|` becomes `%7C`).
 *
 * @param dataset - the dataset
 * @param record - a validated record of it (only the key fields are read)
 * @returns the key string
 * @example
 * ```ts
 * recordKey("contacts", { contact_id: "C1" } as RecordOf<"contacts">); // "C1"
 * recordKey("care_leavers", { child_id: "X9", as_at_date: "2019-09-30" } as RecordOf<"care_leavers">);
 * // "X9|2019-09-30"
 * ```
 */
export function recordKey<D extends DatasetName>(dataset: D, record: RecordOf<D>): string {
  return keyFromValues(dataset, record as unknown as Readonly<Record<string, unknown>>);
}

/**
 * {@link recordKey} over a plain object whose key fields may not have been validated as a whole record
 * (the validator uses it to spot duplicate keys in rows that fail for other reasons).
 *
 * @param dataset - the dataset
 * @param values - an object holding at least the key fields
 * @returns the key string
 * @example
 * ```ts
 * keyFromValues("populations", { year: 2019, age_band: "0-17" }); // "2019|0-17"
 * ```
 */
export function keyFromValues(dataset: DatasetName, values: Readonly<Record<string, unknown>>): string {
  const parts = datasets[dataset].key.map((field) => {
    const v = values[field];
    return v === null || v === undefined ? "" : escapePart(String(v));
  });
  while (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
  return parts.join("|");
}

/** Outcome of {@link parseRecordKey}. */
export type ParseRecordKeyResult =
  | { ok: true; values: Record<string, string | number | null> }
  | { ok: false; error: string };

/**
 * Split a key string (as {@link recordKey} writes it) back into the values of the key fields.
 * Integer key fields come back as numbers and empty optional parts as `null`.
 *
 * @param dataset - the dataset
 * @param key - the key string (already URL-decoded)
 * @returns the key field values, or why the key does not fit the dataset
 * @example
 * ```ts
 * parseRecordKey("care_leavers", "X9|2019-09-30");
 * // { ok: true, values: { child_id: "X9", as_at_date: "2019-09-30" } }
 * parseRecordKey("benchmarks", "CIN_RATE|england|FY2019-20");
 * // { ok: true, values: { indicator_id: "CIN_RATE", comparator: "england", period: "FY2019-20", member: null } }
 * ```
 */
export function parseRecordKey(dataset: DatasetName, key: string): ParseRecordKeyResult {
  const spec = datasets[dataset];
  const parts = splitKey(key);
  if (parts === null) return { ok: false, error: `key '${key}' ends with an unpaired '\\'` };
  if (parts.length > spec.key.length)
    return {
      ok: false,
      error: `key '${key}' has ${parts.length} parts; ${dataset} keys have ${spec.key.length} (${spec.key.join(" | ")})`,
    };
  const values: Record<string, string | number | null> = {};
  for (const [i, field] of spec.key.entries()) {
    const fieldSpec = spec.fields.find((f) => f.name === field);
    const part = parts[i] ?? "";
    if (part === "") {
      if (fieldSpec?.required)
        return { ok: false, error: `key '${key}' has no value for ${field}, which is required` };
      values[field] = null;
    } else if (fieldSpec?.type === "integer") {
      if (!/^-?\d+$/.test(part)) return { ok: false, error: `key '${key}': ${field} must be a whole number` };
      values[field] = Number(part);
    } else {
      values[field] = part;
    }
  }
  return { ok: true, values };
}

function escapePart(value: string): string {
  // Nearly every part has neither character: skip the replace (a measurable cost per ingested row).
  if (!value.includes("|") && !value.includes("\\")) return value;
  return value.replace(/[\\|]/g, (c) => `\\${c}`);
}

function splitKey(key: string): string[] | null {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < key.length; i++) {
    const c = key[i];
    if (c === "\\") {
      const next = key[i + 1];
      if (next === undefined) return null;
      current += next;
      i++;
    } else if (c === "|") {
      parts.push(current);
      current = "";
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts;
}
