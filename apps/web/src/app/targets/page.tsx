import type { IndicatorTargets } from "@kpi/contract";
import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type DataTableColumn } from "../../components/data-table";
import { TargetForm } from "../../components/target-form";
import { getTargets } from "../../lib/api";
import { canEdit, portalRoleOf } from "../../lib/roles";
import { requireSession } from "../../lib/session";

export const metadata: Metadata = { title: "Targets" };

/** `FY2019-20`: a year and the next one's last two digits (anything else shows the default year). */
function isFinancialYear(text: string): boolean {
  const m = /^FY(\d{4})-(\d{2})$/.exec(text);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

function targetInForce(entry: IndicatorTargets): string {
  const t = entry.in_force;
  if (t === null) return "None";
  const tol = t.tolerance === undefined ? "" : ` (tolerance ${t.tolerance})`;
  return "value" in t ? `${t.value}${tol}` : `${t.range[0]}–${t.range[1]}${tol}`;
}

function targetColumns(fy: string): DataTableColumn<IndicatorTargets>[] {
  return [
    { key: "indicator", header: "Indicator", cell: (d) => d.indicator.title },
    { key: "target", header: "Target", cell: (d) => targetInForce(d) },
    {
      key: "last-change",
      header: "Last change",
      cell: (d) => {
        const last = d.last_change;
        return last === null ? "Default" : `${last.financial_year} by ${last.set_by}`;
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
  // One request: every indicator's targets, in force for the year asked (or the latest quarter's).
  const asked = typeof query.fy === "string" && isFinancialYear(query.fy) ? query.fy : undefined;
  const overview = await getTargets(asked);
  const fy = overview.financial_year ?? "";
  const details = overview.indicators;
  const indicators = details.map((d) => d.indicator);
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
