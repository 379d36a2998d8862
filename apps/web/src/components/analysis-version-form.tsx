"use client";

import { useActionState } from "react";
import { approveAnalysisAction, revertAnalysisAction } from "../app/actions/analysis";
import { initialFormState } from "../lib/forms/form-state";

/**
 * One button acting on a version of a section's analysis: revert to it (analysts and admins) or
 * approve it (admins, the latest version only). The outcome is announced in a live region.
 *
 * @param props - what to do, the `period`, `sectionId`, `version` and the button's `label`
 * @returns the form
 * @example
 * ```tsx
 * <AnalysisVersionForm kind="approve" period="FY2019-20-Q2" sectionId="ffd" version={4} label="Approve version 4" />
 * ```
 */
export function AnalysisVersionForm({
  kind,
  period,
  sectionId,
  version,
  label,
}: {
  kind: "revert" | "approve";
  period: string;
  sectionId: string;
  version: number;
  label: string;
}) {
  const [state, action, pending] = useActionState(
    kind === "approve" ? approveAnalysisAction : revertAnalysisAction,
    initialFormState,
  );
  return (
    <form action={action} className="no-print version-action">
      <input type="hidden" name="period" value={period} />
      <input type="hidden" name="section" value={sectionId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className={kind === "revert" ? "secondary" : undefined} disabled={pending}>
        {pending ? (kind === "approve" ? "Approving…" : "Restoring…") : label}
      </button>
      <span role="status" className={state.status === "error" ? "field-error" : undefined}>
        {state.message ?? ""}
      </span>
    </form>
  );
}
