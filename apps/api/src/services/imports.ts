import { createHmac } from "node:crypto";
import type { ImportKind, ImportReport, ImportWritten } from "@kpi/contract";
import { type ImportFile, importStatutoryReturn, parseCollectionYear } from "@kpi/imports";
import type { Db } from "../db/database.js";
import { ApiError } from "../errors.js";
import { BatchRejected, writeRows } from "./ingest.js";
import type { Caller } from "./roles.js";

/** One statutory import to run. */
export interface ImportRequest {
  readonly caller: Caller;
  readonly kind: ImportKind;
  readonly files: readonly ImportFile[];
  /** `2018` or `2017-18`; else each file's folder or name says. */
  readonly year?: string;
  readonly dryRun: boolean;
  readonly strict: boolean;
}

/** What an import needs from the app. */
export interface ImportDeps {
  readonly db: Db;
  readonly pseudonymKey: string;
  readonly chunkSize?: number;
}

/**
 * The id of a record the return gives none (a 903 episode, a review): a keyed hash (HMAC-SHA256 with
 * the deployment's pseudonym key) of the organisation, a prefix and the identifying values, as
 * `<prefix>-<24 hex digits>`. The same return always gives the same ids, so re-importing it updates
 * records instead of duplicating them; the child's identifier never appears in an id, and the key never
 * leaves the server (decision 161).
 *
 * @param pseudonymKey - the deployment's pseudonym secret
 * @param organisationId - the organisation
 * @param prefix - e.g. `EP` for a care episode
 * @param parts - the identifying values
 * @returns the id
 * @example
 * ```ts
 * importRecordId("k", "default", "EP", ["1001", "2019-04-01"]); // "EP-…"
 * ```
 */
export function importRecordId(
  pseudonymKey: string,
  organisationId: string,
  prefix: string,
  parts: readonly string[],
): string {
  const text = ["import-record-id", organisationId, prefix, ...parts].map((p) => `${p.length}:${p}`).join("");
  return `${prefix}-${createHmac("sha256", pseudonymKey).update(text).digest("hex").slice(0, 24)}`;
}

/**
 * Import a statutory return: map its files with `@kpi/imports` (the same mapping for the CLI and the
 * portal), then — unless it is a dry run or the outcome is `failed` — write every dataset of every
 * collection year in ONE transaction through the ingestion path (`writeRows`: validation,
 * pseudonymisation, chunked upsert, a batch per dataset), children merged field by field. A rejected
 * write rolls everything back, so a failed import writes nothing.
 *
 * @param deps - database and pseudonym key
 * @param request - caller, kind, files and options
 * @returns the import report, with what was written
 * @example
 * ```ts
 * const report = await importReturn(deps, { caller, kind: "ssda903", files, year: "2017-18", dryRun: false, strict: false });
 * report.outcome; // "partial"
 * ```
 */
export async function importReturn(deps: ImportDeps, request: ImportRequest): Promise<ImportReport> {
  if (request.files.length === 0)
    throw new ApiError(
      "validation_failed",
      "Send the return's files as multipart/form-data parts named file",
    );
  let year: number | undefined;
  if (request.year !== undefined) {
    const parsed = parseCollectionYear(request.year);
    if (parsed === null)
      throw new ApiError(
        "validation_failed",
        `year '${request.year}' is not a collection year such as 2018 or 2017-18`,
      );
    year = parsed;
  }
  const organisationId = request.caller.organisationId;
  const mapped = importStatutoryReturn(request.kind, request.files, {
    ...(year === undefined ? {} : { year }),
    strict: request.strict,
    dryRun: request.dryRun,
    recordId: (prefix, parts) => importRecordId(deps.pseudonymKey, organisationId, prefix, parts),
  });
  if (request.dryRun || mapped.report.outcome === "failed") return mapped.report;
  const totals = new Map<string, ImportWritten>();
  try {
    await deps.db.transaction(async (tx) => {
      for (const d of mapped.datasets) {
        const result = await writeRows(tx, deps, {
          caller: request.caller,
          dataset: d.dataset,
          mode: "upsert",
          merge: d.write === "merge",
          format: "json",
          // Checked by the same catalogue validator when the import mapped them (finishDataset).
          prevalidated: true,
          rows: d.records,
        });
        const t = totals.get(d.dataset) ?? {
          dataset: d.dataset,
          received: 0,
          inserted: 0,
          updated: 0,
          unchanged: 0,
        };
        t.received += result.received;
        t.inserted += result.inserted;
        t.updated += result.updated;
        t.unchanged += result.unchanged;
        totals.set(d.dataset, t);
      }
    });
  } catch (error) {
    if (error instanceof BatchRejected) throw error.apiError;
    throw error;
  }
  return { ...mapped.report, written: [...totals.values()] };
}
