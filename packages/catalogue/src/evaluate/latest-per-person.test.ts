import { describe, expect, it } from "vitest";
import { createDatedIndex } from "./dated-index.js";
import { latestPerPerson } from "./latest-per-person.js";
import { populationForFinancialYear } from "./population.js";

describe("latestPerPerson", () => {
  const rows = [
    { id: "A", as_at: "2018-09-30", v: 1 }, // exactly 12 months before D: outside (the span is open there)
    { id: "A", as_at: "2019-03-31", v: 2 },
    { id: "A", as_at: "2019-09-30", v: 3 }, // on D: inside, and the latest
    { id: "B", as_at: "2018-09-30", v: 4 }, // only a record on the excluded day
    { id: "C", as_at: "2018-10-01", v: 5 },
    { id: "D", as_at: "2019-10-01", v: 6 }, // after D
  ];
  const index = createDatedIndex(rows, (r) => r.as_at);

  it("keeps one record per person, the latest in (D − 12 months, D]", () => {
    const got = latestPerPerson(index, (r) => r.id, "2019-09-30", 12)
      .map((r) => `${r.id}${r.v}`)
      .sort();
    expect(got).toEqual(["A3", "C5"]);
  });

  it("uses a shorter span when asked (workforce: 3 months)", () => {
    const got = latestPerPerson(index, (r) => r.id, "2019-09-30", 3).map((r) => `${r.id}${r.v}`);
    expect(got).toEqual(["A3"]);
  });
});

describe("populationForFinancialYear", () => {
  const rows = [
    { year: 2017, age_band: "0-17", count: 100 },
    { year: 2019, age_band: "0-17", count: 120 },
    { year: 2019, age_band: "0-4", count: 30 },
  ];
  it("uses the mid-year estimate of the year the financial year starts in", () => {
    expect(populationForFinancialYear(rows, 2019)).toEqual({ year: 2019, count: 120 });
  });
  it("falls back to the latest earlier estimate, never a later one", () => {
    expect(populationForFinancialYear(rows, 2018)).toEqual({ year: 2017, count: 100 });
    expect(populationForFinancialYear(rows, 2016)).toBeNull();
  });
});
