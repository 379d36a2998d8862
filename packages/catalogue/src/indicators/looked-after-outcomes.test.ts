import { describe, expect, it } from "vitest";
import type { ClaOutcomeRecord } from "../datasets/schemas.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { child, covering, episode } from "./test-records.js";

// The year FY2019-20: 1 April 2019 – 31 March 2020. Expected values worked out by hand below.
const review = (child_id: string, review_date: string) => ({
  review_id: `${child_id}-${review_date}`,
  child_id,
  review_date,
  participation: null,
});
const outcome = (child_id: string, more: Partial<ClaOutcomeRecord>): ClaOutcomeRecord => ({
  child_id,
  as_at_date: "2020-03-31",
  sdq_score: null,
  sdq_reason: null,
  convicted: null,
  health_check: null,
  immunisations: null,
  teeth_check: null,
  health_assessment: null,
  substance_misuse: null,
  intervention_received: null,
  intervention_offered: null,
  ...more,
});

const evaluator = createEvaluator(
  catalogue,
  {
    cla_episodes: [
      // R1 enters care Mon 1 Apr 2019: first review due 20 working days later, Wed 1 May (Easter 19 and 22 April).
      episode("R1", "2019-04-01", null, "S", "C1", null),
      // R2 leaves on 10 Oct 2019, before its first review falls due (29 Oct): nothing due.
      episode("R2", "2019-10-01", "2019-10-10", "S", "V2", "E13"),
      // R3 in care since 1 Jan 2018.
      episode("R3", "2018-01-01", null, "S", "C2", null),
      // A1: placement order (E1) 1 May 2018, placed for adoption (A6) 10 Jan 2019, adopted 1 Sep 2019.
      episode("A1", "2017-06-01", "2018-05-01", "S", "C2", "X1", { placement_type: "U4" }),
      episode("A1", "2018-05-01", "2019-01-10", "L", "E1", "X1", { placement_type: "U4" }),
      episode("A1", "2019-01-10", "2019-09-01", "P", "E1", "E11", { placement_type: "A6" }),
      // A2: placement order 1 Mar 2018, placed for adoption (A4) 1 Sep 2018, adopted 1 Dec 2019.
      episode("A2", "2018-01-01", "2018-03-01", "S", "C2", "X1"),
      episode("A2", "2018-03-01", "2018-09-01", "L", "E1", "X1"),
      episode("A2", "2018-09-01", "2019-12-01", "P", "E1", "E12", { placement_type: "A4" }),
      // U1 and U2: looked after at 31 March 2020; U2's UASC status ceased on 1 January 2020.
      episode("U1", "2019-06-01", null, "S", "V2", null),
      episode("U2", "2019-06-01", null, "S", "V2", null),
    ],
    cla_reviews: [
      // R1: 29 Apr (due 1 May: on time); next due 29 Jul, held 5 Aug (late); next due 5 Feb 2020, held 1 Feb (on time).
      review("R1", "2019-04-29"),
      review("R1", "2019-08-05"),
      review("R1", "2020-02-01"),
      // R3: 20 Jan 2018 (due 29 Jan), 19 Apr (due 20 Apr), 19 Oct 2018 (due 19 Oct); next due 19 Apr 2019: none held.
      review("R3", "2018-01-20"),
      review("R3", "2018-04-19"),
      review("R3", "2018-10-19"),
    ],
    cla_outcomes: [
      outcome("O1", {
        health_check: true,
        teeth_check: false,
        immunisations: true,
        sdq_score: 14,
        convicted: false,
        substance_misuse: false,
      }),
      outcome("O2", {
        health_check: true,
        teeth_check: true,
        sdq_score: 20,
        convicted: true,
        substance_misuse: true,
      }),
      outcome("O3", { health_check: false, teeth_check: true, immunisations: true }),
      // O4 has no children record: left out of the measures by age.
      outcome("O4", { health_check: true, sdq_score: 30, convicted: true }),
    ],
    children: [child("O1", "2010-01-01"), child("O2", "2004-06-01"), child("O3", "2017-01-01")],
    adoptions: [
      {
        child_id: "A1",
        decision_date: null,
        match_date: "2018-12-01",
        foster_carer_adoption: null,
        adopters: 2,
        adopters_sex: null,
        adopters_legal_status: null,
      },
      {
        child_id: "A2",
        decision_date: null,
        match_date: "2018-08-01",
        foster_carer_adoption: null,
        adopters: 1,
        adopters_sex: null,
        adopters_legal_status: null,
      },
    ],
    uasc: [
      { child_id: "U1", ceased_date: "2021-05-01" },
      { child_id: "U2", ceased_date: "2020-01-01" },
    ],
  },
  { coverage: covering("2017-04-01", "2020-03-31") },
);
const year = (id: string) => evaluator.evaluate(id, "FY2019-20", "year").estimate;
const pair = (e: { numerator: number | null; denominator: number | null }) => [e.numerator, e.denominator];

describe("903 measures", () => {
  it("reviews on time follow the statutory schedule from the review actually held", () => {
    // R1: 1 May (on time), 29 Jul (late), 5 Feb (on time); R3: 19 Apr 2019 (missed); R2: none due;
    // U1 and U2 (in care from Sat 1 Jun 2019, no review held): first reviews due Fri 28 Jun, missed.
    expect(pair(year("cla.reviews_on_time_903_pct"))).toEqual([2, 6]);
  });

  it("OC2 shares: health assessments, dental checks, immunisations, substance misuse", () => {
    expect(pair(year("cla.oc2_health_check_pct"))).toEqual([3, 4]);
    expect(pair(year("cla.oc2_teeth_check_pct"))).toEqual([2, 4]);
    expect(pair(year("cla.oc2_immunisations_pct"))).toEqual([2, 4]);
    expect(pair(year("cla.oc2_substance_misuse_pct"))).toEqual([1, 4]);
  });

  it("SDQ and convictions count only children of the ages they concern", () => {
    expect(pair(year("cla.oc2_sdq_recorded_pct"))).toEqual([2, 2]); // O1 (10) and O2 (15); O3 is 3
    expect(year("cla.oc2_sdq_average").value).toBe(17); // (14 + 20) / 2
    expect(pair(year("cla.oc2_convicted_pct"))).toEqual([1, 2]); // O2 of O1 and O2 (aged 10–17)
  });

  it("adoption timeliness: entering care to placement, placement order to match", () => {
    // A1: 1 Jun 2017 → 10 Jan 2019 = 588 days; A2: 1 Jan → 1 Sep 2018 = 243 days.
    expect(year("cla.adoption_days_to_placement").value).toBe((588 + 243) / 2);
    // A1: 1 May → 1 Dec 2018 = 214 days; A2: 1 Mar → 1 Aug 2018 = 153 days.
    expect(year("cla.adoption_days_order_to_match").value).toBe((214 + 153) / 2);
  });

  it("UASC among children looked after at the end of the period", () => {
    // Looked after at 31 March 2020: R1, R3, U1, U2; U1 only is UASC then.
    expect(year("cla.uasc_count").value).toBe(1);
    expect(pair(year("cla.uasc_pct"))).toEqual([1, 4]);
  });
});
