import { toDayNumber } from "@kpi/core";

/**
 * The story the demonstration authority tells: every calibrated figure in one place, so that an
 * analyst can see why the demo's FY2019-20 Q2 report reads like the reference report. Quarterly tables
 * are indexed by the financial year's first calendar year and quarter (1–4); years outside a table use
 * the nearest year given, so other spans still produce plausible data.
 */

/** A figure per financial year: `[quarter 1, quarter 2, quarter 3, quarter 4]`. */
export type QuarterTable = Readonly<Record<number, readonly number[]>>;

/**
 * Look a figure up in a {@link QuarterTable}; a missing year uses the nearest year, a missing quarter
 * the nearest earlier quarter of that year.
 *
 * @param table - the table
 * @param fyStart - first calendar year of the financial year
 * @param quarter - 1–4
 * @returns the figure
 * @example
 * ```ts
 * quarterValue({ 2019: [53, 58] }, 2019, 2); // 58
 * quarterValue({ 2019: [53, 58] }, 2021, 4); // 58
 * ```
 */
export function quarterValue(table: QuarterTable, fyStart: number, quarter: number): number {
  const own = table[fyStart];
  if (own !== undefined) return own[Math.min(quarter, own.length) - 1] as number;
  let year = Number.NaN;
  for (const key of Object.keys(table)) {
    const y = Number(key);
    if (Number.isNaN(year) || Math.abs(y - fyStart) < Math.abs(year - fyStart)) year = y;
  }
  const row = table[year] as readonly number[];
  return row[Math.min(quarter, row.length) - 1] as number;
}

/**
 * The value of a trajectory given as `[date, value]` anchors on a day: linear between anchors, flat
 * before the first and after the last.
 *
 * @param anchors - anchors in date order
 * @param day - day number
 * @returns the interpolated value
 * @example
 * ```ts
 * anchorValue([["1970-01-01", 0], ["1970-01-11", 10]], 5); // 5
 * ```
 */
export function anchorValue(anchors: readonly (readonly [string, number])[], day: number): number {
  let prevDay = Number.NaN;
  let prevValue = 0;
  for (const [date, value] of anchors) {
    const d = toDayNumber(date);
    if (day <= d) {
      if (Number.isNaN(prevDay)) return value;
      return prevValue + ((value - prevValue) * (day - prevDay)) / (d - prevDay);
    }
    prevDay = d;
    prevValue = value;
  }
  return prevValue;
}

/** Contacts per quarter before scaling (seasonal: summer up, winter down; growing demand). */
export const CONTACTS_PER_QUARTER: QuarterTable = {
  2016: [1640, 1700, 1675, 1560],
  2017: [1680, 1750, 1715, 1600],
  2018: [1720, 1800, 1760, 1650],
  2019: [1770, 1870, 1810, 1690],
};

/** Share of decided contacts at level 4 (need for a social work assessment). */
export const LEVEL_4_SHARE: QuarterTable = {
  2016: [0.37, 0.36, 0.38, 0.39],
  2017: [0.39, 0.38, 0.4, 0.41],
  2018: [0.41, 0.41, 0.43, 0.44],
  2019: [0.46, 0.4746],
};

/** Share of decided contacts at level 3 (targeted family support); the rest are level 1 or 2. */
export const LEVEL_3_SHARE: QuarterTable = {
  2016: [0.1, 0.1, 0.1, 0.1],
  2017: [0.095, 0.095, 0.095, 0.09],
  2018: [0.09, 0.09, 0.09, 0.088],
  2019: [0.088, 0.0854],
};

/** Schools' level-4 and level-3 shares (the report: 65%+ and 12%, 79% together, in 2019-20). */
export const SCHOOLS_LEVEL_4_UPLIFT = 0.22;
/** See {@link SCHOOLS_LEVEL_4_UPLIFT}. */
export const SCHOOLS_LEVEL_4_MAX = 0.66;
/** See {@link SCHOOLS_LEVEL_4_UPLIFT}. */
export const SCHOOLS_LEVEL_3 = 0.13;

/** Share of contact decisions within 1 working day (Q2 2019-20: manager changes slowed decisions). */
export const DECISION_TIMELY_SHARE: QuarterTable = {
  2016: [0.86, 0.84, 0.87, 0.87],
  2017: [0.88, 0.86, 0.88, 0.89],
  2018: [0.9, 0.87, 0.9, 0.9],
  2019: [0.9, 0.8],
};

/** Share of assessments completed within 45 working days, by completion quarter (Q2 dips). */
export const ASSESSMENT_TIMELY_SHARE: QuarterTable = {
  2016: [0.8, 0.76, 0.82, 0.84],
  2017: [0.84, 0.79, 0.85, 0.86],
  2018: [0.87, 0.83, 0.88, 0.89],
  2019: [0.915, 0.91],
};

/** Share of completed assessments with continued social work intervention (CIN, CP or CLA). */
export const CONTINUED_INTERVENTION_SHARE: QuarterTable = {
  2016: [0.22, 0.21, 0.22, 0.21],
  2017: [0.21, 0.2, 0.21, 0.2],
  2018: [0.2, 0.19, 0.2, 0.19],
  2019: [0.17, 0.23],
};

/** Children starting to be looked after per quarter (YTD Q2: 147, 130, 111 for 2017-18 … 2019-20). */
export const CARE_STARTS: QuarterTable = {
  2016: [75, 78, 70, 68],
  2017: [70, 77, 72, 71],
  2018: [62, 68, 66, 66],
  2019: [53, 58, 56, 55],
};

/** Children leaving care per quarter (YTD Q2: 99 in 2018-19, 123 in 2019-20). */
export const CARE_LEAVERS: QuarterTable = {
  2016: [80, 84, 78, 76],
  2017: [78, 80, 76, 74],
  2018: [48, 51, 80, 82],
  2019: [60, 63, 62, 60],
};

/** Children looked after when the span starts (then slowly falling). */
export const CARE_POPULATION_AT_START = 870;

/** Share of new entrants accommodated under S20 (falling: the S20 share of the care population falls). */
export const S20_ENTRANT_SHARE: QuarterTable = {
  2016: [0.6],
  2017: [0.56],
  2018: [0.5],
  2019: [0.46],
};

/** Share of the care population accommodated under S20: falling through 2018-19 and 2019-20 to 14%. */
export const S20_SHARE: readonly (readonly [string, number])[] = [
  ["2016-04-01", 0.19],
  ["2018-04-01", 0.18],
  ["2019-09-30", 0.14],
];

/** Placement moves per child per year (falling: fewer children with 3+ placements). */
export const PLACEMENT_MOVES_PER_YEAR: QuarterTable = {
  2016: [0.85],
  2017: [0.8],
  2018: [0.72],
  2019: [0.62],
};

/** Share of new foster placements with the authority's own carers (rising). */
export const INTERNAL_FOSTER_SHARE: QuarterTable = {
  2016: [0.46],
  2017: [0.5],
  2018: [0.56],
  2019: [0.63],
};

/**
 * Commissioning price index of new placements by their start date (weekly costs × index): prices rose
 * to 2018-19, then the placement consolidation meetings and more in-house fostering brought the cost of
 * new placements down through 2019-20, so the average weekly cost falls ("lower weekly cost of
 * placements").
 */
export const PLACEMENT_PRICE_INDEX: readonly (readonly [string, number])[] = [
  ["2016-04-01", 1.0],
  ["2018-06-30", 1.25],
  ["2019-03-31", 1.0],
  ["2019-09-30", 0.65],
];

/** Distinct children missing from care per quarter (summer peaks; Q2 2018-19 58, Q2 2019-20 35). */
export const MISSING_FROM_CARE_CHILDREN: QuarterTable = {
  2016: [50, 60, 52, 48],
  2017: [52, 62, 55, 50],
  2018: [50, 58, 50, 45],
  2019: [33, 35, 33, 31],
};

/** Distinct children missing from home per quarter (Q2 2018-19 139, Q2 2019-20 85). */
export const MISSING_FROM_HOME_CHILDREN: QuarterTable = {
  2016: [120, 140, 125, 110],
  2017: [125, 145, 128, 115],
  2018: [118, 139, 115, 100],
  2019: [80, 85, 80, 75],
};

/** Share of ICPCs that result in a child protection plan (81–85%). */
export const ICPC_PLAN_SHARE: QuarterTable = {
  2016: [0.8, 0.79, 0.81, 0.8],
  2017: [0.81, 0.8, 0.82, 0.82],
  2018: [0.83, 0.82, 0.84, 0.83],
  2019: [0.85, 0.81],
};

/** Local indicator counted outside the datasets: early help assessments per quarter. */
export const EARLY_HELP_ASSESSMENTS: QuarterTable = {
  2016: [380, 350, 395, 400],
  2017: [400, 372, 415, 420],
  2018: [425, 398, 440, 452],
  2019: [468, 441],
};

/**
 * Stocks as `[date, value]` anchors, interpolated linearly between them (held flat outside).
 * CIN and CP are rates per 10,000 children aged 0–17; flags are counts before scaling.
 */
export const STOCK_ANCHORS = {
  /** CIN per 10,000: 42 at 31 March 2019, 44 at 30 September 2019. */
  cinRate: [
    ["2016-03-31", 39.4],
    ["2017-03-31", 40.1],
    ["2018-03-31", 41.2],
    ["2019-03-31", 42.05],
    ["2019-09-30", 44.2],
  ],
  /** CP per 10,000: rising. */
  cpRate: [
    ["2016-03-31", 33.0],
    ["2017-03-31", 35.2],
    ["2018-03-31", 37.5],
    ["2019-03-31", 40.3],
    ["2019-09-30", 42.6],
  ],
  CSE: [
    ["2016-03-31", 55],
    ["2018-03-31", 70],
    ["2019-09-30", 96],
  ],
  county_lines: [
    ["2016-03-31", 6],
    ["2017-09-30", 14],
    ["2019-09-30", 58],
  ],
  CCE: [
    ["2016-03-31", 10],
    ["2019-09-30", 44],
  ],
  gangs: [
    ["2016-03-31", 12],
    ["2019-09-30", 19],
  ],
  trafficking: [
    ["2016-03-31", 5],
    ["2019-09-30", 12],
  ],
  radicalisation: [
    ["2016-03-31", 3],
    ["2019-09-30", 5],
  ],
} as const satisfies Record<string, readonly (readonly [string, number])[]>;

/** Children aged 0–17, mid-year estimate, before scaling: about 120,000 and slowly growing. */
export const POPULATION_BASE = { year: 2016, count: 118_420, growthPerYear: 0.0068 } as const;

/** Case-holding social workers before scaling, and the agency share over time (falling). */
export const WORKFORCE = {
  caseHolding: 150,
  managers: 20,
  serviceManagers: 5,
  other: 12,
  agencyShare: { 2016: [0.17], 2017: [0.155], 2018: [0.13], 2019: [0.12] } as QuarterTable,
  averageCaseload: 17,
} as const;

/**
 * The NEET and Missing Mondays panels (from July 2019): in Q2 2019-20 each care leaver whose latest
 * record shows them not in education, employment or training (and in touch) is re-engaged with this
 * chance, recorded by a new check in the quarter — the NEET cohort falls for the first time in 18 months.
 */
export const NEET_PANEL = { from: "2019-07-01", to: "2019-09-30", reengaged: 0.4 } as const;

/** Care leavers aged 18–21: share in education, employment or training among those in touch. */
export const CARE_LEAVER_EET_IN_TOUCH: readonly (readonly [string, number])[] = [
  ["2016-04-01", 0.56],
  ["2018-04-01", 0.6],
  ["2019-09-30", 0.55],
];
