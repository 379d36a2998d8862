import { describe, expect, it } from "vitest";
import { overlappingCareEpisodes } from "./overlapping-care-episodes.js";
import { episode } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("overlappingCareEpisodes", () => {
  it("finds two episodes of one child running at the same time", () => {
    const findings = overlappingCareEpisodes(
      {
        cla_episodes: [
          episode("E2", "C1", "2019-05-01", null),
          episode("E1", "C1", "2019-04-01", "2019-06-30"),
        ],
      },
      asAt,
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: "overlapping_care_episodes",
      severity: "error",
      dataset: "cla_episodes",
      keys: ["E1", "E2"],
    });
    expect(findings[0]?.message).toContain(
      "one starts 2019-05-01 while another (from 2019-04-01) is open until 2019-06-30",
    );
  });

  it("finds an episode starting inside an earlier open one", () => {
    const list = [episode("E1", "C1", "2019-04-01", null), episode("E2", "C1", "2019-08-01", null)];
    expect(overlappingCareEpisodes({ cla_episodes: list }, asAt).map((f) => f.keys)).toEqual([["E1", "E2"]]);
  });

  it("does not flag a chain (end on D, next starts on D), other children, or short breaks", () => {
    const list = [
      episode("E1", "C1", "2019-04-01", "2019-06-30", { reason_ceased: "X1" }),
      episode("E2", "C1", "2019-06-30", null, { reason_new_episode: "P" }),
      episode("E3", "C2", "2019-05-01", null),
      episode("E4", "C1", "2019-07-01", "2019-07-03", { legal_status: "V3" }),
      episode("E5", "C1", "2019-08-01", "2019-08-02", { legal_status: "V4" }),
    ];
    expect(overlappingCareEpisodes({ cla_episodes: list }, asAt)).toEqual([]);
  });

  it("finds nothing without care episodes", () => {
    expect(overlappingCareEpisodes({}, asAt)).toEqual([]);
  });
});
