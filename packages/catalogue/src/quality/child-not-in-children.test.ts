import { describe, expect, it } from "vitest";
import { childNotInChildren } from "./child-not-in-children.js";
import { careLeaver, child, contact, cpPlan } from "./records.fixture.js";

const asAt = { asAt: "2019-09-30" };

describe("childNotInChildren", () => {
  it("lists, per dataset, the records whose child was never posted", () => {
    const findings = childNotInChildren(
      {
        children: [child("C1")],
        contacts: [contact("K1", "C1"), contact("K2", "C2"), contact("K3", "C2"), contact("K4", "C3")],
        care_leavers: [careLeaver("C7")],
        cp_plans: [cpPlan("P1", "C1", "2019-01-01", null)],
      },
      asAt,
    );
    expect(findings.map((f) => [f.dataset, f.keys, f.severity])).toEqual([
      ["contacts", ["K2", "K3", "K4"], "warning"],
      ["care_leavers", ["C7|2019-09-30"], "warning"],
    ]);
    expect(findings[0]?.message).toMatch(
      /^3 contacts records refer to 2 children with no record in children/,
    );
    expect(findings[1]?.message).toMatch(/^1 care_leavers record refer to 1 child with no record/);
  });

  it("finds nothing when every child is known", () => {
    expect(childNotInChildren({ children: [child("C1")], contacts: [contact("K1", "C1")] }, asAt)).toEqual(
      [],
    );
  });

  it("does not run when children were not given at all", () => {
    expect(childNotInChildren({ contacts: [contact("K1", "C1")] }, asAt)).toEqual([]);
  });
});
