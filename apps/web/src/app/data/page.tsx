import type { Metadata } from "next";
import { Suspense } from "react";
import { getBatches, getDataQuality } from "../../lib/api";

export const metadata: Metadata = { title: "Data" };

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/London",
  });

async function Batches() {
  const batches = await getBatches();
  if (batches.length === 0) return <p>Nothing has been ingested yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Ingested batches, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Dataset</th>
            <th scope="col">Mode</th>
            <th scope="col">Sent by</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col" className="num">
              Inserted
            </th>
            <th scope="col" className="num">
              Updated
            </th>
            <th scope="col" className="num">
              Unchanged
            </th>
            <th scope="col" className="num">
              Deleted
            </th>
          </tr>
        </thead>
        <tbody>
          {batches.map((b) => (
            <tr key={b.id}>
              <td>
                <time dateTime={b.created_at}>{dateTime(b.created_at)}</time>
              </td>
              <th scope="row">{b.dataset.replaceAll("_", " ")}</th>
              <td>{b.mode}</td>
              <td>{b.actor}</td>
              <td className="num">{b.received.toLocaleString("en-GB")}</td>
              <td className="num">{b.inserted.toLocaleString("en-GB")}</td>
              <td className="num">{b.updated.toLocaleString("en-GB")}</td>
              <td className="num">{b.unchanged.toLocaleString("en-GB")}</td>
              <td className="num">{b.deleted.toLocaleString("en-GB")}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

async function Findings({ asAt }: { asAt: string | undefined }) {
  const quality = await getDataQuality(asAt);
  if (quality.findings.length === 0) return <p>No data-quality problems found as at {quality.as_at}.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>
          {quality.findings.length.toLocaleString("en-GB")} findings as at {quality.as_at}
        </caption>
        <thead>
          <tr>
            <th scope="col">Severity</th>
            <th scope="col">Check</th>
            <th scope="col">Dataset</th>
            <th scope="col" className="num">
              Records
            </th>
            <th scope="col">Finding</th>
          </tr>
        </thead>
        <tbody>
          {quality.findings.map((f, i) => (
            <tr key={`${f.check}-${i}`}>
              <td>
                <strong>{f.severity === "error" ? "Error" : "Warning"}</strong>
              </td>
              <th scope="row">{f.check.replaceAll("_", " ")}</th>
              <td>{f.dataset.replaceAll("_", " ")}</td>
              <td className="num">{f.keys.length}</td>
              <td>{f.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The data page: what has been ingested (batches with their counts) and the data-quality findings.
 * Record keys are not shown: they are pseudonyms, and the case system is where records are fixed.
 */
export default async function DataPage({ searchParams }: PageProps<"/data">) {
  const query = await searchParams;
  const asAt =
    typeof query.as_at === "string" && /^\d{4}-\d{2}-\d{2}$/.test(query.as_at) ? query.as_at : undefined;
  return (
    <>
      <h1>Data</h1>
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
