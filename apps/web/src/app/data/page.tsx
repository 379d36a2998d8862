import {
  type BatchSummary,
  type DataQualityReport,
  type DatasetDescription,
  describeSpans,
} from "@kpi/contract";
import type { Metadata } from "next";
import { Suspense } from "react";
import { DataTable, type DataTableColumn } from "../../components/data-table";
import { ImportForm } from "../../components/import-form";
import { SourcesTable } from "../../components/sources-table";
import { getBatches, getDataQuality, getDatasets } from "../../lib/api";
import { canImport } from "../../lib/roles";
import { requireSession } from "../../lib/session";

export const metadata: Metadata = { title: "Data" };

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/London",
  });

const BATCH_COLUMNS: DataTableColumn<BatchSummary>[] = [
  {
    key: "received",
    header: "Received",
    cell: (b) => <time dateTime={b.created_at}>{dateTime(b.created_at)}</time>,
  },
  { key: "dataset", header: "Dataset", cell: (b) => b.dataset.replaceAll("_", " ") },
  { key: "mode", header: "Mode", cell: (b) => b.mode },
  { key: "actor", header: "Sent by", cell: (b) => b.actor },
  { key: "records", header: "Records", numeric: true, cell: (b) => b.received.toLocaleString("en-GB") },
  { key: "inserted", header: "Inserted", numeric: true, cell: (b) => b.inserted.toLocaleString("en-GB") },
  { key: "updated", header: "Updated", numeric: true, cell: (b) => b.updated.toLocaleString("en-GB") },
  { key: "unchanged", header: "Unchanged", numeric: true, cell: (b) => b.unchanged.toLocaleString("en-GB") },
  { key: "deleted", header: "Deleted", numeric: true, cell: (b) => b.deleted.toLocaleString("en-GB") },
];

/** What a dataset's records are complete for, in words. */
function coveredText(d: DatasetDescription): string {
  if (d.dating.kind === "undated") return "No date coverage (needed whole)";
  return d.coverage.spans.length === 0 ? "Nothing loaded" : describeSpans(d.coverage.spans);
}

const COVERAGE_COLUMNS: DataTableColumn<DatasetDescription>[] = [
  { key: "dataset", header: "Dataset", cell: (d) => d.title },
  { key: "covered", header: "Records complete for", cell: coveredText },
  {
    key: "sources",
    header: "Sources",
    numeric: true,
    cell: (d) => (d.dating.kind === "undated" ? "–" : d.coverage.sources.length.toLocaleString("en-GB")),
  },
];

async function Coverage() {
  const list = await getDatasets();
  const sources = list.flatMap((d) => d.coverage.sources);
  return (
    <>
      <DataTable
        caption="What each dataset's records are complete for"
        columns={COVERAGE_COLUMNS}
        rows={list}
        rowKey={(d) => d.name}
        rowHeader="dataset"
      />
      <h3>Sources</h3>
      {sources.length === 0 ? (
        <p>No dated records have been loaded yet.</p>
      ) : (
        <SourcesTable sources={sources} caption="The sources behind the coverage, by dataset" hideCaption />
      )}
    </>
  );
}

type Finding = DataQualityReport["findings"][number];

const FINDING_COLUMNS: DataTableColumn<Finding>[] = [
  {
    key: "severity",
    header: "Severity",
    cell: (f) => <strong>{f.severity === "error" ? "Error" : "Warning"}</strong>,
  },
  { key: "check", header: "Check", cell: (f) => f.check.replaceAll("_", " ") },
  { key: "dataset", header: "Dataset", cell: (f) => f.dataset.replaceAll("_", " ") },
  { key: "records", header: "Records", numeric: true, cell: (f) => f.keys.length },
  { key: "finding", header: "Finding", cell: (f) => f.message },
];

async function Batches() {
  const batches = await getBatches();
  if (batches.length === 0) return <p>Nothing has been ingested yet.</p>;
  return (
    <DataTable
      caption="Ingested batches, newest first"
      hideCaption
      columns={BATCH_COLUMNS}
      rows={batches}
      rowKey={(b) => b.id}
      rowHeader="dataset"
    />
  );
}

async function Findings({ asAt }: { asAt: string | undefined }) {
  const quality = await getDataQuality(asAt);
  if (quality.findings.length === 0) return <p>No data-quality problems found as at {quality.as_at}.</p>;
  return (
    <DataTable
      caption={`${quality.findings.length.toLocaleString("en-GB")} findings as at ${quality.as_at}`}
      columns={FINDING_COLUMNS}
      rows={quality.findings}
      rowKey={(f, i) => `${f.check}-${i}`}
      rowHeader="check"
    />
  );
}

/**
 * The data page: what each dataset's records are complete for (coverage) and the sources behind it,
 * the upload of a statutory return (for users who may post data), what has been ingested (batches
 * with their counts) and the data-quality findings. Record keys are not shown: they are pseudonyms,
 * and the case system is where records are fixed.
 */
export default async function DataPage({ searchParams }: PageProps<"/data">) {
  const query = await searchParams;
  const asAt =
    typeof query.as_at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(query.as_at) ? query.as_at : undefined;
  const session = await requireSession();
  return (
    <>
      <h1>Data</h1>
      <h2>Coverage</h2>
      <p>
        A figure has a value only for periods its datasets are complete for; outside them it reads “no value”
        with the reason.
      </p>
      <Suspense fallback={<p role="status">Loading coverage…</p>}>
        <Coverage />
      </Suspense>
      {canImport(session.role) ? (
        <>
          <h2>Import a statutory return</h2>
          <ImportForm />
        </>
      ) : null}
      <h2>Ingested batches</h2>
      <Suspense fallback={<p role="status">Loading batches…</p>}>
        <Batches />
      </Suspense>
      <h2>Data-quality findings</h2>
      <form method="get" className="inline-form no-print" aria-label="Check data quality as at a date">
        <div className="field">
          <label htmlFor="as_at">As at</label>
          <p className="hint" id="as_at-hint">
            A date such as 2019-09-30; blank for today
          </p>
          <input
            id="as_at"
            name="as_at"
            type="text"
            defaultValue={asAt ?? ""}
            aria-describedby="as_at-hint"
          />
        </div>
        <button type="submit" className="secondary">
          Check
        </button>
      </form>
      <Suspense fallback={<p role="status">Checking the records… this can take a few seconds.</p>}>
        <Findings asAt={asAt} />
      </Suspense>
    </>
  );
}
