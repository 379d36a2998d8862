import { isIsoDate } from "@kpi/core";
import { z } from "zod";
import type { CodeOption } from "./codes.js";

/** The kinds of value a dataset field holds; CSV cells are converted according to it. */
export const fieldTypes = ["string", "date", "integer", "number", "boolean", "code"] as const;
/** See {@link fieldTypes}. */
export type FieldType = (typeof fieldTypes)[number];

/**
 * What the data contract says about one field, attached to the field's zod schema so that the
 * registry, the validator's messages and the CSV converter all read the schemas themselves.
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
  return z
    .string()
    .min(1)
    .max(max)
    .register(fieldMetaRegistry, {
      type: "string",
      required: true,
      description,
      expects: `text of 1 to ${max} characters`,
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
  return z.string().refine(isIsoDate).register(fieldMetaRegistry, {
    type: "date",
    required: true,
    description,
    expects: "a date such as 2019-09-30",
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
  return z
    .string()
    .regex(new RegExp(`^(?:${one})(?: (?:${one}))*$`))
    .register(fieldMetaRegistry, {
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

function rangeWords(bounds: { min?: number; max?: number }): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return min === 0 ? " of 0 or more" : ` of ${min} or more`;
  if (max !== undefined) return ` of ${max} or less`;
  return "";
}
