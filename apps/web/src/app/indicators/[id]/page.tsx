import type { SeriesEntry } from "@kpi/contract";
import {
  displayDecimals,
  formatValue,
  parsePeriodOrThrow,
  periodLabel,
  quarterId,
  shiftPeriod,
  type Unit,
  type Window,
} from "@kpi/core";
import type { Metadata } from "next";
import Link from "next/link";
import { RagBadge } from "../../../components/rag-badge";
import { SeasonalChart } from "../../../components/seasonal-chart";
import { SeriesChart, type SeriesChartRow } from "../../../components/series-chart";
import { getIndicator, getIndicators, getIndicatorValues, getLatestQuarter } from "../../../lib/api";
import { benchmarkText, targetText } from "../../../lib/figure-text";
import { seasonalRows } from "../../../lib/seasonal-rows";

const WINDOWS = [
  { id: "quarter", label: "Quarter" },
  { id: "ytd", label: "Year to date" },
  { id: "rolling12", label: "Rolling 12 months" },
] as const satisfies readonly { id: Window; label: string }[];

const VIEWS = [
  { id: "series", label: "Series over time" },
  { id: "seasonal", label: "Seasonal (one line per year)" },
] as const;

/** Quarters drawn in the series view; financial years in the seasonal view. */
const SERIES_QUARTERS = 12;
const SEASONAL_YEARS = 4;

const POLARITY_TEXT = {
  high: "Higher is better",
  low: "Lower is better",
  none: "No judgement (neither direction is better)",
};

function pick<T extends string>(
  value: string | string[] | undefined,
  allowed: readonly { id: T }[],
  fallback: T,
): T {
  return allowed.find((a) => a.id === value)?.id ?? fallback;
}

function unitSuffix(unit: Unit): string {
  return unit === "percent" ? "%" : "";
}

export async function generateMetadata({ params }: PageProps<"/indicators/[id]">): Promise<Metadata> {
  const { id } = await params;
  const indicators = await getIndicators().catch(() => []);
  return { title: indicators.find((i) => i.id === decodeURIComponent(id))?.title ?? "Indicator" };
}

/**
 * An indicator's page: the series (with confidence intervals, target and benchmarks) or the seasonal
 * view, a breakdown, the definition, the trend test, and a table of everything charted.
 */
export default async function IndicatorPage({ params, searchParams }: PageProps<"/indicators/[id]">) {
  const id = decodeURIComponent((await params).id);
  const query = await searchParams;
  const window = pick(query.window, WINDOWS, "quarter");
  const view = pick(query.view, VIEWS, "series");
  const [detail, latest] = await Promise.all([getIndicator(id, undefined, window), getLatestQuarter()]);
  const ind = detail.indicator;
  const by = typeof query.by === "string" && ind.breakdowns.includes(query.by) ? query.by : undefined;
  const decimals = displayDecimals({ unit: ind.unit, decimals: ind.decimals ?? undefined });
  const suffix = unitSuffix(ind.unit);

  const from =
    latest === null
      ? undefined
      : view === "seasonal"
        ? quarterId(parsePeriodOrThrow(latest).fyStartYear - (SEASONAL_YEARS - 1), 1)
        : shiftPeriod(latest, -(SERIES_QUARTERS - 1));
  const [series, breakdown] = await Promise.all([
    latest === null ? null : getIndicatorValues(id, window, from, latest, undefined),
    latest === null || by === undefined ? null : getIndicatorValues(id, window, latest, latest, by),
  ]);
  const entries: SeriesEntry[] = series?.values ?? [];
  const current = entries.at(-1);
  const benchmarkNames = [...new Set(entries.flatMap((e) => e.benchmarks.map((b) => b.comparator)))];

  const chartRows: SeriesChartRow[] = entries.map((e) => {
    const row: SeriesChartRow = {
      label: e.label.replace(" (year to date)", ""),
      value: e.value,
      ci: e.ci.lower !== null && e.ci.upper !== null ? [e.ci.lower, e.ci.upper] : null,
      target: typeof e.target === "number" ? e.target : null,
    };
    for (const name of benchmarkNames)
      row[name] = e.benchmarks.find((b) => b.comparator === name)?.value ?? null;
    return row;
  });
  const seasonal = seasonalRows(entries);
  const seasonalChartRows = seasonal.rows.map((r) => ({ quarter: r.quarter, ...r.values }));
  const windowLabel = WINDOWS.find((w) => w.id === window)?.label ?? window;

  return (
    <>
      <p className="no-print">
        <Link href="/">Back to the dashboard</Link>
      </p>
      <h1>{ind.title}</h1>
      <p className="lede">{ind.definition}</p>
      {current === undefined ? (
        <p>There are no figures for this indicator yet.</p>
      ) : (
        <p>
          <strong>
            {current.label}: {formatValue(current.value, ind.unit, decimals)}
          </strong>{" "}
          <RagBadge status={current.status} /> Target {targetText(current.target, ind.unit, decimals)}.
          {current.value === null && current.note !== null ? ` ${current.note}` : ""}
        </p>
      )}

      <form method="get" className="inline-form no-print" aria-label="Chart options">
        <div className="field">
          <label htmlFor="window">Period</label>
          <select id="window" name="window" defaultValue={window}>
            {WINDOWS.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="view">View</label>
          <select id="view" name="view" defaultValue={view}>
            {VIEWS.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        {ind.breakdowns.length === 0 ? null : (
          <div className="field">
            <label htmlFor="by">Break down by</label>
            <select id="by" name="by" defaultValue={by ?? ""}>
              <option value="">No breakdown</option>
              {ind.breakdowns.map((b) => (
                <option key={b} value={b}>
                  {b.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="secondary">
          Update
        </button>
      </form>

      {view === "series" ? (
        <section aria-labelledby="series-heading">
          <h2 id="series-heading">
            {windowLabel}: last {entries.length} quarters
          </h2>
          <figure className="chart-figure" aria-describedby="series-table-caption">
            <figcaption>
              {ind.title}, {windowLabel.toLowerCase()}, with the 95% confidence interval, target and
              benchmarks. The same figures are in the table below.
            </figcaption>
            <SeriesChart
              rows={chartRows}
              benchmarks={benchmarkNames}
              unitSuffix={suffix}
              decimals={decimals}
            />
          </figure>
          <div className="table-wrap">
            <table>
              <caption id="series-table-caption">Figures charted above</caption>
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    95% interval
                  </th>
                  <th scope="col" className="num">
                    Numerator
                  </th>
                  <th scope="col" className="num">
                    Denominator
                  </th>
                  <th scope="col">Target</th>
                  <th scope="col">Status</th>
                  <th scope="col">Benchmarks</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((e) => (
                  <tr key={e.period}>
                    <th scope="row">{e.label}</th>
                    <td className="num">{formatValue(e.value, ind.unit, decimals)}</td>
                    <td className="num">
                      {e.ci.lower === null || e.ci.upper === null
                        ? "–"
                        : `${formatValue(e.ci.lower, ind.unit, decimals)} to ${formatValue(e.ci.upper, ind.unit, decimals)}`}
                    </td>
                    <td className="num">
                      {e.numerator === null
                        ? "–"
                        : formatValue(e.numerator, "number", Number.isInteger(e.numerator) ? 0 : 1)}
                    </td>
                    <td className="num">
                      {e.denominator === null
                        ? "–"
                        : formatValue(e.denominator, "number", Number.isInteger(e.denominator) ? 0 : 1)}
                    </td>
                    <td>{targetText(e.target, ind.unit, decimals)}</td>
                    <td>
                      <RagBadge status={e.status} />
                    </td>
                    <td>
                      {e.benchmarks.length === 0
                        ? "–"
                        : e.benchmarks.map((b) => benchmarkText(b, ind.unit, decimals)).join("; ")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : (
        <section aria-labelledby="seasonal-heading">
          <h2 id="seasonal-heading">
            Seasonal view: {windowLabel.toLowerCase()}, one line per financial year
          </h2>
          <figure className="chart-figure" aria-describedby="seasonal-table-caption">
            <figcaption>
              {ind.title} by quarter of the financial year, {seasonal.years.join(", ")}. The same figures are
              in the table below.
            </figcaption>
            <SeasonalChart
              rows={seasonalChartRows}
              years={seasonal.years}
              unitSuffix={suffix}
              decimals={decimals}
            />
          </figure>
          <div className="table-wrap">
            <table>
              <caption id="seasonal-table-caption">
                Figures charted above, by quarter and financial year
              </caption>
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  {seasonal.years.map((y) => (
                    <th key={y} scope="col" className="num">
                      {y}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {seasonal.rows.map((r) => (
                  <tr key={r.quarter}>
                    <th scope="row">{r.quarter}</th>
                    {seasonal.years.map((y) => (
                      <td key={y} className="num">
                        {formatValue(r.values[y] ?? null, ind.unit, decimals)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {detail.analysis === null ? null : <p>{detail.analysis.seasonal.sentence}</p>}
        </section>
      )}

      {breakdown === null || by === undefined ? null : (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">
            Breakdown by {by.replaceAll("_", " ")},{" "}
            {breakdown.values.at(-1)?.label ?? (latest === null ? "" : periodLabel(latest))}
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Breakdown by {by.replaceAll("_", " ")}</caption>
              <thead>
                <tr>
                  <th scope="col">Group</th>
                  <th scope="col" className="num">
                    Value
                  </th>
                  <th scope="col" className="num">
                    95% interval
                  </th>
                  <th scope="col" className="num">
                    Numerator
                  </th>
                  <th scope="col" className="num">
                    Denominator
                  </th>
                </tr>
              </thead>
              <tbody>
                {(breakdown.values.at(-1)?.groups ?? []).map((g) => (
                  <tr key={g.key ?? "none"}>
                    <th scope="row">{g.key === null ? "Not recorded" : g.label}</th>
                    <td className="num">{formatValue(g.value, ind.unit, decimals)}</td>
                    <td className="num">
                      {g.ci.lower === null || g.ci.upper === null
                        ? "–"
                        : `${formatValue(g.ci.lower, ind.unit, decimals)} to ${formatValue(g.ci.upper, ind.unit, decimals)}`}
                    </td>
                    <td className="num">{g.numerator ?? "–"}</td>
                    <td className="num">{g.denominator ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Trend</h2>
        {detail.analysis === null ? (
          <p>There are not enough figures to test for a trend.</p>
        ) : (
          <>
            <p>{detail.analysis.trend.sentence}</p>
            {detail.analysis.trend.reason === null ? null : (
              <p className="hint">{detail.analysis.trend.reason}</p>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="definition-heading">
        <h2 id="definition-heading">Definition</h2>
        <dl className="definition">
          <dt>What it measures</dt>
          <dd>{ind.definition}</dd>
          <dt>Numerator</dt>
          <dd>{ind.numerator ?? "–"}</dd>
          <dt>Denominator</dt>
          <dd>{ind.denominator ?? "– (a count)"}</dd>
          <dt>Polarity</dt>
          <dd>{POLARITY_TEXT[ind.polarity]}</dd>
          <dt>Kind</dt>
          <dd>
            {ind.kind === "stock"
              ? "Stock (a snapshot at the period end)"
              : "Flow (events during the period)"}
          </dd>
          <dt>Source data</dt>
          <dd>
            {ind.source === "records"
              ? "Computed from the authority’s records"
              : "Reported figures (observations)"}
            {ind.dfe_comparable ? "; comparable with DfE published statistics" : ""}
          </dd>
          <dt>Breakdowns</dt>
          <dd>
            {ind.breakdowns.length === 0
              ? "None"
              : ind.breakdowns.map((b) => b.replaceAll("_", " ")).join(", ")}
          </dd>
          <dt>Indicator id</dt>
          <dd>
            <code>{ind.id}</code>
          </dd>
        </dl>
      </section>
    </>
  );
}
