"use client";

import { useActionState } from "react";
import { importReturnAction } from "../app/actions/imports";
import { initialImportFormState } from "../lib/forms/import-form";
import { ErrorSummary, FieldError } from "./error-summary";
import { ImportReportView } from "./import-report-view";

/**
 * The data page's upload of a statutory return (SSDA903: the CSV tables or the XML message): files, the
 * collection year, dry run (the default) and strict; the API maps the files and the form shows its
 * report, the same one `kpi import ssda903` prints.
 *
 * @returns the form and, after a submit, the report
 * @example
 * ```tsx
 * <ImportForm />
 * ```
 */
export function ImportForm() {
  const [state, action, pending] = useActionState(importReturnAction, initialImportFormState);
  const e = state.fieldErrors;
  return (
    <>
      <form action={action} noValidate className="no-print" aria-label="Import an SSDA903 return">
        <ErrorSummary fieldErrors={e} labels={{ files: "Files", year: "Collection year" }} />
        <p role="status" className={state.status === "error" ? "field-error" : undefined}>
          {state.status === "error" && Object.keys(e).length === 0 ? state.message : ""}
        </p>
        <div className="field">
          <label htmlFor="field-files">Files</label>
          <p className="hint" id="hint-files">
            The return&rsquo;s CSV tables (header, episodes, reviews, OC2, OC3 …) or its XML message
          </p>
          <FieldError name="files" messages={e.files} />
          <input
            id="field-files"
            name="files"
            type="file"
            multiple
            accept=".csv,.xml,.txt"
            aria-invalid={e.files ? true : undefined}
            aria-describedby={e.files ? "hint-files error-files" : "hint-files"}
          />
        </div>
        <div className="field">
          <label htmlFor="field-year">Collection year</label>
          <p className="hint" id="hint-year">
            The year of the return&rsquo;s 31 March, such as 2018 or 2017-18; blank when the file names say it
          </p>
          <FieldError name="year" messages={e.year} />
          <input
            id="field-year"
            name="year"
            type="text"
            defaultValue={state.values.year}
            aria-invalid={e.year ? true : undefined}
            aria-describedby={e.year ? "hint-year error-year" : "hint-year"}
          />
        </div>
        <div className="field">
          <input id="field-dry_run" name="dry_run" type="checkbox" defaultChecked={state.values.dryRun} />{" "}
          <label htmlFor="field-dry_run">Dry run: report only, write nothing</label>
        </div>
        <div className="field">
          <input id="field-strict" name="strict" type="checkbox" defaultChecked={state.values.strict} />{" "}
          <label htmlFor="field-strict">Strict: write nothing if any row would be dropped</label>
        </div>
        <button type="submit" disabled={pending}>
          {pending ? "Importing…" : "Import"}
        </button>
      </form>
      <div aria-live="polite">
        {state.report === null ? null : <ImportReportView report={state.report} />}
      </div>
    </>
  );
}
