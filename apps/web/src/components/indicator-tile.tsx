import type { ReportIndicator, SeriesEntry } from "@kpi/contract";
import { formatValue, periodLabel } from "@kpi/core";
import Link from "next/link";
import { benchmarkText, targetText } from "../lib/figure-text";
import { ChangeFigure } from "./change-figure";
import { RagBadge } from "./rag-badge";
import { Sparkline } from "./sparkline";
import { VerdictBadge } from "./verdict-badge";

/**
 * One indicator on the dashboard: its value for the quarter, RAG status (shape, word and colour), its
 * verdict from the judgement rule (as the report lists it), target, change on last quarter and on the same quarter last year (judged by polarity), an
 * 8-quarter sparkline and its benchmarks. The title links to the indicator's page.
 *
 * @param props - `indicator` from the report and its `history` (8 quarters, oldest first)
 * @returns the tile as a list item
 * @example
 * ```tsx
 * <IndicatorTile indicator={indicator} history={series.values} />
 * ```
 */
export function IndicatorTile({
  indicator,
  history,
}: {
  indicator: ReportIndicator;
  history: SeriesEntry[];
}) {
  const q = indicator.quarter;
  const { unit, decimals, polarity } = indicator;
  const prev = q.comparisons.previous_period;
  const lastYear = q.comparisons.same_period_last_year;
  const numericTarget = typeof q.target === "number" ? q.target : null;
  const headingId = `tile-${indicator.id.replaceAll(".", "-")}`;
  return (
    <li className={`tile tile-${q.status ?? "none"}`}>
      <h3 id={headingId}>
        <Link href={`/indicators/${encodeURIComponent(indicator.id)}`}>{indicator.title}</Link>
      </h3>
      <p className="tile-value">{formatValue(q.value, unit, decimals)}</p>
      {q.value === null && q.note !== null ? <p className="hint">{q.note}</p> : null}
      <RagBadge status={q.status} />
      <VerdictBadge judgement={indicator.judgement} />
      <dl>
        <dt>Target</dt>
        <dd>{targetText(q.target, unit, decimals)}</dd>
        <dt>{prev === null ? "Last quarter" : `vs ${periodLabel(prev.period)}`}</dt>
        <dd>
          <ChangeFigure change={prev?.change ?? null} unit={unit} decimals={decimals} polarity={polarity} />
        </dd>
        <dt>{lastYear === null ? "Last year" : `vs ${periodLabel(lastYear.period)}`}</dt>
        <dd>
          <ChangeFigure
            change={lastYear?.change ?? null}
            unit={unit}
            decimals={decimals}
            polarity={polarity}
          />
        </dd>
        <dt>Benchmark</dt>
        <dd>
          {q.benchmarks.length === 0
            ? "None"
            : q.benchmarks.map((b) => (
                <span key={b.comparator} className="block">
                  {benchmarkText(b, unit, decimals)}
                </span>
              ))}
        </dd>
      </dl>
      <Sparkline
        id={headingId}
        points={history.map((h) => ({ label: h.label, value: h.value }))}
        unit={unit}
        decimals={decimals}
        target={numericTarget}
      />
    </li>
  );
}
