import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClaEpisodeRecord, ContactRecord, DatasetRecords } from "../datasets/schemas.js";
import { catalogue } from "../indicators/catalogue.js";
import {
  assessment,
  careLeaver,
  contact,
  covering,
  cpPlan,
  episode,
  missing,
} from "../indicators/test-records.js";
import { createEvaluationContext, type DateRange } from "./evaluation-context.js";
import { createEvaluator } from "./evaluator.js";
import type { Formula } from "./formula.js";
import {
  cohortFormula,
  flowWithinWorkingDays,
  stockChildrenProportion,
  stockDistinctChildren,
  stockProportion,
} from "./formula-shapes.js";

/** The generated records are all of FY2019-20, and complete for it. */
const FY2019_20 = covering("2019-04-01", "2020-03-31");

const day = fc.integer({ min: 0, max: 364 }).map((n) => {
  const d = new Date(Date.UTC(2019, 3, 1 + n));
  return d.toISOString().slice(0, 10);
});

const contactArb = fc
  .record({
    child: fc.constantFrom("A", "B", "C", "D"),
    date: day,
    level: fc.option(fc.integer({ min: 1, max: 4 })),
  })
  .map(
    ({ child, date, level }): ContactRecord => contact(child, date, level === null ? null : { date, level }),
  );

describe("formula shapes: invariants over any contacts", () => {
  it("levels 4, 3 and 2/1 split the decided contacts exactly", () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), (contacts) => {
        const ev = createEvaluator(catalogue, { contacts }, { coverage: FY2019_20 });
        const n = (id: string) => ev.evaluate(id, "FY2019-20-Q4", "ytd").estimate;
        const swa = n("ffd.contacts_swa_pct");
        const low = n("ffd.contacts_level_2_1_pct");
        const high = n("ffd.contacts_level_4_3_pct");
        const decided = contacts.filter((c) => c.level_of_need !== null).length;
        expect(swa.denominator ?? 0).toBe(decided);
        expect((high.numerator ?? 0) + (low.numerator ?? 0)).toBe(decided);
        expect(swa.numerator ?? 0).toBeLessThanOrEqual(high.numerator ?? 0);
      }),
      { numRuns: 40 },
    );
  });

  it("counts events additively over quarters, but distinct children only over the window itself", () => {
    const missingArb = fc
      .record({ child: fc.constantFrom("A", "B", "C"), date: day })
      .map(({ child, date }) => missing(child, date, "missing", "care"));
    fc.assert(
      fc.property(fc.array(missingArb, { minLength: 1, maxLength: 40 }), (episodes) => {
        const ev = createEvaluator(catalogue, { missing_episodes: episodes }, { coverage: FY2019_20 });
        const quarters = ["FY2019-20-Q1", "FY2019-20-Q2", "FY2019-20-Q3", "FY2019-20-Q4"];
        const q = (id: string, p: string) => ev.evaluate(id, p, "quarter").estimate.value ?? 0;
        const year = (id: string) => ev.evaluate(id, "FY2019-20-Q4", "ytd").estimate.value ?? 0;
        const incidents = quarters.reduce((s, p) => s + q("missing.care_incidents", p), 0);
        const children = quarters.reduce((s, p) => s + q("missing.care_children", p), 0);
        expect(year("missing.care_incidents")).toBe(incidents);
        expect(year("missing.care_children")).toBe(new Set(episodes.map((e) => e.child_id)).size);
        expect(year("missing.care_children")).toBeLessThanOrEqual(children);
      }),
      { numRuns: 40 },
    );
  });
});

const settings = { caseloadTarget: 20, confidence: 0.95 };
const Q2: DateRange = { start: "2019-07-01", end: "2019-09-30" };

/** A formula's sums over some records for one window. */
function run(
  formula: Formula,
  records: Partial<DatasetRecords>,
  range: DateRange = Q2,
  by: string | null = null,
) {
  return formula.compute(createEvaluationContext(records, settings), range, by);
}

describe("flowWithinWorkingDays", () => {
  const decidedIn1 = flowWithinWorkingDays(
    "contacts",
    "contact_date",
    "no contacts were decided",
    { from: "contact_date", to: "decision_date", days: 1 },
    (c) => c.level_of_need !== null,
  );

  it("counts working days, not calendar days, and skips weekends and bank holidays", () => {
    const { tally } = run(decidedIn1, {
      contacts: [
        contact("A", "2019-07-01", { date: "2019-07-01", level: 2 }), // Monday, same day: 0
        contact("B", "2019-07-05", { date: "2019-07-08", level: 2 }), // Friday → Monday: 1
        contact("C", "2019-07-05", { date: "2019-07-09", level: 2 }), // Friday → Tuesday: 2
        contact("D", "2019-08-23", { date: "2019-08-27", level: 4 }), // over the summer bank holiday: 1
        contact("E", "2019-07-02", null), // undecided: not in the denominator
        contact("F", "2019-06-28", { date: "2019-07-01", level: 1 }), // contact before the window
      ],
    });
    expect(tally.total).toEqual({ numerator: 3, denominator: 4, units: 4 });
  });

  it("leaves out records that lack the end date, and allows up to the limit", () => {
    const within45 = flowWithinWorkingDays("assessments", "start_date", "no assessments were started", {
      from: "start_date",
      to: "authorised_date",
      days: 45,
    });
    const { tally } = run(within45, {
      assessments: [
        assessment("A", "2019-07-01", null), // still open: not in the denominator
        // From Monday 1 July 2019: 2 September is 44 working days on (26 August is a bank holiday),
        // 3 September 45 and 4 September 46.
        assessment("B", "2019-07-01", "2019-09-02"),
        assessment("C", "2019-07-01", "2019-09-03"),
        assessment("D", "2019-07-01", "2019-09-04"),
      ],
    });
    expect(tally.total).toEqual({ numerator: 2, denominator: 3, units: 3 });
  });
});

describe("stockProportion", () => {
  it("counts open records, so a child with two open plans counts twice", () => {
    const neglect = stockProportion(
      "cp_plans",
      "no plans were open",
      () => true,
      (p) => p.latest_category === "NEG",
    );
    const { tally } = run(neglect, {
      cp_plans: [
        cpPlan("A", "2019-01-01", null, { latest_category: "NEG" }),
        cpPlan("A", "2019-03-01", null, { latest_category: "PHY" }),
        cpPlan("B", "2019-02-01", null, { latest_category: "NEG" }),
        cpPlan("C", "2019-01-01", "2019-09-30", { latest_category: "NEG" }), // ended at D: not open
      ],
    });
    expect(tally.total).toEqual({ numerator: 2, denominator: 3, units: 3 });
  });
});

describe("stockChildrenProportion", () => {
  it("counts each child once, by the later-started of their open records", () => {
    const s20 = stockChildrenProportion(
      "cla_episodes",
      "no children were looked after",
      (e) => e.legal_status === "V2",
    );
    const { tally } = run(
      s20,
      {
        cla_episodes: [
          episode("A", "2019-01-01", null, "S", "V2", null),
          episode("A", "2019-05-01", null, "L", "C2", null, { placement_type: "U4" }),
          episode("B", "2019-02-01", null, "S", "V2", null, { placement_type: "U4" }),
          episode("C", "2019-01-01", "2019-06-30", "S", "V2", "E11"),
        ],
      },
      Q2,
      "placement_type",
    );
    expect(tally.total).toEqual({ numerator: 1, denominator: 2, units: 2 });
    expect(tally.groups?.get("U4")).toEqual({ numerator: 1, denominator: 2, units: 2 });
  });

  it("has the same children below the line as the distinct-children count (any episodes, any date)", () => {
    const day = fc
      .integer({ min: 0, max: 200 })
      .map((n) => new Date(Date.UTC(2019, 0, 1 + n)).toISOString().slice(0, 10));
    const episodeArb = fc
      .record({
        child: fc.constantFrom("A", "B", "C", "D"),
        start: day,
        length: fc.option(fc.integer({ min: 1, max: 120 })),
      })
      .map(({ child, start, length }): ClaEpisodeRecord => {
        const end =
          length === null
            ? null
            : new Date(Date.parse(`${start}T00:00:00Z`) + length * 86_400_000).toISOString().slice(0, 10);
        return episode(child, start, end, "S", "C2", end === null ? null : "E11");
      });
    const share = stockChildrenProportion("cla_episodes", "none", () => false);
    const count = stockDistinctChildren("cla_episodes", "none");
    fc.assert(
      fc.property(fc.array(episodeArb, { maxLength: 20 }), day, (episodes, d) => {
        const range = { start: "2019-01-01", end: d };
        const open = new Set(
          episodes
            .filter((e) => e.start_date <= d && (e.end_date === null || e.end_date > d))
            .map((e) => e.child_id),
        );
        expect(run(share, { cla_episodes: episodes }, range).tally.total.denominator).toBe(open.size);
        expect(run(count, { cla_episodes: episodes }, range).tally.total.numerator).toBe(open.size);
      }),
      { numRuns: 60 },
    );
  });
});

describe("cohortFormula", () => {
  const young = [
    { record: careLeaver("A", "2019-09-01", "YES", "F1", true), age: 19 },
    { record: careLeaver("B", "2019-09-01", "NO", "G4", false), age: 20 },
    { record: careLeaver("C", "2019-09-01", "YES", "P1", true), age: null },
    { record: careLeaver("D", "2019-09-01", "YES", "F1", true), age: 22 },
  ];
  const inTouch = cohortFormula({
    measure: "proportion",
    dataset: "care_leavers",
    reads: [{ dataset: "care_leavers", days: "day" }],
    empty: "no care leavers were known",
    members: () => young,
    recordOf: (m) => m.record,
    birthUnknown: (m) => m.age === null,
    inDenominator: (m) => (m.age ?? 0) <= 21,
    inNumerator: (m) => m.record.in_touch === "YES",
  });

  it("counts members by the tests and reports those of unknown age apart", () => {
    const result = run(inTouch, {}, Q2, "activity");
    expect(result.tally.total).toEqual({ numerator: 1, denominator: 2, units: 2 });
    expect(result.leftOutNoBirthDate).toBe(1);
    expect([...(result.tally.groups?.keys() ?? [])]).toEqual(["F1", "G4"]);
  });

  it("reports no left-out figure when the measure does not depend on age", () => {
    const all = cohortFormula({
      measure: "count",
      dataset: "care_leavers",
      reads: [{ dataset: "care_leavers", days: "day" }],
      empty: "none",
      members: () => young,
    });
    const result = run(all, {});
    expect(result.tally.total.numerator).toBe(4);
    expect(result).not.toHaveProperty("leftOutNoBirthDate");
  });
});
