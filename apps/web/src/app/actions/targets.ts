"use server";

import { revalidatePath } from "next/cache";
import { setTarget } from "../../lib/api";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";
import { targetFormSchema, targetOfForm } from "../../lib/forms/target-form";

/**
 * Sets an indicator's target for a financial year (analysts and admins): validates the form, sends
 * the target through the API (which records who set it), and refreshes the targets page.
 *
 * @param _previous - the form's previous state
 * @param form - `indicator`, `financial_year`, `kind`, `value` or `low`/`high`, `tolerance`
 * @returns the form state
 * @example
 * ```tsx
 * const [state, action] = useActionState(setTargetAction, initialFormState);
 * ```
 */
export async function setTargetAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["indicator", "financial_year", "kind", "value", "low", "high", "tolerance"]);
  const parsed = targetFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const outcome = await setTarget(
    parsed.data.indicator,
    parsed.data.financial_year,
    targetOfForm(parsed.data),
  );
  if (!outcome.ok) {
    const message =
      outcome.status === 403 ? "Only analysts and administrators can set targets." : outcome.message;
    // The API names a range's problem `range`; the form has its two ends.
    const { range, ...fieldErrors } = outcome.fieldErrors;
    if (range !== undefined) Object.assign(fieldErrors, { low: range, high: range });
    return { status: "error", message, fieldErrors, values: input };
  }
  revalidatePath("/targets");
  return {
    status: "ok",
    message: `Target for ${parsed.data.financial_year} saved by ${outcome.data.set_by}.`,
    fieldErrors: {},
    values: input,
  };
}
