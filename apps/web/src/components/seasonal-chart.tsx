"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const YEAR_COLOURS = ["#9ca3af", "#6b7280", "#0f766e", "#6b21a8", "#0b3d6e"];
const YEAR_DASHES = ["2 3", "6 3", "4 2 1 2", "8 4", ""];

/**
 * The seasonal view (recharts, client side): one line per financial year across Q1–Q4, so this year
 * can be read against the same quarters of earlier years. The latest year is drawn solid and
 * thickest; earlier years are dashed differently, so lines differ by more than colour.
 *
 * @param props - `rows` (one per quarter: `quarter` and a value per year), `years` oldest first,
 *   `unitSuffix`, `decimals`
 * @returns the chart
 * @example
 * ```tsx
 * <SeasonalChart rows={rows} years={["2018-19", "2019-20"]} unitSuffix="%" decimals={1} />
 * ```
 */
export function SeasonalChart({
  rows,
  years,
  unitSuffix,
  decimals,
}: {
  rows: Record<string, string | number | null>[];
  years: string[];
  unitSuffix: string;
  decimals: number;
}) {
  const offset = YEAR_COLOURS.length - years.length;
  return (
    <div className="chart" style={{ width: "100%", height: 360 }}>
      <ResponsiveContainer>
        <LineChart data={rows} margin={{ top: 10, right: 20, bottom: 10, left: 10 }}>
          <CartesianGrid stroke="#d0d0d0" strokeDasharray="3 3" />
          <XAxis dataKey="quarter" tick={{ fill: "#0b0c0c", fontSize: 12 }} />
          <YAxis
            tick={{ fill: "#0b0c0c", fontSize: 12 }}
            tickFormatter={(v: number) => `${v}${unitSuffix}`}
            width={70}
          />
          <Tooltip formatter={(v) => (typeof v === "number" ? `${v.toFixed(decimals)}${unitSuffix}` : "–")} />
          <Legend />
          {years.map((year, i) => {
            const style = Math.max(0, i + offset);
            const latest = i === years.length - 1;
            return (
              <Line
                key={year}
                type="linear"
                dataKey={year}
                name={year}
                stroke={YEAR_COLOURS[style] ?? "#0b3d6e"}
                strokeDasharray={YEAR_DASHES[style] ?? ""}
                strokeWidth={latest ? 4 : 2}
                dot={{ r: latest ? 5 : 3 }}
                isAnimationActive={false}
                connectNulls={false}
              />
            );
          })}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
