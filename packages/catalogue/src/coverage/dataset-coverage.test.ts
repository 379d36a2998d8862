import { describe, expect, it } from "vitest";
import { covering } from "../indicators/test-records.js";
import { coverageByDataset, latestCoveredQuarter, uncoveredNote } from "./dataset-coverage.js";

describe("latestCoveredQuarter", () => {
  it("is the latest quarter wholly inside one dataset's coverage", () => {
    const c = coverageByDataset([
      ...covering("2017-04-01", "2018-04-01", ["cla_episodes"]),
      ...covering("2018-01-15", "2018-09-29", ["contacts"]),
    ]);
    // Care episodes hold Q4 2017-18 whole; contacts hold Q1 2018-19 whole but miss 30 Sep 2018.
    expect(latestCoveredQuarter(c)).toBe("FY2018-19-Q1");
    expect(latestCoveredQuarter(coverageByDataset(covering("2019-09-30", "2019-09-30", ["workforce"])))).toBeNull();
    expect(latestCoveredQuarter(coverageByDataset([]))).toBeNull();
  });
});

describe("uncoveredNote", () => {
  it("names the dataset and every span it is loaded for", () => {
    const c = coverageByDataset([
      ...covering("2016-04-01", "2017-03-31", ["referrals"]),
      ...covering("2018-04-01", "2019-03-31", ["referrals"]),
    ]).get("referrals");
    if (c === undefined) throw new Error("referrals are dated");
    expect(uncoveredNote({ dataset: "referrals", days: "window" }, c, { from: "2017-04-01", to: "2017-06-30" })).toBe(
      "No value: referrals are loaded for 1 Apr 2016 – 31 Mar 2017 and 1 Apr 2018 – 31 Mar 2019.",
    );
  });
});
