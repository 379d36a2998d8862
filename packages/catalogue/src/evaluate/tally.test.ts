import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTally, groupKeyOf } from "./tally.js";

describe("createTally", () => {
  it("groups by the breakdown field, with a null group for records without it", () => {
    const t = createTally("team");
    t.add({ team: "North" }, 1);
    t.add({ team: "North" }, 0);
    t.add({ team: null }, 1);
    t.add({}, 0);
    expect(t.total).toEqual({ numerator: 2, denominator: 4, units: 4 });
    expect(t.groups?.get("North")).toEqual({ numerator: 1, denominator: 2, units: 2 });
    expect(t.groups?.get(null)).toEqual({ numerator: 1, denominator: 2, units: 2 });
  });

  it("keeps weighted sums (FTE shares)", () => {
    const t = createTally(null);
    t.add({}, 0.5, 0.5);
    t.add({}, 0, 1);
    expect(t.total).toEqual({ numerator: 0.5, denominator: 1.5, units: 2 });
  });

  it("groups always add up to the total", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ k: fc.constantFrom("a", "b", null), hit: fc.boolean() }), { maxLength: 40 }),
        (rows) => {
          const t = createTally("k");
          for (const r of rows) t.add(r, r.hit ? 1 : 0);
          let n = 0;
          let d = 0;
          for (const c of t.groups?.values() ?? []) {
            n += c.numerator;
            d += c.denominator;
          }
          expect([n, d]).toEqual([t.total.numerator, t.total.denominator]);
        },
      ),
    );
  });

  it("reads numbers as text keys", () => {
    expect(groupKeyOf({ level_of_need: 4 }, "level_of_need")).toBe("4");
  });
});
