import { indicatorDefinitionSchema } from "@kpi/core";
import { describe, expect, it } from "vitest";
import type { ObservationRecord } from "../datasets/schemas.js";
import { catalogue } from "../indicators/catalogue.js";
import { createEvaluator } from "./evaluator.js";

const audits = indicatorDefinitionSchema.parse({
  id: "local.audits_good_pct",
  title: "Case audits rated good",
  section: "ffd",
  unit: "percent",
  polarity: "high",
  kind: "flow",
  definition: "Case audits rated good or better.",
  breakdowns: ["team"],
  source: "observations",
});
const panels = indicatorDefinitionSchema.parse({
  id: "local.panels_held",
  title: "Panels held",
  section: "through_care",
  unit: "count",
  polarity: "none",
  kind: "flow",
  definition: "NEET and missing panels held.",
  source: "observations",
});
// A local indicator may not take a catalogue id: the catalogue's formula wins.
const clash = indicatorDefinitionSchema.parse({ ...panels, id: "ffd.contacts", title: "Not this" });

const obs = (
  indicator_id: string,
  period: string,
  value: number,
  numerator: number | null = null,
  denominator: number | null = null,
  breakdown: string | null = null,
): ObservationRecord => ({ indicator_id, period, value, numerator, denominator, breakdown });

const observations = [
  obs(audits.id, "FY2019-20-Q1", 75, 3, 4),
  obs(audits.id, "FY2019-20-Q1", 100, 2, 2, "North"),
  obs(audits.id, "FY2019-20-Q1", 50, 1, 2, "South"),
  obs(audits.id, "FY2019-20-Q2", 25, 1, 4),
  obs(audits.id, "2019-08", 100, 5, 5), // a month inside Q2: quarters are used where they exist
  obs(panels.id, "FY2019-20-Q1", 2),
  obs(panels.id, "FY2019-20-Q2", 3),
  obs(panels.id, "FY2018-19", 10),
  obs(panels.id, "FY2018-19-Q1", 4), // the year row is used for the year, not its quarters as well
];

const evaluator = createEvaluator(catalogue, { observations }, { localIndicators: [audits, panels, clash] });

describe("local indicators from observations", () => {
  it("pools numerators and denominators across the window's periods, never averaging percentages", () => {
    const e = evaluator.evaluate(audits.id, "FY2019-20-Q2", "ytd").estimate;
    expect([e.numerator, e.denominator]).toEqual([4, 8]);
    expect(e.value).toBeCloseTo(50, 10); // not the mean of 75% and 25% … which is also 50: check Q2 alone
    expect(evaluator.evaluate(audits.id, "FY2019-20-Q2", "quarter").estimate.value).toBeCloseTo(25, 10);
  });

  it("uses monthly rows for a month window", () => {
    expect(evaluator.evaluate(audits.id, "2019-08", "month").estimate.value).toBeCloseTo(100, 10);
  });

  it("breaks down by the rows' breakdown values", () => {
    const e = evaluator.evaluate(audits.id, "FY2019-20-Q1", "quarter", { by: "team" });
    expect(e.estimate.value).toBeCloseTo(75, 10);
    expect(e.groups?.map((g) => [g.key, g.estimate.value])).toEqual([
      ["North", 100],
      ["South", 50],
    ]);
  });

  it("sums counts, and has no value with a reason when nothing was recorded", () => {
    expect(evaluator.evaluate(panels.id, "FY2019-20-Q2", "ytd").estimate.value).toBe(5);
    expect(evaluator.evaluate(panels.id, "FY2018-19", "year").estimate.value).toBe(10);
    const e = evaluator.evaluate(panels.id, "FY2019-20-Q3", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.note).toBe("No value: no figures for panels held were recorded in Q3 2019-20.");
  });

  it("lists local indicators after the catalogue's, ignoring one that reuses a catalogue id", () => {
    const ids = evaluator.definitions().map((d) => d.id);
    expect(ids.slice(-2)).toEqual([audits.id, panels.id]);
    expect(evaluator.definitions().find((d) => d.id === "ffd.contacts")?.title).toBe("Contacts received");
  });
});
