import { describe, expect, it } from "vitest";
import { catalogue } from "../indicators/catalogue.js";
import { contact, covering, episode } from "../indicators/test-records.js";
import { CatalogueError } from "./catalogue-error.js";
import { createEvaluator } from "./evaluator.js";

const records = {
  contacts: [
    contact("A", "2019-07-01", { date: "2019-07-01", level: 4 }),
    contact("B", "2019-05-20", { date: "2019-05-21", level: 2 }),
  ],
  cla_episodes: [episode("C", "2019-10-02", null, "S", "C1", null)],
};
// The fixture's contacts and care episodes are complete for Q1–Q3 2019-20.
const evaluator = createEvaluator(catalogue, records, { coverage: covering("2019-04-01", "2019-12-31") });

function errorOf(f: () => unknown): CatalogueError {
  try {
    f();
  } catch (e) {
    if (e instanceof CatalogueError) return e;
    throw e;
  }
  throw new Error("expected a CatalogueError");
}

describe("createEvaluator", () => {
  it("rejects an unknown indicator, a period of the wrong kind and an unlisted breakdown", () => {
    expect(errorOf(() => evaluator.evaluate("ffd.nope", "FY2019-20-Q2", "quarter")).code).toBe(
      "unknown_indicator",
    );
    expect(errorOf(() => evaluator.evaluate("ffd.contacts", "2019-08", "quarter")).code).toBe(
      "invalid_period",
    );
    expect(errorOf(() => evaluator.evaluate("ffd.contacts", "FY2019-20", "ytd")).code).toBe("invalid_period");
    const e = errorOf(() =>
      evaluator.evaluate("ffd.contacts", "FY2019-20-Q2", "quarter", { by: "child_id" }),
    );
    expect(e.code).toBe("invalid_breakdown");
    expect(e.message).toContain("source, team");
  });

  it("describes the window it computed", () => {
    const e = evaluator.evaluate("ffd.contacts", "FY2019-20-Q2", "ytd");
    expect(e.range).toEqual({ start: "2019-04-01", end: "2019-09-30" });
    expect([e.indicator, e.period, e.window, e.estimate.value, e.groups]).toEqual([
      "ffd.contacts",
      "FY2019-20-Q2",
      "ytd",
      2,
      null,
    ]);
  });

  it("gives the same answer when a window is asked for again (memoised)", () => {
    const a = evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter");
    const b = evaluator.evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter");
    expect(b).toEqual(a);
    // Quarter Q1 and YTD Q1 are the same dates but different windows: each is labelled as asked.
    const q1 = evaluator.evaluate("ffd.contacts", "FY2019-20-Q1", "quarter");
    const ytd1 = evaluator.evaluate("ffd.contacts", "FY2019-20-Q1", "ytd");
    expect([q1.window, ytd1.window, q1.estimate.value, ytd1.estimate.value]).toEqual([
      "quarter",
      "ytd",
      1,
      1,
    ]);
  });

  it("finds the latest covered quarter and counts records", () => {
    expect(evaluator.latestQuarterWithData()).toBe("FY2019-20-Q3");
    expect(evaluator.recordCount()).toBe(3);
    expect(createEvaluator(catalogue, {}).latestQuarterWithData()).toBeNull();
    // Inferred from the records alone: contacts 20 May – 1 Jul 2019 hold no whole quarter, and one
    // care episode open since 2 Oct 2019 covers that day only.
    expect(createEvaluator(catalogue, records).latestQuarterWithData()).toBeNull();
  });

  it("evaluates every catalogue indicator on empty data without throwing, with a reason for each missing value", () => {
    const empty = createEvaluator(catalogue, {});
    for (const { definition } of catalogue) {
      for (const window of ["quarter", "ytd", "rolling12"] as const) {
        const e = empty.evaluate(definition.id, "FY2019-20-Q2", window).estimate;
        expect(e.value, definition.id).toBeNull();
        expect(e.note, definition.id).toMatch(/^No value: /);
      }
    }
  });

  it("lists every breakdown it accepts for each indicator, and each one works", () => {
    for (const { definition } of catalogue)
      for (const by of definition.breakdowns ?? []) {
        const e = evaluator.evaluate(definition.id, "FY2019-20-Q2", "ytd", { by });
        expect(Array.isArray(e.groups), `${definition.id} by ${by}`).toBe(true);
      }
  });
});
