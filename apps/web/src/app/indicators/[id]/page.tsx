import { citedBy } from "@kpi/catalogue";
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
import { DataTable, type DataTableColumn } from "../../../components/data-table";
import { RagBadge } from "../../../components/rag-badge";
import { SeasonalChart } from "../../../components/seasonal-chart";
import { SeriesChart, type SeriesChartRow } from "../../../components/series-chart";
import { SourcesTable } from "../../../components/sources-table";
import { VerdictBadge } from "../../../components/verdict-badge";
import { getIndicator, getIndicators, getIndicatorValues, getLatestQuarter } from "../../../lib/api";
import { benchmarkText, targetText } from "../../../lib/figure-text";
import { type SeasonalRow, seasonalRows } from "../../../lib/seasonal-rows";

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

/** "a to b" for a 95% interval, or a dash when there is none. */
function intervalText(
  ci: { lower: number | null; upper: number | null },
  unit: Unit,
  decimals: number,
): string {
  return ci.lower === null || ci.upper === null
    ? "–"
    : `${formatValue(ci.lower, unit, decimals)} to ${formatValue(ci.upper, unit, decimals)}`;
}

/** A numerator or denominator: whole numbers as they are, others to one decimal, or a dash. */
function countText(n: number | null): string {
  return n === null ? "–" : formatValue(n, "number", Number.isInteger(n) ? 0 : 1);
}

function seriesColumns(unit: Unit, decimals: number): DataTableColumn<SeriesEntry>[] {
  return [
    { key: "period", header: "Period", cell: (e) => e.label },
    { key: "value", header: "Value", numeric: true, cell: (e) => formatValue(e.value, unit, decimals) },
    { key: "ci", header: "95% interval", numeric: true, cell: (e) => intervalText(e.ci, unit, decimals) },
    { key: "numerator", header: "Numerator", numeric: true, cell: (e) => countText(e.numerator) },
    { key: "denominator", header: "Denominator", numeric: true, cell: (e) => countText(e.denominator) },
    { key: "target", header: "Target", cell: (e) => targetText(e.target, unit, decimals) },
    { key: "status", header: "Status", cell: (e) => <RagBadge status={e.status} /> },
    {
      key: "benchmarks",
      header: "Benchmarks",
      cell: (e) =>
        e.benchmarks.length === 0
          ? "–"
          : e.benchmarks.map((b) => benchmarkText(b, unit, decimals)).join("; "),
    },
  ];
}

function seasonalColumns(
  years: readonly string[],
  unit: Unit,
  decimals: number,
): DataTableColumn<SeasonalRow>[] {
  return [
    { key: "quarter", header: "Quarter", cell: (r) => r.quarter },
    ...years.map(
      (y): DataTableColumn<SeasonalRow> => ({
        key: y,
        header: y,
        numeric: true,
        cell: (r) => formatValue(r.values[y] ?? null, unit, decimals),
      }),
    ),
  ];
}

type BreakdownGroup = NonNullable<SeriesEntry["groups"]>[number];

function breakdownColumns(unit: Unit, decimals: number): DataTableColumn<BreakdownGroup>[] {
  return [
    { key: "group", header: "Group", cell: (g) => (g.key === null ? "Not recorded" : g.label) },
    { key: "value", header: "Value", numeric: true, cell: (g) => formatValue(g.value, unit, decimals) },
    { key: "ci", header: "95% interval", numeric: true, cell: (g) => intervalText(g.ci, unit, decimals) },
    { key: "numerator", header: "Numerator", numeric: true, cell: (g) => g.numerator ?? "–" },
    { key: "denominator", header: "Denominator", numeric: true, cell: (g) => g.denominator ?? "–" },
  ];
}

export async function generateMetadata({ params }: PageProps<"/indicators/[id]">): Promise<Metadata> {
  const { id } = await params;
  const indicators = await getIndicators().catch(() => []);
  return { title: indicators.find((i) => i.id === decodeURIComponent(id))?.title ?? "Indicator" };
}

/**
 * An indicator's page: the series (with confidence intervals, target and benchmarks) or the seasonal
 * view, a breakdown, its judgement (the report's verdict and reasons), the trend test, the sources the
 * latest figure drew on ("Source data"), the definition, and a table of everything charted.
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
  const currentSources = series === null ? [] : citedBy(series.sources, [current]);
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
          <DataTable
            caption="Figures charted above"
            captionId="series-table-caption"
            columns={seriesColumns(ind.unit, decimals)}
            rows={entries}
            rowKey={(e) => e.period}
          />
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
          <DataTable
            caption="Figures charted above, by quarter and financial year"
            captionId="seasonal-table-caption"
            columns={seasonalColumns(seasonal.years, ind.unit, decimals)}
            rows={seasonal.rows}
            rowKey={(r) => r.quarter}
          />
          {detail.analysis === null ? null : <p>{detail.analysis.seasonal.sentence}</p>}
        </section>
      )}

      {breakdown === null || by === undefined ? null : (
        <section aria-labelledby="breakdown-heading">
          <h2 id="breakdown-heading">
            Breakdown by {by.replaceAll("_", " ")},{" "}
            {breakdown.values.at(-1)?.label ?? (latest === null ? "" : periodLabel(latest))}
          </h2>
          <DataTable
            caption={`Breakdown by ${by.replaceAll("_", " ")}`}
            hideCaption
            columns={breakdownColumns(ind.unit, decimals)}
            rows={breakdown.values.at(-1)?.groups ?? []}
            rowKey={(g) => g.key ?? "none"}
          />
        </section>
      )}

      {detail.analysis?.judgement == null ? null : (
        <section aria-labelledby="judgement-heading">
          <h2 id="judgement-heading">Judgement in the quarterly report</h2>
          <p>
            <VerdictBadge judgement={detail.analysis.judgement} /> {detail.analysis.judgement.sentence}
          </p>
          {detail.analysis.judgement.notes.length === 0 ? null : (
            <>
              <h3>Also considered</h3>
              <ul>
                {detail.analysis.judgement.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </>
          )}
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

      {current === undefined ? null : (
        <section aria-labelledby="source-data-heading">
          <h2 id="source-data-heading">Source data</h2>
          {currentSources.length === 0 ? (
            <p>
              No source covers the days {current.label} needs
              {ind.source === "observations" ? " (its figures are posted as observations)" : ""}.
            </p>
          ) : (
            <>
              <p>The figure for {current.label} was worked out from these sources.</p>
              <SourcesTable
                sources={currentSources}
                caption={`Sources of the figure for ${current.label}`}
                hideCaption
              />
            </>
          )}
        </section>
      )}

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
          <dt>Figures from</dt>
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
