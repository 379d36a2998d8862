import { describe, expect, it } from "vitest";
import { authoritySchema } from "./authority.js";
import { englandAuthorities } from "./england-authorities.js";
import { findAuthority } from "./find-authority.js";

describe("England's authorities", () => {
  it("holds each authority once, valid, with one of England's nine regions", () => {
    for (const a of englandAuthorities) authoritySchema.parse(a);
    expect(new Set(englandAuthorities.map((a) => a.oldCode)).size).toBe(englandAuthorities.length);
    expect(new Set(englandAuthorities.map((a) => a.newCode)).size).toBe(englandAuthorities.length);
    expect(new Set(englandAuthorities.map((a) => a.regionName)).size).toBe(9);
    // 153 authorities in the 2025 collections (b1_children_in_need_2013_to_2025.csv).
    expect(englandAuthorities.filter((a) => a.lastYear === 2025).length).toBeGreaterThanOrEqual(153);
  });

  it("finds an authority by either code", () => {
    // b1_children_in_need_2013_to_2025.csv: 2025,…,E12000005,West Midlands,885,E10000034,Worcestershire,…
    expect(findAuthority("885")).toMatchObject({
      oldCode: "885",
      newCode: "E10000034",
      name: "Worcestershire",
      regionCode: "E12000005",
      regionName: "West Midlands",
    });
    expect(findAuthority("e10000034")?.oldCode).toBe("885");
    expect(findAuthority(" 885 ")?.name).toBe("Worcestershire");
    expect(findAuthority("999")).toBeNull();
    expect(findAuthority("")).toBeNull();
  });

  it("places London's boroughs in London, though some files name Inner or Outer London", () => {
    // cla_number_and_rate_per_10k_children.csv places Camden (202) in E13000001 Inner London.
    expect(findAuthority("202")).toMatchObject({
      name: "Camden",
      regionCode: "E12000007",
      regionName: "London",
    });
  });
});
