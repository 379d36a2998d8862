import { periodLabel } from "@kpi/core";
import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { DashboardSection } from "../components/dashboard-section";
import { QuarterSelector } from "../components/quarter-selector";
import { SectionSkeleton } from "../components/section-skeleton";
import { getReportIndex } from "../lib/api";
import { chooseQuarter, quarterOptions } from "../lib/quarter-options";

export const metadata: Metadata = { title: "Dashboard" };

/** Quarters offered by the selector. */
const QUARTERS_OFFERED = 12;

/**
 * The dashboard: every indicator of the quarterly report as a tile, section by section, for the
 * quarter in `?period=` (default the latest with data). Each section streams in on its own.
 */
export default async function DashboardPage({ searchParams }: PageProps<"/">) {
  const params = await searchParams;
  const { latest_quarter: latest, sections } = await getReportIndex();
  if (latest === null) {
    return (
      <>
        <h1>Dashboard</h1>
        <p>No records have been ingested yet, so there are no figures to show.</p>
      </>
    );
  }
  const period = chooseQuarter(typeof params.period === "string" ? params.period : undefined, latest);
  return (
    <>
      <h1>
        Performance dashboard <span className="visually-hidden">for</span>
        <br />
        <span className="lede">{periodLabel(period)}</span>
      </h1>
      <QuarterSelector action="/" options={quarterOptions(latest, QUARTERS_OFFERED)} current={period} />
      <p>
        <Link href={`/reports/${period}`}>Read the quarterly report for {periodLabel(period)}</Link>
      </p>
      {sections.map((s) => (
        <Suspense key={`${period}-${s.id}`} fallback={<SectionSkeleton title={s.title} />}>
          <DashboardSection period={period} sectionId={s.id} />
        </Suspense>
      ))}
    </>
  );
}
