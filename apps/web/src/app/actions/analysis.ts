"use server";

import { revalidatePath } from "next/cache";
import { saveAnalysis } from "../../lib/api";
import { analysisFormSchema } from "../../lib/forms/analysis-form";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";

/**
 * Saves a report section's analysis text: validates the form, stores the text through the API (which
 * records the author and time, and refuses viewers), and refreshes the report.
 *
 * @param _previous - the form's previous state
 * @param form - `period`, `section`, `text`
 * @returns the form state: saved (with author and time) or what went wrong
 * @example
 * ```tsx
 * const [state, action] = useActionState(saveAnalysisAction, initialFormState);
 * ```
 */
export async function saveAnalysisAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["period", "section", "text"]);
  const parsed = analysisFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const outcome = await saveAnalysis(parsed.data.period, parsed.data.section, parsed.data.text);
  if (!outcome.ok) {
    const message =
      outcome.status === 403
        ? "You can read the report but not edit it. Ask an analyst to change the analysis."
        : outcome.status === 401
          ? "Your session has ended. Sign in again, then save."
          : outcome.message;
    return { status: "error", message, fieldErrors: outcome.fieldErrors, values: input };
  }
  revalidatePath(`/reports/${parsed.data.period}`);
  const at = new Date(outcome.data.updated_at).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/London",
  });
  return {
    status: "ok",
    message: `Saved by ${outcome.data.author} at ${at}.`,
    fieldErrors: {},
    values: { ...input, text: outcome.data.text },
  };
}
