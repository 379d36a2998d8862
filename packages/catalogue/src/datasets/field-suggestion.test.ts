import { describe, expect, it } from "vitest";
import { suggestField } from "./field-suggestion.js";

const cp = [
  "plan_id",
  "child_id",
  "start_date",
  "end_date",
  "initial_category",
  "latest_category",
  "previous_plans",
];

describe("suggestField", () => {
  it.each([
    ["stat_date", "start_date"], // a letter missing
    ["yaer", null], // not a cp_plans field at all
    ["Start_Date", "start_date"], // case ignored
    ["enddate", "end_date"], // separator missing
    ["childid", "child_id"],
    ["initial", "initial_category"], // a prefix
    ["colour", null],
    ["id", null],
  ])("suggests for %s: %s", (name, expected) => {
    expect(suggestField(name, cp)).toBe(expected);
  });

  it("counts swapped neighbouring letters as one edit", () => {
    expect(suggestField("yaer", ["year", "age_band", "count"])).toBe("year");
  });
});
