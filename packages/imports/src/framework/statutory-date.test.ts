import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { statutoryDate } from "./row-reader.js";

describe("statutoryDate", () => {
  it("reads 903 DD/MM/YYYY and ISO dates", () => {
    expect(statutoryDate("01/04/2019")).toEqual({ ok: true, value: "2019-04-01" });
    expect(statutoryDate(" 9/3/2020 ")).toEqual({ ok: true, value: "2020-03-09" });
    expect(statutoryDate("2019-09-30")).toEqual({ ok: true, value: "2019-09-30" });
    expect(statutoryDate("29/02/2020")).toEqual({ ok: true, value: "2020-02-29" });
  });

  it("gives null for an empty cell", () => {
    expect(statutoryDate("")).toEqual({ ok: true, value: null });
    expect(statutoryDate(undefined)).toEqual({ ok: true, value: null });
  });

  it("fails on impossible or foreign dates", () => {
    for (const t of ["31/02/2019", "29/02/2019", "2019/04/01", "04-01-2019", "1st April", "13/13/2019"])
      expect(statutoryDate(t)).toEqual({ ok: false });
  });

  it("reads back every real date written as DD/MM/YYYY", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1990-01-01"), max: new Date("2040-12-31"), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, day] = iso.split("-");
          return (
            statutoryDate(`${day}/${m}/${y}`).ok &&
            (statutoryDate(`${day}/${m}/${y}`) as { value: string }).value === iso
          );
        },
      ),
    );
  });
});
