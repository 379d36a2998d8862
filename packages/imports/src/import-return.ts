import type { ImportKind } from "@kpi/contract";
import { importCinCensus } from "./cin/import-cin-census.js";
import type { ImportOptions, MappedImport } from "./framework/import-report.js";
import { importSsda903 } from "./ssda903/import-ssda903.js";
import type { ImportFile } from "./ssda903/read-ssda903-files.js";
import { importWorkforceCensus } from "./workforce/workforce-census.js";

const importers: {
  readonly [K in ImportKind]: (files: readonly ImportFile[], options: ImportOptions) => MappedImport;
} = {
  ssda903: importSsda903,
  "cin-census": importCinCensus,
  "workforce-census": importWorkforceCensus,
};

/**
 * Import a statutory return of any kind the route takes (`ssda903`, `cin-census`, `workforce-census`)
 * with its importer: the one entry point the API calls, so every return reports alike.
 *
 * @param kind - the return
 * @param files - the uploaded files
 * @param options - year, strict, dry run and the record-id function
 * @returns the report and the records per dataset and year
 * @example
 * ```ts
 * importStatutoryReturn("cin-census", [], { recordId: () => "" }).report.outcome; // "failed"
 * ```
 */
export function importStatutoryReturn(
  kind: ImportKind,
  files: readonly ImportFile[],
  options: ImportOptions,
): MappedImport {
  return importers[kind](files, options);
}
