import { describe, expect, it } from "vitest";
import { lookedAfterAged18 } from "./looked-after-aged-18.js";
import { child, episode } from "./records.fixture.js";

describe("lookedAfterAged18", () => {
  const children = [child("C1", "2001-09-30"), child("C2", "2001-10-01"), child("C3", null)];

  it("flags an episode open on the 18th birthday or later", () => {
    const findings = lookedAfterAged18(
      { children, cla_episodes: [episode("E1", "C1", "2015-01-01", null)] },
      { asAt: "2019-09-30" },
    );
    expect(findings.map((f) => [f.check, f.severity, f.keys])).toEqual([
      ["looked_after_aged_18", "error", ["E1"]],
    ]);
  });

  it("does not flag a 17-year-old, an episode closed by asAt, or a child without a date of birth", () => {
    const list = [
      episode("E2", "C2", "2015-01-01", null), // 17 until 2019-10-01
      episode("E1", "C1", "2015-01-01", "2019-09-30"), // ended that day: not open at its end
      episode("E3", "C3", "2015-01-01", null),
    ];
    expect(lookedAfterAged18({ children, cla_episodes: list }, { asAt: "2019-09-30" })).toEqual([]);
  });
});
