"use client";

import { useActionState } from "react";
import { saveAnalysisAction } from "../app/actions/analysis";
import { initialFormState } from "../lib/forms/form-state";
import { FieldError } from "./error-summary";

/**
 * The analysis editor of one report section (analysts and admins): a labelled text area and a save
 * button. The result is announced in a live region; the saved text shows in the report at once and
 * after a reload.
 *
 * @param props - the `period`, the `sectionId`, its `sectionTitle` and the current `text`
 * @returns the form
 * @example
 * ```tsx
 * <AnalysisEditor period="FY2019-20-Q2" sectionId="ffd" sectionTitle="Family Front Door" text={analysis.text} />
 * ```
 */
export function AnalysisEditor({
  period,
  sectionId,
  sectionTitle,
  text,
}: {
  period: string;
  sectionId: string;
  sectionTitle: string;
  text: string;
}) {
  const [state, action, pending] = useActionState(saveAnalysisAction, initialFormState);
  const fieldId = `analysis-${sectionId}`;
  const errorId = `error-${fieldId}`;
  return (
    <form action={action} className="no-print" aria-labelledby={`${fieldId}-label`}>
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="section" value={sectionId} />
      <div className="field">
        <label id={`${fieldId}-label`} htmlFor={fieldId}>
          Edit the {sectionTitle} analysis
        </label>
        <p className="hint" id={`${fieldId}-hint`}>
          Separate paragraphs with a blank line. Your name and the time are recorded with every version.
        </p>
        {state.fieldErrors.text ? <FieldError name={fieldId} messages={state.fieldErrors.text} /> : null}
        <textarea
          id={fieldId}
          name="text"
          rows={8}
          defaultValue={state.values.text ?? text}
          key={state.status === "ok" ? state.message : "editing"}
          aria-describedby={`${fieldId}-hint${state.fieldErrors.text ? ` ${errorId}` : ""}`}
          aria-invalid={state.fieldErrors.text ? true : undefined}
        />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save analysis"}
      </button>
      <p role="status" className={state.status === "error" ? "field-error" : undefined}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
