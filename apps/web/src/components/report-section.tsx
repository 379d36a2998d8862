import type { Audience, ReportView } from "@kpi/catalogue";
import type { ReportIndicator, ReportSection, SectionAnalysis } from "@kpi/contract";
import { SUPPRESSED } from "@kpi/core";
import Link from "next/link";
import { getReport } from "../lib/api";
import { displayTime } from "../lib/display-time";
import { publishedText, targetText } from "../lib/figure-text";
import { getReportView } from "../lib/report-view";
import { AnalysisEditor } from "./analysis-editor";
import { AnalysisHistory } from "./analysis-history";
import { AnalysisVersionForm } from "./analysis-version-form";
import { ChangeFigure } from "./change-figure";
import { DataTable, type DataTableColumn } from "./data-table";
import { RagBadge } from "./rag-badge";
import { Sparkline } from "./sparkline";
import { VerdictBadge } from "./verdict-badge";

function Analysis({ analysis, text }: { analysis: SectionAnalysis; text: string | null }) {
  const paragraphs = (text ?? "").split(/\n\s*\n/).filter((p) => p.trim() !== "");
  return (
    <div className="analysis">
      <p className="analysis-status">
        {analysis.approval !== null ? (
          <>
            <span className="tag tag-approved">Approved</span> Approved by{" "}
            <strong>{analysis.approval.approved_by}</strong> on{" "}
            <time dateTime={analysis.approval.approved_at}>{displayTime(analysis.approval.approved_at)}</time>
            {analysis.author === null ? null : <>; written by {analysis.author}</>}.
          </>
        ) : analysis.source === "drafted" ? (
          <>
            <span className="tag tag-draft">Draft</span> Drafted from the figures; not yet reviewed by staff.
          </>
        ) : (
          <>
            <span className="tag tag-draft">Draft</span> Written by <strong>{analysis.author}</strong>
            {analysis.updated_at === null ? null : (
              <>
                {" "}
                on <time dateTime={analysis.updated_at}>{displayTime(analysis.updated_at)}</time>
              </>
            )}
            ; not yet approved.
          </>
        )}
      </p>
      {text === null ? (
        <p>
          The drafted analysis is not part of the published report: it is written from every figure, small
          numbers included, and nobody has reviewed it yet. An analyst&rsquo;s saved version is published.
        </p>
      ) : paragraphs.length === 0 ? (
        <p>No analysis yet.</p>
      ) : (
        paragraphs.map((p, i) => <p key={i}>{p}</p>)
      )}
    </div>
  );
}

function KpiList({
  title,
  entries,
  titleOf,
  view,
}: {
  title: string;
  entries: ReportSection["positive"];
  titleOf: ReadonlyMap<string, string>;
  view: ReportView;
}) {
  return (
    <div>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p>None this quarter.</p>
      ) : (
        <ul>
          {entries.map((k) => (
            <li key={k.indicator}>
              <strong>
                {[k.indicator, ...k.complements].map((id) => titleOf.get(id) ?? id).join(" and ")}
              </strong>
              : {view.sentence(k)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * A column with the quarter's change on one comparison, as sign, arrow and better/worse; `c` where the
 * published form withholds it.
 */
function changeColumn(
  key: string,
  header: string,
  comparison: "previous_period" | "same_period_last_year",
  view: ReportView,
): DataTableColumn<ReportIndicator> {
  return {
    key,
    header,
    cell: (ind) => {
      const change = view.indicators.get(ind.id)?.changes[comparison] ?? null;
      return change === SUPPRESSED ? (
        SUPPRESSED
      ) : (
        <ChangeFigure change={change} unit={ind.unit} decimals={ind.decimals} polarity={ind.polarity} />
      );
    },
  };
}

/**
 * One section of the quarterly report: its figures (quarter and year to date, target, status, the
 * judgement, changes, an 8-quarter sparkline), positive and negative KPIs (a complementary pair named
 * together), the analysis with its status ("Draft" or "Approved by … on …"), for admins the approve
 * button, for analysts the editor, and the history of staff versions with revert. Every figure, KPI
 * sentence and the analysis come through the catalogue's `reportView` for the `audience`
 * ({@link getReportView}): in the published form a small count, and what would reveal it, shows as `c`
 * exactly as in the CSV. The sparklines come from the page's one `routes.series` request, shared by every
 * section, as on the dashboard.
 *
 * @param props - the `period`, the `sectionId`, the `audience`, and whether the person may `edit` and `approve`
 * @returns the section
 * @example
 * ```tsx
 * <ReportSectionView period="FY2019-20-Q2" sectionId="ffd" audience="published" edit={false} approve={false} />
 * ```
 */
export async function ReportSectionView({
  period,
  sectionId,
  audience,
  edit,
  approve,
}: {
  period: string;
  sectionId: string;
  audience: Audience;
  edit: boolean;
  approve: boolean;
}) {
  const [report, view] = await Promise.all([getReport(period), getReportView(period, audience)]);
  const section = report.sections.find((s) => s.id === sectionId);
  if (section === undefined) return null;
  const figures = (ind: ReportIndicator) => view.indicators.get(ind.id);
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
      cell: (ind) => publishedText(figures(ind)?.quarter.value ?? null, ind.unit, ind.decimals),
    },
    {
      key: "ytd",
      header: "Year to date",
      numeric: true,
      cell: (ind) => publishedText(figures(ind)?.ytd.value ?? null, ind.unit, ind.decimals),
    },
    {
      key: "target",
      header: "Target",
      cell: (ind) => targetText(ind.quarter.target, ind.unit, ind.decimals),
    },
    { key: "status", header: "Status", cell: (ind) => <RagBadge status={ind.quarter.status} /> },
    { key: "judgement", header: "Judgement", cell: (ind) => <VerdictBadge judgement={ind.judgement} /> },
    changeColumn("previous", "On last quarter", "previous_period", view),
    changeColumn("last-year", "On same quarter last year", "same_period_last_year", view),
    {
      key: "sparkline",
      header: "Last 8 quarters",
      cell: (ind) => (
        <Sparkline
          id={`report-${ind.id.replaceAll(".", "-")}`}
          points={[...(figures(ind)?.history ?? [])]}
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
        <KpiList title="Positive KPIs" entries={section.positive} titleOf={titleOf} view={view} />
        <KpiList title="Negative KPIs" entries={section.negative} titleOf={titleOf} view={view} />
      </div>
      <h3>Analysis</h3>
      <Analysis analysis={section.analysis} text={view.analysisText(section)} />
      {approve && section.analysis.version !== null && section.analysis.approval === null ? (
        <AnalysisVersionForm
          kind="approve"
          period={report.period}
          sectionId={section.id}
          version={section.analysis.version}
          label={`Approve the ${section.title} analysis (version ${section.analysis.version})`}
        />
      ) : null}
      {edit ? (
        <AnalysisEditor
          period={report.period}
          sectionId={section.id}
          sectionTitle={section.title}
          text={section.analysis.text}
        />
      ) : null}
      {section.analysis.source === "staff" ? (
        <AnalysisHistory
          period={report.period}
          sectionId={section.id}
          sectionTitle={section.title}
          edit={edit}
        />
      ) : null}
    </section>
  );
}
