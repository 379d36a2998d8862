"use server";

import { importQuerySchema } from "@kpi/contract";
import { revalidatePath } from "next/cache";
import { importReturn } from "../../lib/api";
import type { ImportFormState } from "../../lib/forms/import-form";

/**
 * Uploads a 903 return from the data page: validates the year with the contract's schema, sends the
 * files to the API (which maps them: the same report the CLI prints) and hands the report back.
 *
 * @param _previous - the form's previous state
 * @param form - `files` (one or more), `year`, `dry_run`, `strict`
 * @returns the form state with the report
 * @example
 * ```tsx
 * const [state, action] = useActionState(importReturnAction, initialImportFormState);
 * ```
 */
export async function importReturnAction(
  _previous: ImportFormState,
  form: FormData,
): Promise<ImportFormState> {
  const year = String(form.get("year") ?? "").trim();
  const values = { year, dryRun: form.get("dry_run") === "on", strict: form.get("strict") === "on" };
  const files = form.getAll("files").filter((f): f is File => f instanceof File && f.size > 0);
  const fieldErrors: Record<string, string[]> = {};
  if (files.length === 0) fieldErrors.files = ["Choose the return's files (CSV tables or the XML message)"];
  const parsedYear = importQuerySchema.shape.year.safeParse(year === "" ? undefined : year);
  if (!parsedYear.success)
    fieldErrors.year = ["Enter the year of the return's 31 March, such as 2018 or 2017-18"];
  if (Object.keys(fieldErrors).length > 0)
    return {
      status: "error",
      message: "There is a problem with the upload",
      fieldErrors,
      report: null,
      values,
    };
  const outcome = await importReturn(files, {
    ...(parsedYear.data === undefined ? {} : { year: parsedYear.data }),
    dryRun: values.dryRun,
    strict: values.strict,
  });
  if (!outcome.ok) {
    const message =
      outcome.status === 403 ? "Only users who may post data can import a return." : outcome.message;
    return { status: "error", message, fieldErrors: outcome.fieldErrors, report: null, values };
  }
  if (!values.dryRun) revalidatePath("/data");
  return { status: "ok", message: outcome.data.message, fieldErrors: {}, report: outcome.data, values };
}
