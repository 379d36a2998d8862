import type { ReportIndicator, SectionAnalysis } from "@kpi/contract";
import { formatValue } from "@kpi/core";
import Link from "next/link";
import { getReport } from "../lib/api";
import { targetText } from "../lib/figure-text";
import { getSparklineHistories } from "../lib/sparkline-histories";
import { AnalysisEditor } from "./analysis-editor";
import { ChangeFigure } from "./change-figure";
import { DataTable, type DataTableColumn } from "./data-table";
import { RagBadge } from "./rag-badge";
import { Sparkline } from "./sparkline";

function Analysis({ analysis }: { analysis: SectionAnalysis }) {
  const paragraphs = analysis.text.split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <div className="analysis">
      <p>
        {analysis.draft ? (
          <>
            <span className="tag tag-draft">Draft</span> Drafted from the figures; not yet reviewed by staff.
          </>
        ) : (
          <>
            Written by <strong>{analysis.author}</strong>
            {analysis.updated_at === null ? null : (
              <>
                {" "}
                on{" "}
                <time dateTime={analysis.updated_at}>
                  {new Date(analysis.updated_at).toLocaleString("en-GB", {
                    dateStyle: "long",
                    timeStyle: "short",
                    timeZone: "Europe/London",
                  })}
                </time>
              </>
            )}
          </>
        )}
      </p>
      {paragraphs.length === 0 ? <p>No analysis yet.</p> : paragraphs.map((p, i) => <p key={i}>{p}</p>)}
    </div>
  );
}

/** A column with the quarter's change on one comparison, as sign, arrow and better/worse. */
function changeColumn(
  key: string,
  header: string,
  comparison: "previous_period" | "same_period_last_year",
): DataTableColumn<ReportIndicator> {
  return {
    key,
    header,
    cell: (ind) => (
      <ChangeFigure
        change={ind.quarter.comparisons[comparison]?.change ?? null}
        unit={ind.unit}
        decimals={ind.decimals}
        polarity={ind.polarity}
      />
    ),
  };
}

/**
 * One section of the quarterly report: its figures (quarter and year to date, target, status,
 * changes, an 8-quarter sparkline), positive and negative KPIs, the analysis and, for analysts, the
 * analysis editor. The sparklines come from the page's one `/v1/series` request
 * ({@link getSparklineHistories}), shared by every section, as on the dashboard.
 *
 * @param props - the `period`, the `sectionId`, and whether the person may `edit`
 * @returns the section
 * @example
 * ```tsx
 * <ReportSectionView period="FY2019-20-Q2" sectionId="ffd" edit={false} />
 * ```
 */
export async function ReportSectionView({
  period,
  sectionId,
  edit,
}: {
  period: string;
  sectionId: string;
  edit: boolean;
}) {
  const report = await getReport(period);
  const section = report.sections.find((s) => s.id === sectionId);
  if (section === undefined) return null;
  const histories = await getSparklineHistories(period);
  const titleOf = new Map(section.indicators.map((i) => [i.id, i.title]));
  const columns: DataTableColumn<ReportIndicator>[] = [
    {
      key: "indicator",
      header: "Indicator",
      cell: (ind) => <Link href={`/indicators/${encodeURIComponent(ind.id)}`}>{ind.title}</Link>,
    },
    {
      key: "quarter",
      header: "Quarter",
      numeric: true,
      cell: (ind) => formatValue(ind.quarter.value, ind.unit, ind.decimals),
    },
    {
      key: "ytd",
      header: "Year to date",
      numeric: true,
      cell: (ind) => formatValue(ind.ytd.value, ind.unit, ind.decimals),
    },
    {
      key: "target",
      header: "Target",
      cell: (ind) => targetText(ind.quarter.target, ind.unit, ind.decimals),
    },
    { key: "status", header: "Status", cell: (ind) => <RagBadge status={ind.quarter.status} /> },
    changeColumn("previous", "On last quarter", "previous_period"),
    changeColumn("last-year", "On same quarter last year", "same_period_last_year"),
    {
      key: "sparkline",
      header: "Last 8 quarters",
      cell: (ind) => (
        <Sparkline
          id={`report-${ind.id.replaceAll(".", "-")}`}
          points={(histories.get(ind.id) ?? []).map((h) => ({ label: h.label, value: h.value }))}
          unit={ind.unit}
          decimals={ind.decimals}
          target={typeof ind.quarter.target === "number" ? ind.quarter.target : null}
        />
      ),
    },
  ];
  return (
    <section className="report-section" aria-labelledby={`report-${section.id}`}>
      <h2 id={`report-${section.id}`}>{section.title}</h2>
      <DataTable
        caption={`${section.title}: ${report.label} and the year to date`}
        columns={columns}
        rows={section.indicators}
        rowKey={(ind) => ind.id}
      />
      <div className="kpis">
        <div>
          <h3>Positive KPIs</h3>
          {section.positive.length === 0 ? (
            <p>None this quarter.</p>
          ) : (
            <ul>
              {section.positive.map((k) => (
                <li key={k.indicator}>
                  <strong>{titleOf.get(k.indicator) ?? k.indicator}</strong>: {k.sentence}
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>Negative KPIs</h3>
          {section.negative.length === 0 ? (
            <p>None this quarter.</p>
          ) : (
            <ul>
              {section.negative.map((k) => (
                <li key={k.indicator}>
                  <strong>{titleOf.get(k.indicator) ?? k.indicator}</strong>: {k.sentence}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h3>Analysis</h3>
      <Analysis analysis={section.analysis} />
      {edit ? (
        <AnalysisEditor
          period={report.period}
          sectionId={section.id}
          sectionTitle={section.title}
          text={section.analysis.text}
        />
      ) : null}
    </section>
  );
}
