import { describe, expect, it } from "vitest";
import { episode } from "./records.fixture.js";
import { x1WithoutSuccessor } from "./x1-without-successor.js";

const asAt = { asAt: "2019-09-30" };

describe("x1WithoutSuccessor", () => {
  it("flags an X1 ending with no episode of the child starting that day", () => {
    const list = [
      episode("E1", "C1", "2019-04-01", "2019-06-30", { reason_ceased: "X1" }),
      episode("E2", "C1", "2019-07-01", null),
      episode("E3", "C2", "2019-06-30", null),
    ];
    const findings = x1WithoutSuccessor({ cla_episodes: list }, asAt);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ check: "x1_without_successor", severity: "error", keys: ["E1"] });
    expect(findings[0]?.message).toContain("ends 2019-06-30 with reason X1");
  });

  it("accepts an X1 ending followed the same day, and other endings with no successor", () => {
    const list = [
      episode("E1", "C1", "2019-04-01", "2019-06-30", { reason_ceased: "X1" }),
      episode("E2", "C1", "2019-06-30", "2019-08-31", { reason_ceased: "E4A" }),
    ];
    expect(x1WithoutSuccessor({ cla_episodes: list }, asAt)).toEqual([]);
  });

  it("does not count a same-day episode as its own successor", () => {
    const list = [episode("E1", "C1", "2019-06-30", "2019-06-30", { reason_ceased: "X1" })];
    expect(x1WithoutSuccessor({ cla_episodes: list }, asAt).map((f) => f.keys)).toEqual([["E1"]]);
  });
});
