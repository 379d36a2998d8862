import { shiftPeriod } from "@kpi/core";
import { getIndicatorValues, getReport } from "../lib/api";
import { IndicatorTile } from "./indicator-tile";

/** Quarters drawn in each tile's sparkline. */
export const SPARKLINE_QUARTERS = 8;

/**
 * One section of the dashboard: a tile per indicator, with each indicator's last 8 quarters for its
 * sparkline. An async server component, streamed in its own `<Suspense>`.
 *
 * @param props - the `period` (quarter id) and the `sectionId`
 * @returns the section
 * @example
 * ```tsx
 * <Suspense fallback={<SectionSkeleton title="Staffing" />}><DashboardSection period="FY2019-20-Q2" sectionId="staffing" /></Suspense>
 * ```
 */
export async function DashboardSection({ period, sectionId }: { period: string; sectionId: string }) {
  const report = await getReport(period);
  const section = report.sections.find((s) => s.id === sectionId);
  if (section === undefined) return null;
  const from = shiftPeriod(period, -(SPARKLINE_QUARTERS - 1));
  const histories = await Promise.all(
    section.indicators.map((i) => getIndicatorValues(i.id, "quarter", from, period, undefined)),
  );
  return (
    <section className="dashboard-section" aria-labelledby={`section-${section.id}`}>
      <h2 id={`section-${section.id}`}>{section.title}</h2>
      {section.indicators.length === 0 ? (
        <p>No indicators in this section.</p>
      ) : (
        <ul className="tiles">
          {section.indicators.map((indicator, i) => (
            <IndicatorTile key={indicator.id} indicator={indicator} history={histories[i]?.values ?? []} />
          ))}
        </ul>
      )}
    </section>
  );
}
