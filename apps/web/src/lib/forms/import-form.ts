import type { ImportReport } from "@kpi/contract";

/** What the upload form shows after a submit: the API's import report, or why there is none. */
export interface ImportFormState {
  readonly status: "idle" | "ok" | "error";
  readonly message: string | null;
  readonly fieldErrors: Record<string, string[]>;
  readonly report: ImportReport | null;
  readonly values: { year: string; dryRun: boolean; strict: boolean };
}

/** The state of the upload form before the first submit: a dry run is the default. */
export const initialImportFormState: ImportFormState = {
  status: "idle",
  message: null,
  fieldErrors: {},
  report: null,
  values: { year: "", dryRun: true, strict: false },
};
