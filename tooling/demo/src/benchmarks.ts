import { type BenchmarkRecord, benchmarkSchema } from "@kpi/catalogue";
import type { Random } from "./random.js";

/** The comparators' published figures for one indicator, FY2016-17 to FY2018-19. */
interface Published {
  readonly england: readonly [number, number, number];
  readonly region: readonly [number, number, number];
  readonly neighbours: readonly [number, number, number];
  /** Spread of the ten neighbours around their average. */
  readonly spread: number;
  /** Whether the figure is a percentage (bounded 0–100). */
  readonly percent: boolean;
}

const YEARS = ["FY2016-17", "FY2017-18", "FY2018-19"] as const;

/** Illustrative comparator figures (the demo's, not DfE's), for the DfE-comparable indicators. */
const PUBLISHED: Readonly<Record<string, Published>> = {
  "ffd.rereferrals_12m_pct": {
    england: [21.9, 21.9, 22.6],
    region: [20.5, 21.4, 21.8],
    neighbours: [19.8, 20.6, 21.5],
    spread: 4,
    percent: true,
  },
  "ffd.swa_45wd_pct": {
    england: [82.9, 82.7, 83.1],
    region: [80.1, 81.2, 82.5],
    neighbours: [83.6, 84.2, 85.0],
    spread: 7,
    percent: true,
  },
  "cp.icpc_15wd_pct": {
    england: [76.8, 77.3, 78.9],
    region: [74.6, 76.0, 77.4],
    neighbours: [79.1, 80.4, 81.2],
    spread: 9,
    percent: true,
  },
  "cp.rate_per_10k": {
    england: [43.3, 45.3, 43.7],
    region: [46.2, 47.8, 46.0],
    neighbours: [38.9, 40.7, 41.6],
    spread: 8,
    percent: false,
  },
  "cp.repeat_pct": {
    england: [18.7, 20.2, 20.8],
    region: [19.4, 20.8, 21.5],
    neighbours: [18.2, 19.6, 20.1],
    spread: 4,
    percent: true,
  },
  "cla.rate_per_10k": {
    england: [62, 64, 65],
    region: [75, 79, 82],
    neighbours: [56, 58, 60],
    spread: 10,
    percent: false,
  },
  "cla.placements_3plus_pct": {
    england: [10, 10, 10],
    region: [11, 11, 10],
    neighbours: [10, 9, 10],
    spread: 2,
    percent: true,
  },
  "cla.long_term_stability_pct": {
    england: [70, 70, 69],
    region: [68, 69, 67],
    neighbours: [71, 71, 70],
    spread: 5,
    percent: true,
  },
  "cla.adopted_pct": {
    england: [14, 13, 12],
    region: [15, 14, 13],
    neighbours: [16, 15, 13],
    spread: 4,
    percent: true,
  },
  "leavers.eet_18_21_pct": {
    england: [50, 51, 52],
    region: [49, 50, 51],
    neighbours: [52.6, 53.7, 54.4],
    spread: 6,
    percent: true,
  },
  "wf.agency_pct": {
    england: [16.0, 15.4, 15.8],
    region: [17.6, 16.9, 17.3],
    neighbours: [14.2, 13.8, 13.5],
    spread: 6,
    percent: true,
  },
  "wf.turnover_pct": {
    england: [15.1, 13.6, 15.2],
    region: [16.0, 15.3, 15.7],
    neighbours: [14.9, 14.1, 14.8],
    spread: 4,
    percent: true,
  },
  "wf.avg_caseload": {
    england: [17.8, 17.4, 17.5],
    region: [18.4, 17.9, 18.0],
    neighbours: [17.1, 16.9, 17.2],
    spread: 2.5,
    percent: false,
  },
};

/** Names of the ten statistical neighbours (fictional: the demo's figures are not theirs). */
export const NEIGHBOUR_NAMES = [
  "Neighbour A",
  "Neighbour B",
  "Neighbour C",
  "Neighbour D",
  "Neighbour E",
  "Neighbour F",
  "Neighbour G",
  "Neighbour H",
  "Neighbour I",
  "Neighbour J",
] as const;

const round1 = (v: number): number => Math.round(v * 10) / 10;

/**
 * Generate benchmark rows for the DfE-comparable indicators, FY2016-17 to FY2018-19: England, the
 * region, and the statistical neighbours (their average as the summary row and the ten members, whose
 * mean is the average, for quartile bands and ranks). The figures are illustrative, chosen to resemble
 * published ones; the statistical neighbours' care leavers EET for 2017-18 is the report's 53.7%.
 *
 * @param rng - random source
 * @returns `benchmarks` records
 * @example
 * ```ts
 * generateBenchmarks(new Random(1)).find(
 *   (b) => b.indicator_id === "leavers.eet_18_21_pct" && b.period === "FY2017-18" && b.member === null,
 * )?.value; // 53.7
 * ```
 */
export function generateBenchmarks(rng: Random): BenchmarkRecord[] {
  const out: BenchmarkRecord[] = [];
  const row = (indicator: string, comparator: string, period: string, value: number, member: string | null) =>
    out.push(benchmarkSchema.parse({ indicator_id: indicator, comparator, period, member, value }));
  for (const [indicator, p] of Object.entries(PUBLISHED)) {
    YEARS.forEach((period, y) => {
      row(indicator, "england", period, p.england[y] as number, null);
      row(indicator, "region", period, p.region[y] as number, null);
      const average = p.neighbours[y] as number;
      row(indicator, "statistical_neighbours", period, average, null);
      const raw = NEIGHBOUR_NAMES.map(() => average + p.spread * rng.normal());
      const shift = average - raw.reduce((a, b) => a + b, 0) / raw.length;
      const members = raw.map((v) => {
        const shifted = round1(v + shift);
        return p.percent ? Math.min(99.9, Math.max(0.1, shifted)) : Math.max(0.1, shifted);
      });
      // Make the members' mean the published average exactly (to one decimal place).
      const gap = round1(average * members.length - members.reduce((a, b) => a + b, 0));
      members[members.length - 1] = round1((members[members.length - 1] as number) + gap);
      members.forEach((v, i) => {
        row(indicator, "statistical_neighbours", period, v, NEIGHBOUR_NAMES[i] as string);
      });
    });
  }
  return out;
}
