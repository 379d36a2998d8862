import type { DatasetRecords } from "@kpi/catalogue";
import { addMonths, type IsoDate, workingDaysBetween } from "@kpi/core";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoAuthority } from "./generate.js";

// The demo's FY2019-20 Q2 must tell the reference report's story. The figures are counted here straight
// from the records, following the definitions in the spec's indicators.md, not with the generator's code.

type Ranged = { start_date: IsoDate; end_date: IsoDate | null };
const within = (d: IsoDate | null, from: IsoDate, to: IsoDate): d is IsoDate =>
  d !== null && d >= from && d <= to;
const openAt = <T extends Ranged>(rows: readonly T[], day: IsoDate): T[] =>
  rows.filter((r) => r.start_date <= day && (r.end_date === null || r.end_date > day));
const isShortBreak = (e: { legal_status: string }): boolean =>
  e.legal_status === "V3" || e.legal_status === "V4";

let demo: DatasetRecords;
beforeAll(() => {
  demo = generateDemoAuthority();
}, 120_000);

/** Decided contacts at level 4 / decided contacts, dated by contact_date, in percent. */
function swaConversion(from: IsoDate, to: IsoDate): number {
  const decided = demo.contacts.filter(
    (c) => within(c.contact_date, from, to) && c.level_of_need !== null && c.decision_date !== null,
  );
  return (100 * decided.filter((c) => c.level_of_need === 4).length) / decided.length;
}

/** Completed assessments taking ≤ 45 working days / completed, dated by authorised_date, in percent. */
function assessmentsWithin45(from: IsoDate, to: IsoDate): number {
  const done = demo.assessments.filter((a) => within(a.authorised_date, from, to));
  const timely = done.filter((a) => workingDaysBetween(a.start_date, a.authorised_date as IsoDate) <= 45);
  return (100 * timely.length) / done.length;
}

/** Distinct children with a non-short-break episode starting with reason S in the window. */
function careStarts(from: IsoDate, to: IsoDate): number {
  const starts = demo.cla_episodes.filter(
    (e) => !isShortBreak(e) && e.reason_new_episode === "S" && within(e.start_date, from, to),
  );
  return new Set(starts.map((e) => e.child_id)).size;
}

/** Distinct children with a non-short-break episode ending in the window with a reason other than X1. */
function careLeavers(from: IsoDate, to: IsoDate): number {
  const exits = demo.cla_episodes.filter(
    (e) =>
      !isShortBreak(e) &&
      e.reason_ceased !== null &&
      e.reason_ceased !== "X1" &&
      within(e.end_date, from, to),
  );
  return new Set(exits.map((e) => e.child_id)).size;
}

/** Children with an open CIN plan at the end of `day` per 10,000 children (the financial year's estimate). */
function cinPer10k(day: IsoDate): number {
  const fyStart = Number(day.slice(5, 7)) >= 4 ? Number(day.slice(0, 4)) : Number(day.slice(0, 4)) - 1;
  const population = demo.populations.find((p) => p.year === fyStart && p.age_band === "0-17");
  const children = new Set(openAt(demo.cin_plans, day).map((p) => p.child_id)).size;
  return (10_000 * children) / (population?.count ?? Number.NaN);
}

/** Distinct children with a `missing` episode from care starting in the window. */
function missingFromCare(from: IsoDate, to: IsoDate): number {
  const episodes = demo.missing_episodes.filter(
    (m) => m.kind === "missing" && m.from === "care" && within(m.start_date, from, to),
  );
  return new Set(episodes.map((m) => m.child_id)).size;
}

describe("the demonstration authority's FY2019-20 Q2 story", () => {
  it("converts 45–50% of decided contacts to a social work assessment, up from a year before", () => {
    const q2 = swaConversion("2019-07-01", "2019-09-30");
    expect(q2).toBeGreaterThanOrEqual(45);
    expect(q2).toBeLessThanOrEqual(50);
    expect(swaConversion("2018-07-01", "2018-09-30")).toBeLessThan(q2 - 3);
  });

  it("completes 85–93% of assessments within 45 working days, after a Q2 dip a year earlier", () => {
    const q2 = assessmentsWithin45("2019-07-01", "2019-09-30");
    expect(q2).toBeGreaterThanOrEqual(85);
    expect(q2).toBeLessThanOrEqual(93);
    expect(assessmentsWithin45("2018-07-01", "2018-09-30")).toBeLessThan(
      assessmentsWithin45("2018-04-01", "2018-06-30"),
    );
  });

  it("has fewer children starting care in Q1–Q2 each year: 2019-20 < 2018-19 < 2017-18", () => {
    const y1920 = careStarts("2019-04-01", "2019-09-30");
    const y1819 = careStarts("2018-04-01", "2018-09-30");
    const y1718 = careStarts("2017-04-01", "2017-09-30");
    expect(y1920).toBeLessThan(y1819);
    expect(y1819).toBeLessThan(y1718);
    expect(y1920).toBeGreaterThan(90);
    expect(y1718).toBeLessThan(180);
  });

  it("has more children leaving care in Q1–Q2 2019-20 than in Q1–Q2 2018-19", () => {
    expect(careLeavers("2019-04-01", "2019-09-30")).toBeGreaterThan(careLeavers("2018-04-01", "2018-09-30"));
  });

  it("has 42–46 children in need per 10,000 at 30 September 2019, more than at 31 March 2019", () => {
    const sep = cinPer10k("2019-09-30");
    expect(sep).toBeGreaterThanOrEqual(42);
    expect(sep).toBeLessThanOrEqual(46);
    expect(sep).toBeGreaterThan(cinPer10k("2019-03-31"));
  });

  it("has fewer children missing from care in Q2 2019-20 than in Q2 2018-19, with a summer peak before", () => {
    expect(missingFromCare("2019-07-01", "2019-09-30")).toBeLessThan(
      missingFromCare("2018-07-01", "2018-09-30"),
    );
    expect(missingFromCare("2018-07-01", "2018-09-30")).toBeGreaterThan(
      missingFromCare("2018-04-01", "2018-06-30"),
    );
  });

  it("has a looked-after population that is slowly falling", () => {
    const count = (day: IsoDate): number =>
      new Set(
        openAt(
          demo.cla_episodes.filter((e) => !isShortBreak(e)),
          day,
        ).map((e) => e.child_id),
      ).size;
    expect(count("2019-09-30")).toBeLessThan(count("2017-09-30"));
    expect(count("2019-09-30")).toBeGreaterThan(0.85 * count("2017-09-30"));
  });

  it("has care leavers aged 18–21 in education, employment or training at about 59% on 30 September 2019", () => {
    const day = "2019-09-30";
    const from = addMonths(day, -12);
    const dob = new Map(demo.children.map((c) => [c.child_id, c.date_of_birth]));
    const latest = new Map<string, DatasetRecords["care_leavers"][number]>();
    for (const r of demo.care_leavers) {
      if (r.as_at_date <= from || r.as_at_date > day) continue;
      const seen = latest.get(r.child_id);
      if (!seen || seen.as_at_date < r.as_at_date) latest.set(r.child_id, r);
    }
    const cohort = [...latest.values()].filter((r) => {
      const born = dob.get(r.child_id);
      if (!born || r.in_touch === "DIED") return false;
      const age = Number(day.slice(0, 4)) - Number(born.slice(0, 4)) - (day.slice(5) < born.slice(5) ? 1 : 0);
      return age >= 18 && age <= 21;
    });
    const eet = cohort.filter((r) => r.activity !== null && /^[FP]/.test(r.activity)).length;
    const share = (100 * eet) / cohort.length;
    expect(share).toBeGreaterThan(53);
    expect(share).toBeLessThan(65);
  });
});
