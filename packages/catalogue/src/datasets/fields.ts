import { isIsoDate } from "@kpi/core";
import { z } from "zod";
import type { CodeOption } from "./codes.js";
import { isPeriodId } from "./period-id.js";

/** The kinds of value a dataset field holds; CSV cells are converted according to it. */
export const fieldTypes = ["string", "date", "integer", "number", "boolean", "code"] as const;
/** See {@link fieldTypes}. */
export type FieldType = (typeof fieldTypes)[number];

/**
 * What a field's value must be, declared once by the field builders below: each builder makes the
 * field's zod schema from it and records it in the field's {@link FieldMeta}, from which the batch
 * validator builds its plain check (one pass per row, no zod call). Plain data (a `pattern` is a
 * regular expression's `source` and `flags`); `text` lengths count Unicode code points, bounds are
 * inclusive, `integer` means a safe integer, `date` a real calendar date `YYYY-MM-DD` and `period` a
 * period id (`isPeriodId`).
 *
 * @example
 * ```ts
 * const check: FieldCheck = { kind: "text", minLength: 1, maxLength: 64 };
 * ```
 */
export type FieldCheck =
  | { readonly kind: "text"; readonly minLength: number; readonly maxLength: number }
  | { readonly kind: "date" }
  | { readonly kind: "period" }
  | { readonly kind: "pattern"; readonly source: string; readonly flags: string }
  | { readonly kind: "code"; readonly values: readonly string[] }
  | { readonly kind: "integer"; readonly min?: number; readonly max?: number }
  | { readonly kind: "number"; readonly min?: number; readonly max?: number }
  | { readonly kind: "boolean" };

/**
 * What the data contract says about one field, attached to the field's zod schema so that the
 * registry, the validator (its checks and messages) and the CSV converter all read the schemas
 * themselves.
 */
export interface FieldMeta {
  /** Kind of value. */
  readonly type: FieldType;
  /** Whether a value must be given (optional fields become `null` when absent). */
  readonly required: boolean;
  /** One sentence for analysts. */
  readonly description: string;
  /** Allowed codes with labels (code fields; also integer fields with labelled values). */
  readonly codes?: readonly CodeOption[];
  /** Words that finish "must be …" in an error message, e.g. "a whole number from 1 to 4". */
  readonly expects: string;
  /** What a value must be; the field's zod schema is made from the same declaration. */
  readonly check: FieldCheck;
}

/**
 * The zod registry holding the {@link FieldMeta} of every dataset field schema.
 *
 * @example
 * ```ts
 * import { contactSchema } from "./schemas.js";
 * fieldMetaRegistry.get(contactSchema.shape.contact_date)?.type; // "date"
 * ```
 */
export const fieldMetaRegistry = z.registry<FieldMeta>();

/**
 * A text field (identifier, team name): non-empty, at most `max` characters.
 *
 * @param description - one sentence for analysts
 * @param max - maximum length (default 200)
 * @returns the field schema
 * @example
 * ```ts
 * textField("The authority's identifier for the child.", 64).parse("C1"); // "C1"
 * ```
 */
export function textField(description: string, max = 200) {
  const check = { kind: "text", minLength: 1, maxLength: max } as const;
  return z
    .string()
    .min(check.minLength)
    .max(check.maxLength)
    .register(fieldMetaRegistry, {
      type: "string",
      required: true,
      description,
      expects: `text of ${check.minLength} to ${check.maxLength} characters`,
      check,
    });
}

/**
 * A calendar date written `YYYY-MM-DD` (CSV cells may also use `DD/MM/YYYY`; the validator converts).
 *
 * @param description - one sentence for analysts
 * @returns the field schema
 * @example
 * ```ts
 * dateField("Date of the contact.").parse("2019-09-30"); // "2019-09-30"
 * ```
 */
export function dateField(description: string) {
  return z
    .string()
    .refine(isIsoDate)
    .register(fieldMetaRegistry, {
      type: "date",
      required: true,
      description,
      expects: "a date such as 2019-09-30",
      check: { kind: "date" },
    });
}

/**
 * A period id: financial year `FY2019-20`, quarter `FY2019-20-Q2` or month `2019-08` (`isPeriodId`).
 *
 * @param description - one sentence for analysts
 * @returns the field schema
 * @example
 * ```ts
 * periodField("The period of the figure.").parse("FY2019-20-Q2"); // "FY2019-20-Q2"
 * ```
 */
export function periodField(description: string) {
  return z
    .string()
    .refine(isPeriodId)
    .register(fieldMetaRegistry, {
      type: "string",
      required: true,
      description,
      expects: "a period id such as FY2019-20, FY2019-20-Q2 or 2019-08",
      check: { kind: "period" },
    });
}

/**
 * A text field whose whole value must match a regular expression.
 *
 * @param pattern - the expression (anchored with `^` and `$`, without the `g` or `y` flags)
 * @param description - one sentence for analysts
 * @param expects - the words that finish "must be …", e.g. "an age band such as 0-17"
 * @returns the field schema
 * @example
 * ```ts
 * patternField(/^\d{1,3}(-\d{1,3}|\+)$/, "Age band, e.g. 0-17.", "an age band such as 0-17").parse("18+"); // "18+"
 * ```
 */
export function patternField(pattern: RegExp, description: string, expects: string) {
  return z
    .string()
    .regex(pattern)
    .register(fieldMetaRegistry, {
      type: "string",
      required: true,
      description,
      expects,
      check: { kind: "pattern", source: pattern.source, flags: pattern.flags },
    });
}

/**
 * A code from a fixed code set.
 *
 * @param codes - the allowed codes with labels
 * @param description - one sentence for analysts
 * @returns the field schema (output type: the union of the codes)
 * @example
 * ```ts
 * import { sexCodes } from "./codes.js";
 * codeField(sexCodes, "Sex.").parse("F"); // "F"
 * ```
 */
export function codeField<const C extends string>(
  codes: readonly { readonly code: C; readonly label: string }[],
  description: string,
) {
  const values = codes.map((c) => c.code);
  return z.enum(values as [C, ...C[]]).register(fieldMetaRegistry, {
    type: "code",
    required: true,
    description,
    codes,
    expects: `one of ${values.map((v) => `'${v}'`).join(", ")}`,
    check: { kind: "code", values },
  });
}

/**
 * A set of codes in one field, written as the codes separated by single spaces (`HAND HEAR`), each from
 * a fixed code set: for what a return lists several of (a child's disabilities, the factors of an
 * assessment). Replacing the field replaces the whole set, so a corrected return never leaves a code
 * behind.
 *
 * @param codes - the allowed codes with labels
 * @param description - one sentence for analysts
 * @returns the field schema
 * @example
 * ```ts
 * import { disabilityCodes } from "./codes.js";
 * codeListField(disabilityCodes, "Disabilities.").parse("HAND HEAR"); // "HAND HEAR"
 * codeListField(disabilityCodes, "Disabilities.").safeParse("HAND,HEAR").success; // false
 * ```
 */
export function codeListField(codes: readonly CodeOption[], description: string) {
  const one = codes.map((c) => c.code.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`^(?:${one})(?: (?:${one}))*$`);
  return z
    .string()
    .regex(pattern)
    .register(fieldMetaRegistry, {
      check: { kind: "pattern", source: pattern.source, flags: pattern.flags },
      type: "string",
      required: true,
      description,
      codes,
      expects: `codes separated by single spaces, e.g. '${codes
        .slice(0, 2)
        .map((c) => c.code)
        .join(" ")}'`,
    });
}

/**
 * A whole number within bounds.
 *
 * @param description - one sentence for analysts
 * @param bounds - inclusive `min` / `max`; `codes` labels the values where they mean something
 * @returns the field schema
 * @example
 * ```ts
 * integerField("Children allocated.", { min: 0 }).parse(12); // 12
 * ```
 */
export function integerField(
  description: string,
  bounds: { min?: number; max?: number; codes?: readonly CodeOption[] } = {},
) {
  let s = z.number().int();
  if (bounds.min !== undefined) s = s.min(bounds.min);
  if (bounds.max !== undefined) s = s.max(bounds.max);
  return s.register(fieldMetaRegistry, {
    type: "integer",
    required: true,
    description,
    ...(bounds.codes ? { codes: bounds.codes } : {}),
    expects: `a whole number${rangeWords(bounds)}`,
    check: { kind: "integer", ...range(bounds) },
  });
}

/**
 * A number (decimals allowed) within bounds.
 *
 * @param description - one sentence for analysts
 * @param bounds - inclusive `min` / `max`
 * @returns the field schema
 * @example
 * ```ts
 * numberField("Full-time equivalent.", { min: 0, max: 1.5 }).parse(0.8); // 0.8
 * ```
 */
export function numberField(description: string, bounds: { min?: number; max?: number } = {}) {
  let s = z.number();
  if (bounds.min !== undefined) s = s.min(bounds.min);
  if (bounds.max !== undefined) s = s.max(bounds.max);
  return s.register(fieldMetaRegistry, {
    type: "number",
    required: true,
    description,
    expects: `a number${rangeWords(bounds)}`,
    check: { kind: "number", ...range(bounds) },
  });
}

/**
 * A yes/no value (JSON `true`/`false`; CSV also `1`/`0`, `Y`/`N`, `yes`/`no`, any case).
 *
 * @param description - one sentence for analysts
 * @returns the field schema
 * @example
 * ```ts
 * booleanField("Agency worker.").parse(true); // true
 * ```
 */
export function booleanField(description: string) {
  return z.boolean().register(fieldMetaRegistry, {
    type: "boolean",
    required: true,
    description,
    expects: "true or false",
    check: { kind: "boolean" },
  });
}

/**
 * Make a field optional: absent or `null` both validate to `null` (never `undefined`), so a validated
 * record always has every field.
 *
 * @param field - a field schema built by one of the field builders
 * @returns the optional field schema
 * @example
 * ```ts
 * optional(textField("Team.")).parse(undefined); // null
 * ```
 */
export function optional<T extends z.ZodType>(field: T) {
  const meta = fieldMetaRegistry.get(field);
  const wrapped = field.nullable().default(null);
  if (meta) fieldMetaRegistry.add(wrapped as z.ZodType, { ...meta, required: false });
  return wrapped;
}

function range(bounds: { min?: number; max?: number }): { min?: number; max?: number } {
  return {
    ...(bounds.min !== undefined ? { min: bounds.min } : {}),
    ...(bounds.max !== undefined ? { max: bounds.max } : {}),
  };
}

function rangeWords(bounds: { min?: number; max?: number }): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return min === 0 ? " of 0 or more" : ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  return "";
}
