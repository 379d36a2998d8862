import { describe, expect, it } from "vitest";
import type { ObservationRecord } from "../datasets/schemas.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "../indicators/catalogue.js";
import { inferLocalIndicators } from "./inferred-local-indicators.js";

const row = (
  indicator_id: string,
  period: string,
  value: number,
  num: number | null = null,
  den: number | null = null,
) =>
  ({
    indicator_id,
    period,
    numerator: num,
    denominator: den,
    value,
    breakdown: null,
  }) satisfies ObservationRecord;

describe("inferLocalIndicators", () => {
  const observations = [
    row("local.panels", "FY2019-20-Q1", 12),
    row("local.panels", "FY2019-20-Q2", 15),
    row("local.audit_pass_pct", "FY2019-20-Q2", 75, 3, 4),
    row("local.mood", "FY2019-20-Q2", 3.5),
    row("ffd.contacts", "FY2019-20-Q2", 1),
    row("Not An Id", "FY2019-20-Q2", 1),
  ];

  it("defines each undefined, well-formed id once, with a unit read from its rows", () => {
    const defs = inferLocalIndicators(observations, new Set(["ffd.contacts"]));
    expect(defs.map((d) => [d.id, d.unit, d.section, d.polarity, d.source])).toEqual([
      ["local.audit_pass_pct", "percent", "local", "none", "observations"],
      ["local.mood", "number", "local", "none", "observations"],
      ["local.panels", "count", "local", "none", "observations"],
    ]);
  });

  it("lets the evaluator sum a local count over a year to date", () => {
    const evaluator = createEvaluator(
      catalogue,
      { observations },
      { localIndicators: inferLocalIndicators(observations, new Set(["ffd.contacts"])) },
    );
    expect(evaluator.evaluate("local.panels", "FY2019-20-Q2", "ytd").estimate.value).toBe(27);
  });
});
