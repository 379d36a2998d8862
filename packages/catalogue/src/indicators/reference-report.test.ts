import { addDays, addMonths } from "@kpi/core";
import { describe, expect, it } from "vitest";
import type {
  ChildRecord,
  ClaEpisodeRecord,
  ContactRecord,
  MissingEpisodeRecord,
} from "../datasets/schemas.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { child, cinPlan, contact, covering, episode, missing } from "./test-records.js";

// A small authority built to match the reference report (quarterly performance report, Q2 2019-20).
// The records are made in loops; the figures expected are the report's, written as literals.

function contacts(): ContactRecord[] {
  const out: ContactRecord[] = [];
  const day = (i: number) => addDays("2019-07-01", i % 92); // spread over Q2
  const add = (n: number, level: number | null, source: ContactRecord["source"]) => {
    for (let i = 0; i < n; i++) {
      const date = day(out.length);
      out.push(contact(`c${out.length}`, date, level === null ? null : { date, level }, { source }));
    }
  };
  // Schools: 100 decided contacts, 67 at level 4 and 12 at level 3 (79% at level 4 or 3).
  add(67, 4, "2A");
  add(12, 3, "2A");
  add(21, 2, "2A");
  // Everyone else: 1,710 decided contacts, and 40 still undecided (left out of the denominator).
  add(859 - 67, 4, "6");
  add(155 - 12, 3, "6");
  add(400 - 21, 2, "6");
  add(396, 1, "6");
  add(40, null, "6");
  return out;
}

function careEpisodes(): { episodes: ClaEpisodeRecord[]; children: ChildRecord[] } {
  const episodes: ClaEpisodeRecord[] = [];
  const children: ChildRecord[] = [];
  let n = 0;
  const leaverDob = () => (children.length < 59 ? "2002-01-01" : "2010-01-01"); // the first 59 leavers are 17
  const leaver = (): string => {
    const id = `L${n++}`;
    children.push(child(id, leaverDob()));
    return id;
  };
  const exitDate = (i: number) => addDays("2019-04-10", i * 5); // 10 Apr – 17 Sep 2019

  // 33 legal-order leavers achieving permanency: S20 first, then a care order; 11 in care 6 months,
  // 13 for 18 months, 9 for 36 months.
  const permanence = ["E11", "E45", "E41"];
  for (let i = 0; i < 33; i++) {
    const id = leaver();
    const end = exitDate(i);
    const start = addMonths(end, i < 11 ? -6 : i < 24 ? -18 : -36);
    const change = addMonths(start, 1);
    episodes.push(episode(id, start, change, "S", "V2", "X1"));
    episodes.push(episode(id, change, end, "L", "C2", permanence[i % 3] ?? "E11"));
  }
  // 25 legal-order leavers returning home or to other outcomes.
  for (let i = 0; i < 25; i++)
    episodes.push(episode(leaver(), "2019-01-15", exitDate(i), "S", "C1", i % 2 ? "E13" : "E8"));
  // 5 children who left twice this year: first under S20, last under an interim care order.
  for (let i = 0; i < 5; i++) {
    const id = leaver();
    episodes.push(episode(id, "2019-01-10", "2019-04-20", "S", "V2", "E13"));
    episodes.push(episode(id, "2019-05-01", addDays("2019-08-15", i), "S", "C1", "E8"));
  }
  // 57 S20 leavers and 3 under other legal statuses.
  for (let i = 0; i < 57; i++)
    episodes.push(episode(leaver(), "2019-01-15", exitDate(i % 33), "S", "V2", "E13"));
  for (let i = 0; i < 3; i++) episodes.push(episode(leaver(), "2019-01-15", exitDate(i), "S", "L2", "E8"));
  // 99 leavers in the same period of 2018-19.
  for (let i = 0; i < 99; i++)
    episodes.push(episode(`P${i}`, "2018-01-15", addDays("2018-04-10", i), "S", "V2", "E13"));

  // Entries between April and September: 147 in 2017, 130 in 2018, 106 + the 5 re-entries in 2019.
  const starters: [number, number][] = [
    [2017, 147],
    [2018, 130],
    [2019, 106],
  ];
  for (const [year, count] of starters)
    for (let i = 0; i < count; i++) {
      const id = `S${year}-${i}`;
      const start = addDays(`${year}-04-01`, i % 180);
      if (year === 2017 && i < 20) {
        // A placement move in 2019: a new episode, not a new entry.
        episodes.push(episode(id, start, "2019-06-01", "S", "C2", "X1"));
        episodes.push(episode(id, "2019-06-01", null, "P", "C2", null));
      } else episodes.push(episode(id, start, null, "S", "C2", null));
    }
  // Short breaks this summer: neither entries nor leavers.
  for (let i = 0; i < 10; i++) episodes.push(episode(`B${i}`, "2019-07-01", "2019-07-05", "S", "V3", "E8"));
  return { episodes, children };
}

function missingEpisodes(): MissingEpisodeRecord[] {
  const out: MissingEpisodeRecord[] = [];
  const quarter = (year: number, children: number, from: "care" | "home", prefix: string) => {
    for (let c = 0; c < children; c++)
      for (let k = 0; k <= c % 3; k++)
        out.push(missing(`${prefix}${c}`, addDays(`${year}-07-01`, (c + 20 * k) % 92), "missing", from));
  };
  quarter(2019, 35, "care", "MC");
  quarter(2018, 58, "care", "MC");
  quarter(2019, 85, "home", "MH");
  quarter(2018, 139, "home", "MH");
  out.push(missing("MC0", "2019-05-01", "missing", "care")); // also missing in Q1: counted once in Q2
  for (let c = 0; c < 10; c++) out.push(missing(`AB${c}`, "2019-08-01", "absent", "care")); // absent, not missing
  return out;
}

function cinPlans() {
  const plans = [];
  for (let i = 0; i < 400; i++) plans.push(cinPlan(`N${i}`, "2018-06-01", null));
  for (let i = 0; i < 20; i++) plans.push(cinPlan(`E${i}`, "2018-09-01", "2019-06-30", "no_longer_in_need"));
  for (let i = 0; i < 84; i++) plans.push(cinPlan(`R${i}`, "2019-05-01", null));
  // Closed on 31 March itself: not open at the year end.
  for (let i = 0; i < 15; i++)
    plans.push(cinPlan(`M${i}`, "2018-10-01", "2019-03-31", "stepped_down_early_help"));
  return plans;
}

const care = careEpisodes();
const evaluator = createEvaluator(
  catalogue,
  {
    contacts: contacts(),
    cla_episodes: care.episodes,
    children: care.children,
    missing_episodes: missingEpisodes(),
    cin_plans: cinPlans(),
    populations: [
      { year: 2018, age_band: "0-17", count: 100_000 },
      { year: 2019, age_band: "0-17", count: 110_000 },
    ],
  },
  // The small authority's records are complete from 1 Apr 2017 (the first year the report compares).
  { coverage: covering("2017-04-01", "2019-09-30") },
);
const get = (id: string, period: string, window: "quarter" | "ytd") => evaluator.evaluate(id, period, window);

describe("the reference report's Q2 2019-20 figures", () => {
  it("Family Front Door: 47.46% of contacts result in the need for a SWA, 44% in level 2/1", () => {
    const swa = get("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").estimate;
    expect([swa.numerator, swa.denominator]).toEqual([859, 1810]);
    expect(swa.value?.toFixed(2)).toBe("47.46");
    expect(get("ffd.contacts_level_2_1_pct", "FY2019-20-Q2", "quarter").estimate.value?.toFixed(0)).toBe(
      "44",
    );
  });

  it("Family Front Door: schools 79% at level 4 or 3, 65%+ at level 4 and 12% at level 3", () => {
    const e = get("ffd.contacts_level_4_3_pct", "FY2019-20-Q2", "quarter");
    expect(e.extras.schools_level_4_3_pct).toBe(79);
    expect(e.extras.schools_level_4_pct).toBe(67);
    expect(e.extras.schools_level_3_pct).toBe(12);
    const bySource = get("ffd.contacts_level_4_3_pct", "FY2019-20-Q2", "quarter");
    expect(bySource.estimate.value).toBeGreaterThan(0);
    const schools = evaluator
      .evaluate("ffd.contacts_level_4_3_pct", "FY2019-20-Q2", "quarter", { by: "source" })
      .groups?.find((g) => g.key === "2A");
    expect([schools?.label, schools?.estimate.value]).toEqual(["Schools", 79]);
  });

  it("Through Care: 111 new entries in quarters 1 and 2, against 130 in 2018-19 and 147 in 2017-18", () => {
    expect(get("cla.starts", "FY2019-20-Q2", "ytd").estimate.value).toBe(111);
    expect(get("cla.starts", "FY2018-19-Q2", "ytd").estimate.value).toBe(130);
    expect(get("cla.starts", "FY2017-18-Q2", "ytd").estimate.value).toBe(147);
  });

  it("Through Care: 123 children left care year to date (99 in the same period of 2018-19)", () => {
    expect(get("cla.leavers", "FY2019-20-Q2", "ytd").estimate.value).toBe(123);
    expect(get("cla.leavers", "FY2018-19-Q2", "ytd").estimate.value).toBe(99);
  });

  it("Through Care: 57/123 leavers were S20 and 63 were subject to a legal order", () => {
    const s20 = get("cla.leavers_s20_pct", "FY2019-20-Q2", "ytd").estimate;
    expect([s20.numerator, s20.denominator]).toEqual([57, 123]);
    expect(get("cla.leavers_legal_order", "FY2019-20-Q2", "ytd").estimate.value).toBe(63);
  });

  it("Through Care: 33/63 achieved permanency, 24/33 within 24 months (11 within 12)", () => {
    const p = get("cla.permanency_pct", "FY2019-20-Q2", "ytd").estimate;
    expect([p.numerator, p.denominator]).toEqual([33, 63]);
    const t = get("cla.permanency_24m_pct", "FY2019-20-Q2", "ytd");
    expect([t.estimate.numerator, t.estimate.denominator]).toEqual([24, 33]);
    expect(t.extras.within_12_months).toBe(11);
  });

  it("Through Care: 59 leavers aged 16 or over (48.0% of 123)", () => {
    const e = get("cla.leavers_16_plus_pct", "FY2019-20-Q2", "ytd").estimate;
    expect([e.numerator, e.denominator]).toEqual([59, 123]);
    expect(e.value?.toFixed(1)).toBe("48.0");
  });

  it("Additional vulnerabilities: 35 children missing from care in Q2, down from 58; from home 85, down from 139", () => {
    expect(get("missing.care_children", "FY2019-20-Q2", "quarter").estimate.value).toBe(35);
    expect(get("missing.care_children", "FY2018-19-Q2", "quarter").estimate.value).toBe(58);
    expect(get("missing.home_children", "FY2019-20-Q2", "quarter").estimate.value).toBe(85);
    expect(get("missing.home_children", "FY2018-19-Q2", "quarter").estimate.value).toBe(139);
  });

  it("Children in Need: 44 per 10,000 at 30 Sep 2019, from 42 at the 2018-19 year end", () => {
    expect(get("cin.rate_per_10k", "FY2019-20-Q2", "quarter").estimate.value).toBeCloseTo(44, 10);
    expect(get("cin.rate_per_10k", "FY2018-19-Q4", "quarter").estimate.value).toBeCloseTo(42, 10);
  });
});
