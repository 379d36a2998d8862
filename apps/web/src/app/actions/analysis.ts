"use server";

import { revalidatePath } from "next/cache";
import { approveAnalysis, revertAnalysis, saveAnalysis } from "../../lib/api";
import { displayTime } from "../../lib/display-time";
import { analysisFormSchema, analysisVersionFormSchema } from "../../lib/forms/analysis-form";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";

/** A refused write in the words of the person who tried it. */
function refusal(status: number, message: string, doing: string): string {
  if (status === 403) return `You can read the report but not ${doing}.`;
  if (status === 401) return "Your session has ended. Sign in again, then try again.";
  return message;
}

/**
 * Saves a report section's analysis text: validates the form, stores the text through the API (which
 * records the author by display name and the time, refuses viewers, and returns an approved section
 * to draft), and refreshes the report.
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
    const message = refusal(
      outcome.status,
      outcome.message,
      "edit it. Ask an analyst to change the analysis",
    );
    return { status: "error", message, fieldErrors: outcome.fieldErrors, values: input };
  }
  revalidatePath(`/reports/${parsed.data.period}`);
  return {
    status: "ok",
    message: `Saved by ${outcome.data.author} at ${displayTime(outcome.data.updated_at, "medium")}.`,
    fieldErrors: {},
    values: { ...input, text: outcome.data.text },
  };
}

/**
 * Reverts a section's analysis to an earlier version (stored again as a new version, so the section
 * is a draft until approved), and refreshes the report.
 *
 * @param _previous - the form's previous state
 * @param form - `period`, `section`, `version`
 * @returns the form state: reverted or what went wrong
 * @example
 * ```tsx
 * const [state, action] = useActionState(revertAnalysisAction, initialFormState);
 * ```
 */
export async function revertAnalysisAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["period", "section", "version"]);
  const parsed = analysisVersionFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const { period, section, version } = parsed.data;
  const outcome = await revertAnalysis(period, section, version);
  if (!outcome.ok) {
    const message = refusal(outcome.status, outcome.message, "revert it");
    return { status: "error", message, fieldErrors: outcome.fieldErrors, values: input };
  }
  revalidatePath(`/reports/${period}`);
  return {
    status: "ok",
    message: `Version ${version} restored as version ${outcome.data.version} by ${outcome.data.author}.`,
    fieldErrors: {},
    values: input,
  };
}

/**
 * Signs off the latest version of a section's analysis (admins), and refreshes the report.
 *
 * @param _previous - the form's previous state
 * @param form - `period`, `section`, `version` (the version the approver read)
 * @returns the form state: approved or what went wrong (a newer version since the page was read)
 * @example
 * ```tsx
 * const [state, action] = useActionState(approveAnalysisAction, initialFormState);
 * ```
 */
export async function approveAnalysisAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["period", "section", "version"]);
  const parsed = analysisVersionFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const { period, section, version } = parsed.data;
  const outcome = await approveAnalysis(period, section, version);
  if (!outcome.ok) {
    const message =
      outcome.status === 409
        ? "Someone changed the analysis since you opened the page. Read the latest version, then approve it."
        : refusal(outcome.status, outcome.message, "approve it. Ask an administrator to sign it off");
    return { status: "error", message, fieldErrors: outcome.fieldErrors, values: input };
  }
  revalidatePath(`/reports/${period}`);
  const approval = outcome.data.approval;
  return {
    status: "ok",
    message:
      approval === null
        ? "Approved."
        : `Approved by ${approval.approved_by} on ${displayTime(approval.approved_at, "medium")}.`,
    fieldErrors: {},
    values: input,
  };
}
