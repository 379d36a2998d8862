import type { ImportKind } from "@kpi/contract";
import { importAnnexA } from "./annex-a/import-annex-a.js";
import { importCinCensus } from "./cin/import-cin-census.js";
import type { ImportOptions, MappedImport } from "./framework/import-report.js";
import { importSsda903 } from "./ssda903/import-ssda903.js";
import type { ImportFile } from "./ssda903/read-ssda903-files.js";
import { importWorkforceCensus } from "./workforce/workforce-census.js";

const importers: {
  readonly [K in ImportKind]: (
    files: readonly ImportFile[],
    options: ImportOptions,
  ) => MappedImport | Promise<MappedImport>;
} = {
  ssda903: importSsda903,
  "cin-census": importCinCensus,
  "workforce-census": importWorkforceCensus,
  "annex-a": importAnnexA,
};

/**
 * Import a statutory return or extract of any kind the route takes (`ssda903`, `cin-census`,
 * `workforce-census`, `annex-a`) with its importer: the one entry point the API calls, so every return
 * reports alike. Asynchronous, since a workbook is read asynchronously.
 *
 * @param kind - the return
 * @param files - the uploaded files
 * @param options - year (or an extract's span), strict, dry run and the record-id function
 * @returns the report and the records per dataset and year
 * @example
 * ```ts
 * // Resolves to the report (`failed` here: no file) and the records.
 * importStatutoryReturn("cin-census", [], { recordId: () => "" }) instanceof Promise; // true
 * ```
 */
export async function importStatutoryReturn(
  kind: ImportKind,
  files: readonly ImportFile[],
  options: ImportOptions,
): Promise<MappedImport> {
  return await importers[kind](files, options);
}
