import { describe, expect, it } from "vitest";
import { contact, cpPlan, worker } from "../indicators/test-records.js";
import { isWithinSpan } from "./within-span.js";

const year = { from: "2018-04-01", to: "2019-03-31" };

describe("isWithinSpan", () => {
  it("takes ranges that overlap the span, counting the day a range closed", () => {
    expect(isWithinSpan("cp_plans", cpPlan("A", "2016-01-01", null), year)).toBe(true);
    expect(isWithinSpan("cp_plans", cpPlan("A", "2016-01-01", "2018-04-01"), year)).toBe(true);
    expect(isWithinSpan("cp_plans", cpPlan("A", "2016-01-01", "2018-03-31"), year)).toBe(false);
    expect(isWithinSpan("cp_plans", cpPlan("A", "2019-03-31", null), year)).toBe(true);
    expect(isWithinSpan("cp_plans", cpPlan("A", "2019-04-01", null), year)).toBe(false);
  });

  it("takes events and snapshots dated in the span by their placing date", () => {
    expect(isWithinSpan("contacts", contact("A", "2019-03-31", { date: "2019-04-02", level: 4 }), year)).toBe(true);
    expect(isWithinSpan("contacts", contact("A", "2018-03-31", { date: "2018-04-01", level: 4 }), year)).toBe(false);
    expect(isWithinSpan("workforce", worker("W", "2019-03-31", "social_worker", 1, 1), year)).toBe(true);
    expect(isWithinSpan("workforce", worker("W", "2019-04-01", "social_worker", 1, 1), year)).toBe(false);
  });
});
