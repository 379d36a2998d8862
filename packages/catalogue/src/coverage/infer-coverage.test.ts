import { describe, expect, it } from "vitest";
import { contact, cpPlan, due, episode, worker } from "../indicators/test-records.js";
import { createCoverageInference, inferCoverage } from "./infer-coverage.js";

describe("inferCoverage", () => {
  it("spans events from the earliest to the latest placing date, whatever the other dates", () => {
    const contacts = [
      contact("A", "2019-07-03", { date: "2019-10-02", level: 4 }),
      contact("B", "2019-07-01", null),
      contact("C", "2019-09-28", { date: "2019-09-30", level: 2 }),
    ];
    // Decision dates do not place a contact: 1 Jul – 28 Sep.
    expect(inferCoverage("contacts", contacts)).toEqual({ from: "2019-07-01", to: "2019-09-28" });
  });

  it("starts ranges at the earliest end, or the earliest start when none has ended", () => {
    const episodes = [
      episode("A", "2012-03-01", null, "S", "C2", null),
      episode("B", "2016-05-01", "2017-04-20", "S", "V2", "E13"),
      episode("C", "2017-04-10", "2018-04-01", "S", "C1", "E11"),
    ];
    // Episodes that ended before the extract's history began are missing: completeness can only
    // begin at the earliest closed one (20 Apr 2017); it ends at the latest date seen (1 Apr 2018).
    expect(inferCoverage("cla_episodes", episodes)).toEqual({ from: "2017-04-20", to: "2018-04-01" });
    expect(inferCoverage("cp_plans", [cpPlan("A", "2019-05-01", null), cpPlan("B", "2019-06-01", null)])).toEqual({
      from: "2019-05-01",
      to: "2019-06-01",
    });
  });

  it("spans snapshots by their date, and ends due activities at the latest completion", () => {
    expect(
      inferCoverage("workforce", [worker("W1", "2019-06-30", "social_worker", 1, 10), worker("W1", "2019-09-30", "social_worker", 1, 12)]),
    ).toEqual({ from: "2019-06-30", to: "2019-09-30" });
    const activities = [
      due("cla_review", "2019-07-10", "2019-07-09"),
      due("cla_review", "2019-09-20", "2019-09-30"),
      due("cla_review", "2019-11-15", null), // scheduled, not yet known in full
    ];
    expect(inferCoverage("due_activities", activities)).toEqual({ from: "2019-07-10", to: "2019-09-30" });
  });

  it("gives nothing for undated datasets or no dated records, and the same span when streamed", () => {
    expect(inferCoverage("children", [{ child_id: "A" }])).toBeNull();
    expect(inferCoverage("contacts", [])).toBeNull();
    const streamed = createCoverageInference("contacts");
    streamed.add(contact("A", "2019-08-01", null));
    expect(streamed.span()).toEqual({ from: "2019-08-01", to: "2019-08-01" });
  });
});
