import { describe, expect, it } from "vitest";
import { codeStanding, codesOfYear } from "./ssda903-codes.js";

describe("the 903 code lists per collection year", () => {
  it("follow DfE's changes: F3/P3 until 2017-18, F4–P5 from 2018-19", () => {
    expect(codesOfYear("ACTIV", 2018)).toEqual(["F1", "P1", "F2", "P2", "G4", "G5", "G6", "0", "F3", "P3"]);
    expect(codesOfYear("ACTIV", 2019)).toEqual([
      "F1",
      "P1",
      "F2",
      "P2",
      "G4",
      "G5",
      "G6",
      "0",
      "F4",
      "P4",
      "F5",
      "P5",
    ]);
  });

  it("place K3 from 2024-25 and Z11–Z14 instead of Z1, H5 and P2 from 2025-26", () => {
    expect(codeStanding("PLACE", "K3", 2024)).toEqual({ kind: "other_years", years: "from 2024-25" });
    expect(codeStanding("PLACE", "K3", 2025)).toEqual({ kind: "valid" });
    expect(codeStanding("PLACE", "Z1", 2025)).toEqual({ kind: "valid" });
    expect(codeStanding("PLACE", "Z1", 2026)).toEqual({ kind: "other_years", years: "until 2024-25" });
    expect(codeStanding("PLACE", "z12", 2026)).toEqual({ kind: "valid" });
  });

  it("write SEX as 1/2 until 2023-24 and M/F/U from 2024-25", () => {
    expect(codesOfYear("SEX", 2024)).toEqual(["1", "2"]);
    expect(codesOfYear("SEX", 2025)).toEqual(["M", "F", "U"]);
  });

  it("name a code no year has as unknown", () => {
    expect(codeStanding("REC", "E99", 2020)).toEqual({ kind: "unknown" });
  });
});
