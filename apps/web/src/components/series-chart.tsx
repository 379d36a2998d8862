"use client";

import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";

/** One period of the series chart; `ci` is `[lower, upper]` or `null`. */
export interface SeriesChartRow {
  /** The period's label (x axis). */
  label: string;
  /** The value, or `null`. */
  value: number | null;
  /** The confidence interval, or `null` when none applies. */
  ci: [number, number] | null;
  /** The single-figure target in force, or `null`. */
  target: number | null;
  /** Benchmark figures by comparator name. */
  [benchmark: string]: number | null | string | [number, number];
}

const BENCHMARK_COLOURS = ["#6b21a8", "#0f766e", "#9a3412", "#374151"];

/**
 * The indicator's series as an interactive chart (recharts, client side): the value as a line, its
 * 95% confidence interval as a band, the target as a dashed step line and each benchmark as a dotted
 * line. The page always prints the same figures in a table next to it.
 *
 * @param props - `rows` oldest first, `benchmarks` (comparator names), `unitSuffix` (`%` or ``),
 *   `decimals`
 * @returns the chart
 * @example
 * ```tsx
 * <SeriesChart rows={rows} benchmarks={["England"]} unitSuffix="%" decimals={1} />
 * ```
 */
export function SeriesChart({
  rows,
  benchmarks,
  unitSuffix,
  decimals,
}: {
  rows: SeriesChartRow[];
  benchmarks: string[];
  unitSuffix: string;
  decimals: number;
}) {
  const format = (v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => format(x)).join(" to ");
    return typeof v === "number" ? `${v.toFixed(decimals)}${unitSuffix}` : "–";
  };
  return (
    <div className="chart" style={{ width: "100%", height: 360 }}>
      <ResponsiveContainer>
        <ComposedChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#d0d0d0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fill: "#0b0c0c", fontSize: 12 }} />
          <YAxis
            tick={{ fill: "#0b0c0c", fontSize: 12 }}
            tickFormatter={(v: number) => `${v}${unitSuffix}`}
            width={70}
          />
          <Tooltip formatter={(v) => format(v)} />
          <Legend />
          <Area
            type="linear"
            dataKey="ci"
            name="95% confidence interval"
            stroke="none"
            fill="#1d4ed8"
            fillOpacity={0.15}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="linear"
            dataKey="value"
            name="Value"
            stroke="#0b3d6e"
            strokeWidth={3}
            dot={{ r: 4 }}
            isAnimationActive={false}
            connectNulls={false}
          />
          <Line
            type="stepAfter"
            dataKey="target"
            name="Target"
            stroke="#0b0c0c"
            strokeDasharray="8 4"
            dot={false}
            isAnimationActive={false}
          />
          {benchmarks.map((b, i) => (
            <Line
              key={b}
              type="stepAfter"
              dataKey={b}
              name={b}
              stroke={BENCHMARK_COLOURS[i % BENCHMARK_COLOURS.length] ?? "#374151"}
              strokeDasharray="2 3"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
