import { getReport } from "../lib/api";
import { getSparklineHistories } from "../lib/sparkline-histories";
import { IndicatorTile } from "./indicator-tile";

/**
 * One section of the dashboard: a tile per indicator, with each indicator's last 8 quarters for its
 * sparkline. An async server component, streamed in its own `<Suspense>`. Every section reads the same
 * report and the same `routes.series` answer ({@link getSparklineHistories}, deduplicated per request), so
 * the dashboard makes one values request in all rather than one per indicator.
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
  const histories = await getSparklineHistories(period);
  return (
    <section className="dashboard-section" aria-labelledby={`section-${section.id}`}>
      <h2 id={`section-${section.id}`}>{section.title}</h2>
      {section.indicators.length === 0 ? (
        <p>No indicators in this section.</p>
      ) : (
        <ul className="tiles">
          {section.indicators.map((indicator) => (
            <IndicatorTile
              key={indicator.id}
              indicator={indicator}
              history={histories.get(indicator.id) ?? []}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
