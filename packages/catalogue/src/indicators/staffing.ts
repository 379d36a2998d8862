import { addDays, formatDisplayDate } from "@kpi/core";
import type { WorkforceRecord } from "../datasets/schemas.js";
import type { DateRange, EvaluationContext } from "../evaluate/evaluation-context.js";
import type { Formula, FormulaResult } from "../evaluate/formula.js";
import { latestPerPerson } from "../evaluate/latest-per-person.js";
import { createTally, type Tally } from "../evaluate/tally.js";
import type { CatalogueIndicator } from "./catalogue-indicator.js";

/** Every staffing measure reads one snapshot: each worker's latest in the 3 months to D. */
const SNAPSHOT = [{ dataset: "workforce", days: "any_day", monthsBefore: 3 }] as const;

const isCaseHolding = (w: WorkforceRecord) => w.role === "social_worker" || w.role === "senior_practitioner";

/** Each worker's latest snapshot in the 3 months to D, leaving out those who left on or before D. */
function snapshotAt(ctx: EvaluationContext, date: string): WorkforceRecord[] {
  return ctx.memo(`workforce:${date}`, () =>
    latestPerPerson(ctx.index("workforce", "as_at_date"), (w) => w.worker_id, date, 3).filter(
      (w) => w.leaving_date === null || w.leaving_date > date,
    ),
  );
}

/** A staffing measure over the case-holding snapshot at D. */
function snapshotFormula(
  measure: Formula["measure"],
  empty: string,
  add: (tally: Tally, worker: WorkforceRecord, ctx: EvaluationContext) => void,
): Formula {
  return {
    measure,
    dataset: "workforce",
    reads: SNAPSHOT,
    empty,
    compute(ctx: EvaluationContext, range: DateRange, by: string | null): FormulaResult {
      const tally = createTally(by);
      const snapshot = snapshotAt(ctx, range.end);
      for (const w of snapshot) if (isCaseHolding(w)) add(tally, w, ctx);
      if (snapshot.length > 0) return { tally };
      return {
        tally,
        noValue: `No value: no workforce snapshot is dated in the 3 months to ${formatDisplayDate(range.end)}.`,
      };
    },
  };
}

const NO_FTE = "no case-holding social workers were in post";
const NO_PERMANENT = "no permanent social workers were in post";

/**
 * Turnover of the workers a test keeps: those with a leaving date in the 12 months to D (each worker
 * once, whatever the window) over those in post at D, by head count.
 */
function turnoverFormula(include: (w: WorkforceRecord) => boolean, empty: string): Formula {
  return {
    measure: "percent_ratio",
    dataset: "workforce",
    // Leaving dates are read from the snapshots themselves (a census lists the year's leavers).
    reads: SNAPSHOT,
    empty,
    compute(ctx, range, by) {
      const d = range.end;
      const tally = createTally(by);
      for (const w of snapshotAt(ctx, d)) if (include(w)) tally.add(w, 0, 1);
      // Leavers: each worker once, by their latest row with a leaving date in (D − 12 months, D].
      const leavers = new Map<string, WorkforceRecord>();
      const from = addDays(ctx.addMonths(d, -12), 1);
      for (const w of ctx.index("workforce", "leaving_date").between(from, d))
        if (include(w)) leavers.set(w.worker_id, w);
      for (const w of leavers.values()) tally.add(w, 1, 0);
      if (snapshotAt(ctx, d).length > 0) return { tally };
      return {
        tally,
        noValue: `No value: no workforce snapshot is dated in the 3 months to ${formatDisplayDate(d)}.`,
      };
    },
  };
}

/** Staffing: permanence, agency use, caseloads and turnover of case-holding social workers. */
export const staffingIndicators: readonly CatalogueIndicator[] = [
  {
    definition: {
      id: "wf.sw_permanent_pct",
      title: "Case-holding social workers who are permanent",
      shortTitle: "permanent social workers",
      section: "staffing",
      unit: "percent",
      polarity: "high",
      kind: "stock",
      definition:
        "Full-time equivalent of permanent (non-agency) case-holding social workers as a share of all case-holding FTE, from each worker's latest snapshot in the 3 months to period end.",
      numerator: "non-agency FTE (case-holding roles)",
      denominator: "all FTE (case-holding roles)",
      sources: ["workforce"],
      breakdowns: ["team"],
    },
    formula: snapshotFormula("percent_ratio", NO_FTE, (t, w) => t.add(w, w.agency ? 0 : w.fte, w.fte)),
  },
  {
    definition: {
      id: "wf.agency_pct",
      title: "Agency social workers",
      complementOf: "wf.sw_permanent_pct",
      shortTitle: "agency social workers",
      section: "staffing",
      unit: "percent",
      polarity: "low",
      kind: "stock",
      definition:
        "Full-time equivalent of agency case-holding social workers as a share of all case-holding FTE, from each worker's latest snapshot in the 3 months to period end.",
      numerator: "agency FTE (case-holding roles)",
      denominator: "all FTE (case-holding roles)",
      // DfE's agency rate is agency FTE among all children and family social workers, not case holders.
      dfeComparable: false,
      sources: ["workforce"],
      breakdowns: ["team"],
    },
    formula: snapshotFormula("percent_ratio", NO_FTE, (t, w) => t.add(w, w.agency ? w.fte : 0, w.fte)),
  },
  {
    definition: {
      id: "wf.avg_caseload",
      title: "Average caseload",
      section: "staffing",
      unit: "per_fte",
      polarity: "low",
      kind: "stock",
      definition:
        "Children allocated to case-holding social workers with FTE above 0 and a recorded caseload, divided by their FTE.",
      numerator: "sum of caseloads",
      denominator: "FTE of case-holding workers with FTE above 0 and a recorded caseload",
      sources: ["workforce"],
      breakdowns: ["team"],
    },
    formula: snapshotFormula("ratio", NO_FTE, (t, w) => {
      if (w.fte > 0 && w.caseload !== null) t.add(w, w.caseload, w.fte);
    }),
  },
  {
    definition: {
      id: "wf.over_caseload_target",
      title: "Social workers over the caseload target",
      shortTitle: "social workers over the caseload target",
      section: "staffing",
      unit: "count",
      polarity: "low",
      kind: "stock",
      definition: "Case-holding social workers whose caseload exceeds the configured maximum (default 20).",
      numerator: "case-holding workers with a caseload above the target",
      sources: ["workforce"],
      breakdowns: ["team"],
    },
    formula: snapshotFormula("count", NO_FTE, (t, w, ctx) => {
      if (w.caseload !== null && w.caseload > ctx.settings.caseloadTarget) t.add(w, 1);
    }),
  },
  {
    definition: {
      id: "wf.turnover_pct",
      title: "Social worker turnover",
      section: "staffing",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Case-holding social workers with a leaving date in the 12 months to period end (whatever the window), as a share of case-holding social workers in post at period end.",
      numerator: "case-holding workers leaving in the 12 months to period end",
      denominator: "case-holding workers in post at period end",
      sources: ["workforce"],
      breakdowns: ["team"],
    },
    formula: turnoverFormula(isCaseHolding, NO_FTE),
  },
  {
    definition: {
      id: "wf.turnover_dfe_pct",
      title: "Children and family social worker turnover (DfE)",
      section: "staffing",
      unit: "percent",
      polarity: "low",
      kind: "flow",
      definition:
        "Permanent (non-agency) social workers of every role who left in the 12 months to period end (whatever the window), as a share of permanent social workers in post at period end, by head count: the DfE's turnover rate from the workforce census (year ending 30 September) when the period ends on 30 September.",
      numerator: "permanent workers leaving in the 12 months to period end",
      denominator: "permanent workers in post at period end",
      sources: ["workforce"],
      breakdowns: ["team", "role"],
    },
    formula: turnoverFormula((w) => !w.agency, NO_PERMANENT),
  },
];
