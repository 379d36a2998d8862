import { checkPeriodForWindow, periodLabel } from "@kpi/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { QuarterSelector } from "../../../components/quarter-selector";
import { ReportSectionView } from "../../../components/report-section";
import { SectionSkeleton } from "../../../components/section-skeleton";
import { getLatestQuarter, getReportSections } from "../../../lib/api";
import { quarterOptions } from "../../../lib/quarter-options";
import { getReportView } from "../../../lib/report-view";
import { canApprove, canEdit, canSeeInternalFigures, portalRoleOf, reportAudience } from "../../../lib/roles";
import { requireSession } from "../../../lib/session";

export async function generateMetadata({ params }: PageProps<"/reports/[period]">): Promise<Metadata> {
  const checked = checkPeriodForWindow((await params).period, "quarter");
  return { title: checked.ok ? `Quarterly report ${periodLabel(checked.period.id)}` : "Quarterly report" };
}

/** What `c` means, in the words of the downloads' notes (it names the thresholds the report applies). */
async function DisclosureNote({ period }: { period: string }) {
  return (await getReportView(period, "published")).disclosureNote;
}

/**
 * The quarterly performance report for one quarter, rebuilt from the reference document: every
 * section's figures, positive and negative KPIs and analysis (analysts edit it and restore earlier
 * versions; admins sign it off), with CSV and Excel downloads and print styles for a clean PDF.
 *
 * What it shows is the catalogue's published form (decision 186): small counts, and figures that would
 * reveal them, are `c` as in the CSV. Analysts and admins may ask for the internal figures with
 * `?audience=internal`; that view is marked as not for publication on screen and does not print.
 */
export default async function ReportPage({ params, searchParams }: PageProps<"/reports/[period]">) {
  const checked = checkPeriodForWindow((await params).period, "quarter");
  if (!checked.ok) notFound();
  const period = checked.period.id;
  const [session, latest, reportSections, query] = await Promise.all([
    requireSession(),
    getLatestQuarter(),
    getReportSections(),
    searchParams,
  ]);
  const role = portalRoleOf(session.role);
  const edit = canEdit(role);
  const approve = canApprove(role);
  const audience = reportAudience(query.audience, role);
  const internal = audience === "internal";
  const sections = reportSections.map((s) => (
    <Suspense key={`${period}-${s.id}`} fallback={<SectionSkeleton title={s.title} />}>
      <ReportSectionView period={period} sectionId={s.id} audience={audience} edit={edit} approve={approve} />
    </Suspense>
  ));
  return (
    <>
      <h1>Quarterly performance report: {periodLabel(period)}</h1>
      <p className="lede">
        Children&rsquo;s services performance for {periodLabel(period)}, with the year to date, compared with
        the last quarter, the same quarter last year and targets.
      </p>
      {internal ? (
        <div className="notice notice-internal" role="note" aria-label="Internal figures">
          <p>
            <strong className="tag tag-internal">Internal: not for publication</strong> Small counts are
            shown. Do not copy these figures into anything that leaves the authority.{" "}
            <a className="no-print" href={`/reports/${period}`}>
              Show the published figures
            </a>
          </p>
          <p className="print-only">
            The internal figures do not print. Print the published report from {`/reports/${period}`}.
          </p>
        </div>
      ) : (
        <div className="notice" role="note" aria-label="Disclosure control">
          <p>
            <strong>Published figures.</strong>{" "}
            <Suspense fallback="Small numbers are suppressed and shown as c.">
              <DisclosureNote period={period} />
            </Suspense>{" "}
            The downloads and the printed report are the same.
            {canSeeInternalFigures(role) ? (
              <>
                {" "}
                <a className="no-print" href={`/reports/${period}?audience=internal`}>
                  Show the internal figures (not for publication)
                </a>
              </>
            ) : null}
          </p>
        </div>
      )}
      {latest === null ? null : (
        <QuarterSelector
          action="/reports/go"
          options={quarterOptions(latest, 12)}
          current={period}
          {...(internal ? { hidden: { audience } } : {})}
        />
      )}
      <div className="no-print">
        <h2>Downloads</h2>
        <ul className="downloads">
          <li>
            <a href={`/reports/${period}/export.csv`} download>
              Download the figures (CSV)
            </a>
          </li>
          <li>
            <a href={`/reports/${period}/export.xlsx`} download>
              Download the figures (Excel)
            </a>
          </li>
        </ul>
        <p className="hint">
          Downloads are always the published figures. To save a PDF, print the published report from your
          browser.
        </p>
      </div>
      <nav aria-label="Sections of the report" className="no-print">
        <h2>Contents</h2>
        <ol>
          {reportSections.map((s) => (
            <li key={s.id}>
              <a href={`#report-${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {internal ? <div className="no-print">{sections}</div> : sections}
    </>
  );
}
