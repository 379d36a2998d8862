import { describe, expect, it } from "vitest";
import { contact, cpPlan, episode, referral } from "../indicators/test-records.js";
import { createEvaluationContext } from "./evaluation-context.js";

const settings = { caseloadTarget: 20, confidence: 0.95 };

describe("createEvaluationContext", () => {
  const ctx = createEvaluationContext(
    {
      contacts: [contact("A", "2019-07-01", null), contact("B", "2019-10-01", null)],
      referrals: [referral("A", "2019-05-01"), referral("A", "2018-05-01"), referral("B", "2019-01-01")],
      cla_episodes: [
        episode("C", "2019-04-01", null, "S", "C1", null),
        episode("D", "2019-04-01", "2019-04-03", "S", "V4", "E8"),
      ],
      cp_plans: [cpPlan("E", "2019-01-01", "2019-09-30"), cpPlan("F", "2019-01-01", null)],
    },
    settings,
  );

  it("selects flows by binary search over the dated field", () => {
    expect(ctx.flow("contacts", "contact_date", { start: "2019-07-01", end: "2019-09-30" })).toHaveLength(1);
  });

  it("answers what is open at a date", () => {
    expect(ctx.openAt("cp_plans", "2019-09-30").map((p) => p.child_id)).toEqual(["F"]);
  });

  it("never shows a short break to a formula", () => {
    expect(ctx.records("cla_episodes").map((e) => e.child_id)).toEqual(["C"]);
  });

  it("groups a child's records in date order", () => {
    expect(
      ctx
        .perChild("referrals", "referral_date")
        .get("A")
        ?.map((r) => r.referral_date),
    ).toEqual(["2018-05-01", "2019-05-01"]);
  });

  it("works out working days and months as the calendar does, however often asked", () => {
    // Fri 23 Aug 2019 → Tue 27 Aug 2019 across the bank holiday Monday: 1 working day.
    expect(ctx.workingDaysBetween("2019-08-23", "2019-08-27")).toBe(1);
    expect(ctx.workingDaysBetween("2019-08-23", "2019-08-27")).toBe(1);
    expect(ctx.addMonths("2019-08-31", 1)).toBe("2019-09-30");
    expect(ctx.ageOn("2004-02-29", "2021-02-28")).toBe(16);
  });

  it("uses another division's bank holidays when asked", () => {
    const scotland = createEvaluationContext({}, { ...settings, workingDays: { division: "scotland" } });
    // 5 Aug 2019 is a bank holiday in Scotland only.
    expect(scotland.workingDaysBetween("2019-08-02", "2019-08-06")).toBe(1);
    expect(ctx.workingDaysBetween("2019-08-02", "2019-08-06")).toBe(2);
  });

  it("computes a record's flag once", () => {
    let calls = 0;
    const r = { id: 1 };
    const test = () => {
      calls += 1;
      return true;
    };
    expect([ctx.flag("x", r, test), ctx.flag("x", r, test)]).toEqual([true, true]);
    expect(calls).toBe(1);
  });
});
