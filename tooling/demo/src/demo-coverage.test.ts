import {
  catalogue,
  createEvaluator,
  type DatasetRecords,
  datasets,
  declaredCoverage,
  type Evaluator,
  findIndicator,
} from "@kpi/catalogue";
import { previousPeriod, previousYearEnd, quarterOfDate, samePeriodLastYear } from "@kpi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { demoCoverage } from "./demo-coverage.js";
import { generateDemoAuthority } from "./generate.js";

let demo: DatasetRecords;
let declared: Evaluator;
let unbounded: Evaluator;
beforeAll(() => {
  demo = generateDemoAuthority();
  declared = createEvaluator(catalogue, demo, { coverage: demoCoverage() });
  // Every day up to the extract date counts as covered: the figures as they were before coverage.
  unbounded = createEvaluator(catalogue, demo, { coverage: declaredCoverage("1900-01-01", "2019-09-30") });
}, 120_000);

/** Whether the demo holds every dated dataset an indicator reads (not so for the 903's own tables). */
function demonstrated(id: string): boolean {
  const held = new Set(demoCoverage().map((s) => s.dataset));
  return (findIndicator(id)?.formula.reads ?? []).every(
    (r) => datasets[r.dataset].dating.kind === "undated" || held.has(r.dataset),
  );
}

describe("demoCoverage", () => {
  it("declares every dated dataset as an extract from 1 Apr 2016 to 30 Sep 2019", () => {
    const sources = demoCoverage();
    expect(sources.map((s) => s.dataset)).toEqual([
      "contacts",
      "referrals",
      "assessments",
      "s47_enquiries",
      "cp_plans",
      "cin_plans",
      "cla_episodes",
      "care_leavers",
      "missing_episodes",
      "vulnerability_flags",
      "due_activities",
      "workforce",
    ]);
    for (const s of sources)
      expect(s).toMatchObject({ kind: "extract", from: "2016-04-01", to: "2019-09-30", as_of: "2019-09-30" });
    expect(demoCoverage({ from: "FY2017-18", to: "FY2018-19-Q4" })[0]).toMatchObject({
      from: "2017-04-01",
      to: "2019-03-31",
      name: "Demonstration extract at 31 Mar 2019",
    });
  });

  it("keeps every figure of the reference quarter and the periods it is compared with", () => {
    for (const { definition } of catalogue) {
      if (!demonstrated(definition.id)) {
        // No records and no coverage: no value, never a 0 from an empty table.
        const e = declared.evaluate(definition.id, "FY2019-20-Q2", "quarter").estimate;
        expect(e.value, definition.id).toBeNull();
        expect(e.note, definition.id).toMatch(/^No value: no .+ are loaded\./);
        continue;
      }
      for (const window of ["quarter", "ytd"] as const) {
        const periods = ["FY2019-20-Q2", samePeriodLastYear("FY2019-20-Q2")];
        const previous = previousPeriod("FY2019-20-Q2", window);
        if (previous !== null) periods.push(previous);
        for (const period of periods) {
          const a = declared.evaluate(definition.id, period, window).estimate;
          const b = unbounded.evaluate(definition.id, period, window).estimate;
          expect([a.value, a.numerator, a.denominator], `${definition.id} ${period} ${window}`).toEqual([
            b.value,
            b.numerator,
            b.denominator,
          ]);
          // Never a coverage gap inside the extract (a measure may still find nothing to count).
          if (a.value === null) expect(a.note, `${definition.id} ${period} ${window}`).not.toMatch(/loaded/);
        }
      }
      if (definition.kind === "stock") {
        const yearEnd = quarterOfDate(previousYearEnd("FY2019-20-Q2", "quarter")).id;
        const a = declared.evaluate(definition.id, yearEnd, "quarter").estimate.value;
        expect(a, `${definition.id} at the year end`).toBe(
          unbounded.evaluate(definition.id, yearEnd, "quarter").estimate.value,
        );
      }
    }
  });

  it("gives no value, with the reason, for the quarter after the extract", () => {
    expect(declared.latestQuarterWithData()).toBe("FY2019-20-Q2");
    for (const { definition } of catalogue) {
      if (!demonstrated(definition.id)) continue;
      const e = declared.evaluate(definition.id, "FY2019-20-Q3", "quarter");
      expect(e.estimate.value, definition.id).toBeNull();
      expect(e.estimate.note, definition.id).toMatch(
        /^No value: .+ are loaded for 1 Apr 2016 – 30 Sep 2019\./,
      );
    }
  });
});
