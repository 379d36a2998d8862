import { describe, expect, it } from "vitest";
import type { ContactRecord } from "../datasets/schemas.js";
import { createEvaluator } from "../evaluate/evaluator.js";
import { catalogue } from "../indicators/catalogue.js";
import { covering } from "../indicators/test-records.js";
import { indicatorAnalysis } from "./indicator-analysis.js";
import { smallAuthority, smallAuthorityCoverage } from "./small-authority-fixture.js";

const evaluator = createEvaluator(catalogue, smallAuthority(), { coverage: smallAuthorityCoverage() });

describe("indicatorAnalysis", () => {
  it("tests the trend over the five latest quarters", () => {
    const { trend } = indicatorAnalysis(evaluator, "ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter");
    expect(trend.periods).toEqual([
      "FY2018-19-Q2",
      "FY2018-19-Q3",
      "FY2018-19-Q4",
      "FY2019-20-Q1",
      "FY2019-20-Q2",
    ]);
    // Cochran–Armitage by hand: x = 20, 25, 30, 40, 45 of 100, scores 1–5, p̄ = 0.32;
    // T = Σ t(x − 100 p̄) = 65; Var = p̄(1 − p̄)(Σ n t² − (Σ n t)² / N) = 0.2176 × 1000 = 217.6;
    // χ² = 65² / 217.6 = 19.4164 > 9.5495.
    expect(trend.statistic).toBeCloseTo(4225 / 217.6, 6);
    expect(trend.direction).toBe("increasing");
  });

  it("tests no trend over a period without a value, and skips an uncovered year in the seasonal pattern", () => {
    // The records are complete from 1 Apr 2018: Q4 2017-18 has no value, so the five quarters to
    // Q4 2018-19 cannot be tested (a zero would have been a false "increase").
    const { trend } = indicatorAnalysis(evaluator, "ffd.contacts", "FY2018-19-Q4", "quarter");
    expect(trend.direction).toBe("cannot_calculate");
    expect(trend.reason).toBe("Q4 2017-18 has no value.");
  });

  it("steps a whole year between year-to-date points and says why a trend cannot be calculated", () => {
    const { trend, seasonal } = indicatorAnalysis(evaluator, "ffd.contacts_swa_pct", "FY2019-20-Q2", "ytd");
    expect(trend.periods).toEqual([
      "FY2015-16-Q2",
      "FY2016-17-Q2",
      "FY2017-18-Q2",
      "FY2018-19-Q2",
      "FY2019-20-Q2",
    ]);
    expect(trend.direction).toBe("cannot_calculate");
    expect(trend.reason).toEqual(expect.any(String));
    expect(seasonal.expected).toBeNull();
    expect(seasonal.reason).toContain("quarters only");
  });

  it("gives no seasonal statement without three complete earlier years, and says so", () => {
    const { seasonal } = indicatorAnalysis(evaluator, "ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter");
    expect(seasonal.in_line).toBeNull();
    expect(seasonal.years_used).toEqual([]);
    expect(seasonal.reason).toEqual(expect.any(String));
  });

  it("judges the quarter against the seasonal pattern of the three complete earlier years", () => {
    // Contacts received: every quarter of 2016-17 to 2018-19 has 100 contacts, except each Q2 with 120.
    // Annual mean 105; index(Q1) = 100/105, index(Q2) = 120/105. Q1 2019-20 has 100 contacts, so the
    // expected Q2 is 100 × 120/100 = 120. Q2 2019-20 has 101: Byar 95% limits for 101 are about
    // [82.3, 122.7], which hold 120, so the rise is in line with the pattern.
    const contacts: ContactRecord[] = [];
    let n = 0;
    const add = (date: string, count: number) => {
      for (let i = 0; i < count; i++) {
        n += 1;
        contacts.push({
          contact_id: `s${n}`,
          child_id: `s${n}`,
          contact_date: date,
          source: "8",
          decision_date: null,
          level_of_need: null,
          team: null,
        });
      }
    };
    for (const fy of [2016, 2017, 2018]) {
      add(`${fy}-05-01`, 100);
      add(`${fy}-08-01`, 120);
      add(`${fy}-11-01`, 100);
      add(`${fy + 1}-02-01`, 100);
    }
    add("2019-05-01", 100);
    add("2019-08-01", 101);
    const seasonalEvaluator = createEvaluator(
      catalogue,
      { contacts },
      { coverage: covering("2016-04-01", "2019-09-30", ["contacts"]) },
    );
    const { seasonal } = indicatorAnalysis(seasonalEvaluator, "ffd.contacts", "FY2019-20-Q2", "quarter");
    expect(seasonal.years_used).toEqual(["FY2016-17", "FY2017-18", "FY2018-19"]);
    expect(seasonal.expected).toBeCloseTo(120, 6);
    expect(seasonal.in_line).toBe(true);
    expect(seasonal.departure).toBeCloseTo(-19, 6);
  });
});
