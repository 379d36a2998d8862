import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { oc3Date } from "./oc3-date.js";

describe("oc3Date", () => {
  it("is the birthday inside the return year (1 April to 31 March)", () => {
    expect(oc3Date("2001-06-14", 2020)).toBe("2019-06-14");
    expect(oc3Date("2001-04-01", 2020)).toBe("2019-04-01");
    expect(oc3Date("2001-03-31", 2020)).toBe("2020-03-31");
    expect(oc3Date("2001-01-01", 2020)).toBe("2020-01-01");
  });

  it("puts a 29 February birthday on 1 March when the year has no 29 February", () => {
    expect(oc3Date("2000-02-29", 2019)).toBe("2019-03-01");
    expect(oc3Date("2000-02-29", 2020)).toBe("2020-02-29");
  });

  it("always falls inside the return year", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1995-01-01"), max: new Date("2010-12-31"), noInvalidDate: true }),
        fc.integer({ min: 2010, max: 2035 }),
        (dob, year) => {
          const d = oc3Date(dob.toISOString().slice(0, 10), year);
          return d >= `${year - 1}-04-01` && d <= `${year}-03-31`;
        },
      ),
    );
  });
});
