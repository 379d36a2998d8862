import type { ImportReport, ImportRowIssue } from "@kpi/contract";

const n = (x: number) => x.toLocaleString("en-GB");
const where = (i: ImportRowIssue) =>
  `${i.file}${i.line === undefined ? "" : `:${i.line}`}${i.element === undefined ? "" : ` ${i.element}`}`;
const OUTCOME = {
  clean: "Clean",
  partial: "Partial: rows dropped",
  failed: "Failed: nothing written",
} as const;

/**
 * The API's import report as the portal shows it, the same content `kpi import` prints: the outcome in
 * words, the whole-file problems, each file as read, a table of counts per return table (read, mapped,
 * kept with a warning, dropped), then per table the counts per DfE rule, the columns not imported and
 * why, and the first drops and warnings with file, line and message; what was written and covered.
 *
 * @param props - `report`: the import report
 * @returns the report
 * @example
 * ```tsx
 * <ImportReportView report={state.report} />
 * ```
 */
export function ImportReportView({ report }: { report: ImportReport }) {
  const shown = 20;
  return (
    <section aria-labelledby="import-report-title" className="import-report">
      <h3 id="import-report-title">
        Import report: {OUTCOME[report.outcome]}
        {report.dry_run ? " (dry run, nothing written)" : ""}
      </h3>
      <p>{report.message}</p>
      {report.problems.length > 0 ? (
        <>
          <h4>Problems</h4>
          <ul>
            {report.problems.map((p) => (
              <li key={`${p.file}-${p.message}`}>
                <strong>{p.file}</strong> {p.message}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.files.length > 0 ? (
        <>
          <h4>Files</h4>
          <ul>
            {report.files.map((f) => (
              <li key={f.file}>
                {f.file}:{" "}
                {[f.format, f.encoding, f.delimiter === undefined ? undefined : `delimiter “${f.delimiter}”`]
                  .filter(Boolean)
                  .join(", ")}
                {f.tables.length > 0 ? ` → ${f.tables.join(", ")}` : ""}
                {f.year === undefined ? "" : ` (${f.year})`}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.tables.length > 0 ? (
        <table>
          <caption>Rows per table of the return</caption>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">Year</th>
              <th scope="col">Dataset</th>
              <th scope="col" className="numeric">
                Read
              </th>
              <th scope="col" className="numeric">
                Mapped
              </th>
              <th scope="col" className="numeric">
                Kept with a warning
              </th>
              <th scope="col" className="numeric">
                Dropped
              </th>
            </tr>
          </thead>
          <tbody>
            {report.tables.map((t) => (
              <tr key={`${t.year}-${t.table}-${t.file}`}>
                <th scope="row">{t.table}</th>
                <td>{t.year}</td>
                <td>{t.dataset.replaceAll("_", " ")}</td>
                <td className="numeric">{n(t.read)}</td>
                <td className="numeric">{n(t.mapped)}</td>
                <td className="numeric">{n(t.kept_with_warning)}</td>
                <td className="numeric">{n(t.dropped)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {report.tables
        .filter(
          (t) =>
            t.by_rule.length > 0 ||
            t.columns_not_imported.length > 0 ||
            t.drops.length > 0 ||
            t.warnings.length > 0,
        )
        .map((t) => (
          <details key={`d-${t.year}-${t.table}-${t.file}`}>
            <summary>
              {t.table} ({t.year}): {n(t.dropped)} dropped, {n(t.kept_with_warning)} kept with a warning
            </summary>
            {t.by_rule.length > 0 ? (
              <ul>
                {t.by_rule.map((r) => (
                  <li key={r.rule}>
                    Rule {r.rule}: {n(r.kept)} kept, {n(r.dropped)} dropped
                  </li>
                ))}
              </ul>
            ) : null}
            {t.columns_not_imported.length > 0 ? (
              <p>Not imported: {t.columns_not_imported.map((c) => `${c.column} (${c.why})`).join("; ")}</p>
            ) : null}
            <ul>
              {t.drops.slice(0, shown).map((d) => (
                <li key={`x-${where(d)}-${d.message}`}>
                  <strong>Dropped</strong> {where(d)}: {d.message}
                </li>
              ))}
              {t.warnings.slice(0, shown).map((w) => (
                <li key={`w-${where(w)}-${w.message}`}>
                  {where(w)}: {w.message}
                </li>
              ))}
            </ul>
            {t.drops.length > shown || t.warnings.length > shown ? (
              <p>
                The first {shown} drops and warnings are shown; `kpi import ssda903 --json` lists up to 1,000.
              </p>
            ) : null}
          </details>
        ))}
      {report.written.length > 0 ? (
        <p>
          Written:{" "}
          {report.written
            .map(
              (w) =>
                `${w.dataset.replaceAll("_", " ")} ${n(w.received)} (${n(w.inserted)} new, ${n(w.updated)} updated)`,
            )
            .join("; ")}
        </p>
      ) : null}
      {report.coverage.length > 0 ? (
        <p>
          Covers: {[...new Set(report.coverage.map((c) => `${c.year} (${c.from} to ${c.to})`))].join(", ")}
        </p>
      ) : null}
    </section>
  );
}
