import { checkPeriodForWindow, periodLabel } from "@kpi/core";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { QuarterSelector } from "../../../components/quarter-selector";
import { ReportSectionView } from "../../../components/report-section";
import { SectionSkeleton } from "../../../components/section-skeleton";
import { getLatestQuarter } from "../../../lib/api";
import { quarterOptions } from "../../../lib/quarter-options";
import { REPORT_SECTIONS } from "../../../lib/report-sections";
import { canApprove, canEdit, portalRoleOf } from "../../../lib/roles";
import { requireSession } from "../../../lib/session";

export async function generateMetadata({ params }: PageProps<"/reports/[period]">): Promise<Metadata> {
  const checked = checkPeriodForWindow((await params).period, "quarter");
  return { title: checked.ok ? `Quarterly report ${periodLabel(checked.period.id)}` : "Quarterly report" };
}

/**
 * The quarterly performance report for one quarter, rebuilt from the reference document: every
 * section's figures, positive and negative KPIs and analysis (analysts edit it and restore earlier
 * versions; admins sign it off), with CSV and
 * Excel downloads and print styles for a clean PDF.
 */
export default async function ReportPage({ params }: PageProps<"/reports/[period]">) {
  const checked = checkPeriodForWindow((await params).period, "quarter");
  if (!checked.ok) notFound();
  const period = checked.period.id;
  const [session, latest] = await Promise.all([requireSession(), getLatestQuarter()]);
  const role = portalRoleOf(session.role);
  const edit = canEdit(role);
  const approve = canApprove(role);
  return (
    <>
      <h1>Quarterly performance report: {periodLabel(period)}</h1>
      <p className="lede">
        Children&rsquo;s services performance for {periodLabel(period)}, with the year to date, compared with
        the last quarter, the same quarter last year and targets.
      </p>
      {latest === null ? null : (
        <QuarterSelector action="/reports/go" options={quarterOptions(latest, 12)} current={period} />
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
          Downloads apply disclosure control: counts of children from 1 to 5 show as c. To save a PDF, print
          this page from your browser.
        </p>
      </div>
      <nav aria-label="Sections of the report" className="no-print">
        <h2>Contents</h2>
        <ol>
          {REPORT_SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#report-${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>
      {REPORT_SECTIONS.map((s) => (
        <Suspense key={`${period}-${s.id}`} fallback={<SectionSkeleton title={s.title} />}>
          <ReportSectionView period={period} sectionId={s.id} edit={edit} approve={approve} />
        </Suspense>
      ))}
    </>
  );
}
