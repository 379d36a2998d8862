import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { covering, earlyHelp } from "./test-records.js";

// Q2 2019-20 is 1 Jul – 30 Sep 2019. Each row says, in its comment, what it counts towards in Q2.
const early_help = [
  // started Q2, completed Q2, began as a step-down; ended Q2 with a step-up
  earlyHelp("A", "2019-07-01", {
    assessment_completed_date: "2019-07-20",
    step_down: true,
    end_date: "2019-09-01",
    end_reason: "step_up",
    team: "North",
  }),
  // started Q2, completed in Q3, not a step-down; ends Q3
  earlyHelp("B", "2019-08-05", {
    assessment_completed_date: "2019-10-02",
    step_down: false,
    end_date: "2019-12-01",
    end_reason: "needs_met",
  }),
  // started Q2, still open, origin not recorded (left out of the step-down denominator)
  earlyHelp("C", "2019-09-30", { team: "North" }),
  // started Q1, completed Q2, ended Q2 with needs met; began as a step-down (Q1's denominator)
  earlyHelp("D", "2019-06-10", {
    assessment_completed_date: "2019-07-01",
    step_down: true,
    end_date: "2019-09-30",
    end_reason: "needs_met",
  }),
  // started Q1, ended Q2 with a step-up; completion not recorded
  earlyHelp("E", "2019-05-01", { step_down: false, end_date: "2019-08-15", end_reason: "step_up" }),
];

const evaluator = createEvaluator(
  catalogue,
  { early_help },
  { coverage: covering("2018-04-01", "2020-03-31") },
);
const value = (id: string, period = "FY2019-20-Q2") => evaluator.evaluate(id, period, "quarter").estimate;

describe("early help indicators (the front door's level 2 and 1)", () => {
  it("counts assessments started by start date", () => {
    // Q2: A, B, C; Q1: D, E.
    expect(value("ffd.early_help_assessments_started").value).toBe(3);
    expect(value("ffd.early_help_assessments_started", "FY2019-20-Q1").value).toBe(2);
  });

  it("counts assessments completed by completion date, whenever they started", () => {
    // Q2: A (20 Jul), D (1 Jul); B completes in Q3 (2 Oct); C and E have no completion.
    expect(value("ffd.early_help_assessments_completed").value).toBe(2);
    expect(value("ffd.early_help_assessments_completed", "FY2019-20-Q3").value).toBe(1);
  });

  it("takes step-ups over the episodes ended in the period", () => {
    // Ended in Q2: A (step_up), D (needs_met), E (step_up) → 2 of 3.
    const e = value("ffd.early_help_step_up_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 3]);
    expect(e.value).toBeCloseTo((2 / 3) * 100, 10);
  });

  it("takes step-downs over the episodes started with their origin recorded", () => {
    // Started in Q2 with step_down recorded: A (true), B (false); C has none → 1 of 2.
    const e = value("ffd.early_help_step_down_pct");
    expect([e.numerator, e.denominator]).toEqual([1, 2]);
    expect(e.value).toBeCloseTo(50, 10);
    // Q1: D (true), E (false) → 1 of 2.
    expect(value("ffd.early_help_step_down_pct", "FY2019-20-Q1").numerator).toBe(1);
  });
});
