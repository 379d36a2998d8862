import { describe, expect, it } from "vitest";
import type { ClaEpisodeRecord } from "../datasets/schemas.js";
import { buildPeriodsOfCare, isShortBreak } from "./periods-of-care.js";
import { currentPlacementStart, placementsInYearTo } from "./placements.js";

function ep(
  id: string,
  child: string,
  start: string,
  end: string | null,
  rne: string,
  ls: string,
  rec: string | null,
): ClaEpisodeRecord {
  return {
    episode_id: id,
    child_id: child,
    start_date: start,
    end_date: end,
    reason_new_episode: rne,
    legal_status: ls,
    category_of_need: null,
    placement_type: "U1",
    placement_provider: "PR1",
    reason_ceased: rec,
    weekly_cost: null,
    team: null,
    reason_place_change: null,
    urn: null,
  } as ClaEpisodeRecord;
}

describe("buildPeriodsOfCare", () => {
  it("chains X1 episodes and takes the legal status at leaving from the last one", () => {
    const periods = buildPeriodsOfCare([
      ep("3", "A", "2019-02-01", "2019-08-20", "L", "C2", "E45"),
      ep("1", "A", "2018-05-01", "2018-09-01", "S", "V2", "X1"),
      ep("2", "A", "2018-09-01", "2019-02-01", "L", "C1", "X1"),
    ]);
    expect(periods.all).toHaveLength(1);
    const p = periods.all[0];
    expect(p?.start).toBe("2018-05-01");
    expect(p?.end).toBe("2019-08-20");
    expect(p?.last.legal_status).toBe("C2");
    expect(p?.left).toBe(true);
    expect(p?.episodes.map((e) => e.episode_id)).toEqual(["1", "2", "3"]);
  });

  it("starts a new period after a leaving, and after a gap", () => {
    const periods = buildPeriodsOfCare([
      ep("1", "B", "2019-04-10", "2019-05-01", "S", "V2", "E8"),
      ep("2", "B", "2019-06-01", "2019-07-01", "S", "V2", "E13"),
      ep("3", "B", "2019-08-01", null, "S", "C1", null),
    ]);
    const list = periods.byChild.get("B") ?? [];
    expect(list.map((p) => [p.start, p.end, p.left])).toEqual([
      ["2019-04-10", "2019-05-01", true],
      ["2019-06-01", "2019-07-01", true],
      ["2019-08-01", null, false],
    ]);
  });

  it("ignores short breaks entirely: they neither start, continue nor end a period", () => {
    const shortBreak = ep("sb", "C", "2019-05-01", "2019-05-03", "S", "V3", "E8");
    const periods = buildPeriodsOfCare([shortBreak, ep("1", "C", "2019-05-03", null, "S", "C2", null)]);
    expect(periods.all).toHaveLength(1);
    expect(periods.all[0]?.start).toBe("2019-05-03");
    expect(periods.periodOf(shortBreak)).toBeUndefined();
    expect(isShortBreak({ legal_status: "V4" })).toBe(true);
  });

  it("ends a period at an X1 with no episode starting that day, without counting it as leaving", () => {
    const periods = buildPeriodsOfCare([
      ep("1", "D", "2019-01-01", "2019-03-01", "S", "C1", "X1"),
      ep("2", "D", "2019-03-05", null, "P", "C1", null),
    ]);
    const list = periods.byChild.get("D") ?? [];
    expect(list).toHaveLength(2);
    expect(list[0]?.brokenChain).toBe(true);
    expect(list[0]?.left).toBe(false);
  });
});

describe("placements", () => {
  const episodes = [
    ep("1", "E", "2018-06-01", "2018-11-01", "S", "C1", "X1"), // open on 30 Sep 2018: placement 1
    ep("2", "E", "2018-11-01", "2019-01-15", "P", "C1", "X1"), // placement 2
    ep("3", "E", "2019-01-15", "2019-04-01", "L", "C2", "X1"), // legal change only
    ep("4", "E", "2019-04-01", null, "T", "C2", null), // placement 3
  ];

  it("counts the placement open at the span's start and each new placement in the span", () => {
    expect(placementsInYearTo(episodes, "2019-09-30")).toBe(3);
    // A year later only the open placement is left (open at 30 Sep 2019).
    expect(placementsInYearTo(episodes, "2020-09-30")).toBe(1);
  });

  it("finds the current placement's start through legal-status changes only", () => {
    expect(currentPlacementStart(episodes, episodes[2] as ClaEpisodeRecord)).toBe("2018-11-01");
    expect(currentPlacementStart(episodes, episodes[3] as ClaEpisodeRecord)).toBe("2019-04-01");
  });
});
