import type { IndicatorDetail } from "@kpi/contract";
import { financialYearId, parsePeriodOrThrow } from "@kpi/core";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type DataTableColumn } from "../../components/data-table";
import { TargetForm } from "../../components/target-form";
import { getIndicator, getIndicators, getLatestQuarter } from "../../lib/api";
import { canEdit, portalRoleOf } from "../../lib/roles";
import { requireSession } from "../../lib/session";

export const metadata: Metadata = { title: "Targets" };

function targetInForce(detail: IndicatorDetail, fy: string): string {
  const t = fy in detail.targets ? detail.targets[fy] : detail.default_target;
  if (t === null || t === undefined) return "None";
  const tol = t.tolerance === undefined ? "" : ` (tolerance ${t.tolerance})`;
  return "value" in t ? `${t.value}${tol}` : `${t.range[0]}–${t.range[1]}${tol}`;
}

function targetColumns(fy: string): DataTableColumn<IndicatorDetail>[] {
  return [
    { key: "indicator", header: "Indicator", cell: (d) => d.indicator.title },
    { key: "target", header: "Target", cell: (d) => targetInForce(d, fy) },
    {
      key: "last-change",
      header: "Last change",
      cell: (d) => {
        const last = d.target_history[0];
        return last === undefined ? "Default" : `${last.financial_year} by ${last.set_by}`;
      },
    },
    {
      key: "action",
      header: <span className="visually-hidden">Action</span>,
      cell: (d) => (
        <Link href={`/targets?fy=${fy}&indicator=${encodeURIComponent(d.indicator.id)}#target-form`}>
          Set<span className="visually-hidden"> the target for {d.indicator.title}</span>
        </Link>
      ),
    },
  ];
}

/**
 * Targets (analysts and admins): the target in force for each indicator in a financial year, and a
 * form to set one. Every change is kept by the API with who made it and when.
 */
export default async function TargetsPage({ searchParams }: PageProps<"/targets">) {
  const session = await requireSession();
  if (!canEdit(portalRoleOf(session.role))) {
    return (
      <>
        <h1>Targets</h1>
        <p>
          Only analysts and administrators can set targets. Targets in force show on each indicator&rsquo;s
          page.
        </p>
      </>
    );
  }
  const query = await searchParams;
  const latest = await getLatestQuarter();
  const defaultFy = latest === null ? "" : financialYearId(parsePeriodOrThrow(latest).fyStartYear);
  const fy = typeof query.fy === "string" && /^FY\d{4}-\d{2}$/.test(query.fy) ? query.fy : defaultFy;
  const indicators = await getIndicators();
  const details = await Promise.all(indicators.map((i) => getIndicator(i.id, undefined, "quarter")));
  const chosen = typeof query.indicator === "string" ? query.indicator : "";
  return (
    <>
      <h1>Targets</h1>
      <p className="lede">
        Set a target for an indicator and financial year. The status (green, amber, red) follows from it.
      </p>
      <h2>Set a target</h2>
      <TargetForm
        key={`${chosen}-${fy}`}
        indicators={indicators.map((i) => ({ id: i.id, title: i.title }))}
        indicator={chosen}
        financialYear={fy}
      />
      <h2>Targets in force for {fy}</h2>
      <form method="get" className="inline-form" aria-label="Choose a financial year">
        <div className="field">
          <label htmlFor="fy">Financial year</label>
          <input id="fy" name="fy" type="text" defaultValue={fy} />
        </div>
        <button type="submit" className="secondary">
          Show targets
        </button>
      </form>
      <DataTable
        caption={`Targets in force for ${fy}`}
        hideCaption
        columns={targetColumns(fy)}
        rows={details}
        rowKey={(d) => d.indicator.id}
      />
    </>
  );
}
