import { describe, expect, it } from "vitest";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "./catalogue.js";
import { careLeaver, child, covering } from "./test-records.js";

// D = 30 Sep 2019; each young person's latest record in (30 Sep 2018, 30 Sep 2019] counts.
const evaluator = createEvaluator(
  catalogue,
  {
    children: [
      child("L1", "2000-05-01"), // 19
      child("L2", "1999-10-01"), // 19 (20 the next day)
      child("L3", "2001-01-01"), // 18, died
      child("L4", "2002-06-01"), // 17
      child("L5", "1997-01-01"), // 22
      child("L6", "2000-01-01"), // 19, but no record in the span
      child("L8", "1998-10-01"), // 20
    ],
    care_leavers: [
      careLeaver("L1", "2019-01-15", "YES", "G4", false),
      careLeaver("L1", "2019-09-01", "YES", "F1", true), // the latest record wins
      careLeaver("L2", "2019-06-01", "NO", null, null),
      careLeaver("L3", "2019-04-01", "DIED", null, null),
      careLeaver("L4", "2019-05-01", "YES", "G5", true),
      careLeaver("L5", "2019-05-01", "YES", "G6", true),
      careLeaver("L6", "2018-09-30", "YES", "F1", true), // exactly 12 months before D: outside the span
      careLeaver("L7", "2019-07-01", "YES", "F2", true), // no date of birth: left out
      careLeaver("L8", "2019-08-01", "REFU", "P4", true),
    ],
  },
  { coverage: covering("2018-04-01", "2021-06-30") },
);
const at = (id: string) => evaluator.evaluate(id, "FY2019-20-Q2", "quarter").estimate;

describe("care leavers aged 18–21", () => {
  it("counts EET by each young person's latest record, leaving out those who died", () => {
    const e = at("leavers.eet_18_21_pct");
    expect([e.numerator, e.denominator]).toEqual([2, 3]); // L1 (F1), L8 (P4) of L1, L2, L8
    expect(e.value).toBeCloseTo(200 / 3, 10);
    expect(e.note).toBe("1 child was left out because their date of birth is not known.");
  });

  it("counts suitable accommodation and being in touch (a null is not suitable)", () => {
    const s = at("leavers.suitable_accommodation_pct");
    expect([s.numerator, s.denominator]).toEqual([2, 3]);
    const t = at("leavers.in_touch_pct");
    expect([t.numerator, t.denominator]).toEqual([1, 3]); // REFU is not in touch
  });

  it("counts NEET young people aged 16–21", () => {
    expect(at("leavers.neet_16_21").value).toBe(1); // L4 (G5); L1's latest is F1, L5 is 22
  });

  it("is not DfE-comparable (the report's 18–21, not DfE's 19–21)", () => {
    const d = evaluator.definitions().find((x) => x.id === "leavers.eet_18_21_pct");
    expect(d?.dfeComparable).toBe(false);
  });

  it("has no value when no record falls in the 12 months", () => {
    const e = evaluator.evaluate("leavers.eet_18_21_pct", "FY2021-22-Q1", "quarter").estimate;
    expect(e.value).toBeNull();
    expect(e.note).toBe(
      "No value: no care leavers aged 18–21 with a record in the previous 12 months were known at 30 Jun 2021.",
    );
  });
});
