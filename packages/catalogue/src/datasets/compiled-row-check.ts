import { type DatasetName, datasetRules, datasetSchemas, type RecordOf } from "./schemas.js";

/**
 * A dataset's row checker compiled from its zod schema: given a row's values (already converted from
 * CSV text where the format is CSV) it returns the record zod would return, or `null` when it cannot
 * vouch for the row, in which case the caller runs the zod path, which alone writes issues and messages.
 */
export type CompiledRowCheck<D extends DatasetName> = (values: unknown) => RecordOf<D> | null;

type Accepts = (value: unknown) => boolean;

interface FieldCheck {
  readonly name: string;
  /** `optional(…)`: absent or `null` becomes `null`. */
  readonly optional: boolean;
  readonly accepts: Accepts;
}

/** The parts of a zod 4 schema definition the compiler reads; anything else makes it refuse. */
interface SchemaDef {
  readonly type: string;
  readonly coerce?: boolean;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly innerType?: ZodLike;
  readonly defaultValue?: unknown;
  readonly entries?: Readonly<Record<string, unknown>>;
  readonly shape?: Readonly<Record<string, ZodLike>>;
  readonly catchall?: ZodLike;
}

interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly value?: unknown;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly pattern?: unknown;
  readonly fn?: (value: unknown) => unknown;
}

interface ZodLike {
  readonly _zod: { readonly def: SchemaDef };
}

class Unsupported extends Error {}

const SURROGATE = /[\uD800-\uDFFF]/;

/** zod counts a string's length in code points; a string without surrogates has one per code unit. */
function lengthCheck(min: number, max: number): Accepts {
  return (v) => {
    const units = (v as string).length;
    if (units < min || units > max) return false;
    return units >= 2 * min || !SURROGATE.test(v as string);
  };
}

/** Options of {@link compileRowCheck}. */
export interface CompileRowCheckOptions {
  /**
   * Remember each refinement's verdict per string value (at most 10,000 per refinement), for the life
   * of the checker: the dataset refinements (dates, period ids) are pure, and a batch repeats the same
   * dates many times. Use one checker per batch so that no value outlives it.
   */
  readonly memoise?: boolean;
}

const maxMemoEntries = 10_000;

function refinement(fn: (value: unknown) => unknown, memoise: boolean): Accepts {
  if (!memoise) return (v) => fn(v) === true;
  const verdicts = new Map<string, boolean>();
  return (v) => {
    const text = v as string;
    let ok = verdicts.get(text);
    if (ok === undefined) {
      ok = fn(text) === true;
      if (verdicts.size < maxMemoEntries) verdicts.set(text, ok);
    }
    return ok;
  };
}

function stringChecks(def: SchemaDef, memoise: boolean): Accepts[] {
  let min = 0;
  let max = Number.POSITIVE_INFINITY;
  const out: Accepts[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === "min_length" && typeof c.minimum === "number") min = Math.max(min, c.minimum);
    else if (c.check === "max_length" && typeof c.maximum === "number") max = Math.min(max, c.maximum);
    else if (c.check === "custom" && typeof c.fn === "function") out.push(refinement(c.fn, memoise));
    else if (c.check === "string_format" && c.format === "regex" && c.pattern instanceof RegExp) {
      const pattern = c.pattern;
      out.push((v) => {
        pattern.lastIndex = 0;
        return pattern.test(v as string);
      });
    } else throw new Unsupported(c.check);
  }
  if (min > 0 || max < Number.POSITIVE_INFINITY) out.unshift(lengthCheck(min, max));
  return out;
}

function numberChecks(def: SchemaDef): Accepts[] {
  const out: Accepts[] = [];
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    const bound = c.value;
    if (c.check === "number_format" && c.format === "safeint") out.push((v) => Number.isSafeInteger(v));
    else if (c.check === "greater_than" && typeof bound === "number")
      out.push(c.inclusive ? (v) => (v as number) >= bound : (v) => (v as number) > bound);
    else if (c.check === "less_than" && typeof bound === "number")
      out.push(c.inclusive ? (v) => (v as number) <= bound : (v) => (v as number) < bound);
    else throw new Unsupported(c.check);
  }
  return out;
}

function all(typeTest: Accepts, checks: readonly Accepts[]): Accepts {
  if (checks.length === 0) return typeTest;
  return (v) => {
    if (!typeTest(v)) return false;
    for (const check of checks) if (!check(v)) return false;
    return true;
  };
}

function leafCheck(schema: ZodLike, memoise: boolean): Accepts {
  const def = schema._zod.def;
  if (def.coerce === true) throw new Unsupported("coerce");
  switch (def.type) {
    case "string":
      return all((v) => typeof v === "string", stringChecks(def, memoise));
    case "number":
      return all((v) => typeof v === "number" && Number.isFinite(v), numberChecks(def));
    case "boolean":
      if ((def.checks ?? []).length > 0) throw new Unsupported("boolean checks");
      return (v) => typeof v === "boolean";
    case "enum": {
      if ((def.checks ?? []).length > 0) throw new Unsupported("enum checks");
      const entries = Object.entries(def.entries ?? {});
      if (entries.some(([k, v]) => k !== v)) throw new Unsupported("enum with labels");
      const values = new Set<unknown>(entries.map(([k]) => k));
      return (v) => values.has(v);
    }
    default:
      throw new Unsupported(def.type);
  }
}

function fieldCheck(name: string, schema: ZodLike, memoise: boolean): FieldCheck {
  const def = schema._zod.def;
  if (def.type !== "default") return { name, optional: false, accepts: leafCheck(schema, memoise) };
  // `optional(field)` is `field.nullable().default(null)`: nothing else is read as optional.
  const nullable = def.innerType?._zod.def;
  if (def.defaultValue !== null || (def.checks ?? []).length > 0 || nullable?.type !== "nullable")
    throw new Unsupported("default");
  if ((nullable.checks ?? []).length > 0 || nullable.innerType === undefined)
    throw new Unsupported("nullable");
  return { name, optional: true, accepts: leafCheck(nullable.innerType, memoise) };
}

/**
 * Compile a dataset's zod schema into a plain-JavaScript row checker, for the hot path of ingestion.
 * It reads the schema's own definition (field types, length bounds, ranges, code sets, refinements,
 * strictness) and the dataset's cross-field rules, which the schema also applies, and accepts a row
 * only when zod is certain to accept it, returning what zod would return (every field, in the
 * schema's order, an absent optional field `null`). For anything else (an invalid row, a string with
 * surrogates near a length bound, an object that is not plain) it returns `null` and the caller runs
 * zod. A schema using a feature the compiler does not model is not compiled at all (`null`).
 *
 * @param dataset - the dataset
 * @param options - `memoise` refinement verdicts (for a checker used for one batch)
 * @returns the checker, or `null` when the schema uses a feature the compiler does not model
 * @example
 * ```ts
 * const check = compileRowCheck("children");
 * check?.({ child_id: "C1", sex: "F" }); // { child_id: "C1", date_of_birth: null, sex: "F", ethnicity: null, disabled: null }
 * check?.({ child_id: "C1", sex: "X" }); // null: let zod say why
 * ```
 */
export function compileRowCheck<D extends DatasetName>(
  dataset: D,
  options: CompileRowCheckOptions = {},
): CompiledRowCheck<D> | null {
  const memoise = options.memoise === true;
  const schema = datasetSchemas[dataset] as unknown as ZodLike;
  const def = schema._zod.def;
  let fields: FieldCheck[];
  try {
    // `recordSchema`: a strict object whose only check is the refinement applying the dataset's rules.
    if (def.type !== "object" || def.shape === undefined) throw new Unsupported(def.type);
    if (def.catchall?._zod.def.type !== "never") throw new Unsupported("not strict");
    const checks = def.checks ?? [];
    if (checks.length !== 1 || checks[0]?._zod.def.check !== "custom") throw new Unsupported("checks");
    fields = Object.entries(def.shape).map(([name, field]) => fieldCheck(name, field, memoise));
  } catch (error) {
    if (error instanceof Unsupported) return null;
    throw error;
  }
  const names = new Set(fields.map((f) => f.name));
  const rules = datasetRules[dataset];
  return (values) => {
    if (typeof values !== "object" || values === null) return null;
    const proto = Object.getPrototypeOf(values);
    if (proto !== Object.prototype && proto !== null) return null;
    const row = values as Record<string, unknown>;
    for (const key in row) if (!names.has(key)) return null;
    const record: Record<string, unknown> = {};
    for (const field of fields) {
      const value = row[field.name];
      if (field.optional && (value === undefined || value === null)) record[field.name] = null;
      else if (field.accepts(value)) record[field.name] = value;
      else return null;
    }
    for (const rule of rules) if (rule(record).length > 0) return null;
    return record as RecordOf<D>;
  };
}
