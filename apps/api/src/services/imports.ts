import { createHmac } from "node:crypto";
import { datasets } from "@kpi/catalogue";
import type { ImportKind, ImportReport, ImportWritten } from "@kpi/contract";
import {
  type ImportedDataset,
  type ImportFile,
  importStatutoryReturn,
  parseCollectionYear,
} from "@kpi/imports";
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
  /** The first and last days an extract covers (Annex A), when the workbook does not state them. */
  readonly from?: string;
  readonly to?: string;
  readonly dryRun: boolean;
  readonly strict: boolean;
}

/** The span a mapped dataset covers, with its collection year's label. */
interface Span {
  readonly from: string;
  readonly to: string;
  readonly year: string;
}

/** Each return as staff name it, for the source an import records. */
const returnTitles: Readonly<Record<ImportKind, string>> = {
  ssda903: "SSDA903 return",
  "cin-census": "CIN census",
  "workforce-census": "Children's social work workforce census",
  "annex-a": "Ofsted Annex A",
};

/** What an import needs from the app. */
export interface ImportDeps {
  readonly db: Db;
  readonly pseudonymKey: string;
  readonly chunkSize?: number;
  /** Runs the function that opens the import's transaction when a batch slot is free; at once if absent. */
  readonly withTransactionSlot?: <T>(work: () => Promise<T>) => Promise<T>;
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
  if ((request.from === undefined) !== (request.to === undefined))
    throw new ApiError(
      "validation_failed",
      "Give both from and to (the first and last days the extract covers), or neither",
    );
  const organisationId = request.caller.organisationId;
  const mapped = await importStatutoryReturn(request.kind, request.files, {
    ...(year === undefined ? {} : { year }),
    ...(request.from === undefined || request.to === undefined
      ? {}
      : { span: { from: request.from, to: request.to } }),
    strict: request.strict,
    dryRun: request.dryRun,
    recordId: (prefix, parts) => importRecordId(deps.pseudonymKey, organisationId, prefix, parts),
  });
  if (request.dryRun || mapped.report.outcome === "failed") return mapped.report;
  const totals = new Map<string, ImportWritten>();
  const title = returnTitles[request.kind];
  // One write per dataset and collection year: a dated dataset replaces what was stored within the
  // year the return covers (decision 130), so two writes of one year would delete each other's rows.
  const writes = new Map<string, { d: ImportedDataset; records: Record<string, unknown>[]; span?: Span }>();
  mapped.datasets.forEach((d, i) => {
    const id = `${d.dataset}\n${d.year}`;
    const found = writes.get(id);
    if (found !== undefined) {
      found.records.push(...d.records);
      return;
    }
    const c = mapped.report.coverage[i];
    const span =
      c !== undefined && c.dataset === d.dataset ? { from: c.from, to: c.to, year: c.year } : undefined;
    writes.set(id, { d, records: [...d.records], ...(span === undefined ? {} : { span }) });
  });
  try {
    const withSlot = deps.withTransactionSlot ?? ((work) => work());
    await withSlot(() =>
      deps.db.transaction(async (tx) => {
        for (const { d, records, span } of writes.values()) {
          const statutory = span !== undefined && datasets[d.dataset].dating.kind !== "undated";
          const result = await writeRows(tx, deps, {
            caller: request.caller,
            dataset: d.dataset,
            mode: statutory ? "replace" : "upsert",
            merge: d.write === "merge",
            format: "json",
            // Checked by the same catalogue validator when the import mapped them (finishDataset).
            prevalidated: true,
            rows: records,
            ...(statutory
              ? {
                  declaration: {
                    // An extract (Annex A) declares the span it covers; a return is statutory.
                    kind: request.kind === "annex-a" ? ("declared" as const) : ("statutory" as const),
                    from: span.from,
                    to: span.to,
                    name: `${title} ${span.year}`,
                  },
                }
              : {}),
          });
          const t = totals.get(d.dataset) ?? {
            dataset: d.dataset,
            received: 0,
            inserted: 0,
            updated: 0,
            unchanged: 0,
            deleted: 0,
          };
          t.received += result.received;
          t.inserted += result.inserted;
          t.updated += result.updated;
          t.unchanged += result.unchanged;
          t.deleted += result.deleted;
          totals.set(d.dataset, t);
        }
      }),
    );
  } catch (error) {
    if (error instanceof BatchRejected) throw error.apiError;
    throw error;
  }
  return { ...mapped.report, written: [...totals.values()] };
}
