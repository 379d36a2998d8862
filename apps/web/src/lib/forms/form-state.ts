import { z } from "zod";

/** What a server action hands back to its form: a message, errors per field, and the values typed. */
export interface FormState {
  /** `idle` before the first submit, then `ok` or `error`. */
  status: "idle" | "ok" | "error";
  /** A sentence for the person (shown in a live region). */
  message: string | null;
  /** Messages per field name; shown beside each field and in the error summary. */
  fieldErrors: Record<string, string[]>;
  /** The submitted text values, so a failed form keeps what was typed (never passwords). */
  values: Record<string, string>;
}

/** The state of a form nobody has submitted yet. */
export const initialFormState: FormState = { status: "idle", message: null, fieldErrors: {}, values: {} };

/**
 * Reads the named text fields of a submitted form (files and missing fields become empty strings).
 *
 * @param form - the submitted form data
 * @param names - the fields to read
 * @returns name → text
 * @example
 * ```ts
 * formText(formData, ["username"]); // { username: "j.smith" }
 * ```
 */
export function formText<N extends string>(form: FormData, names: readonly N[]): Record<N, string> {
  const out = {} as Record<N, string>;
  for (const name of names) {
    const v = form.get(name);
    out[name] = typeof v === "string" ? v : "";
  }
  return out;
}

/**
 * A failed form state from a zod error: one list of messages per field, a summary sentence, and the
 * values to put back.
 *
 * @param error - the validation error
 * @param values - the values to keep in the form
 * @returns the state to return from the action
 * @example
 * ```ts
 * const r = schema.safeParse(input);
 * if (!r.success) return invalidForm(r.error, { username: input.username });
 * ```
 */
export function invalidForm(error: z.ZodError, values: Record<string, string>): FormState {
  const flat = z.flattenError(error);
  const fieldErrors: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(flat.fieldErrors))
    if (Array.isArray(v) && v.length > 0) fieldErrors[k] = v;
  if (flat.formErrors.length > 0) fieldErrors.form = flat.formErrors;
  return {
    status: "error",
    message: "There is a problem: check the fields marked below.",
    fieldErrors,
    values,
  };
}
