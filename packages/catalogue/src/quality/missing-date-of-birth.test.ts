import { describe, expect, it } from "vitest";
import { missingDateOfBirth } from "./missing-date-of-birth.js";
import { careLeaver, child, contact, episode } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("missingDateOfBirth", () => {
  it("flags children in care or leaving care without a date of birth", () => {
    const findings = missingDateOfBirth(
      {
        children: [child("C1", null), child("C2", null), child("C3", null), child("C4")],
        cla_episodes: [episode("E1", "C1", "2019-04-01", null), episode("E4", "C4", "2019-04-01", null)],
        care_leavers: [careLeaver("C2")],
        contacts: [contact("K1", "C3")],
      },
      asAt,
    );
    expect(findings.map((f) => [f.check, f.severity, f.dataset, f.keys])).toEqual([
      ["missing_date_of_birth", "error", "children", ["C1"]],
      ["missing_date_of_birth", "error", "children", ["C2"]],
    ]);
  });

  it("does not flag a child whose age is not needed", () => {
    expect(
      missingDateOfBirth({ children: [child("C3", null)], contacts: [contact("K1", "C3")] }, asAt),
    ).toEqual([]);
  });
});
