import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ContactRecord } from "../datasets/schemas.js";
import { contact, missing } from "../indicators/test-records.js";
import { createEvaluator } from "./evaluator.js";

const day = fc.integer({ min: 0, max: 364 }).map((n) => {
  const d = new Date(Date.UTC(2019, 3, 1 + n));
  return d.toISOString().slice(0, 10);
});

const contactArb = fc
  .record({
    child: fc.constantFrom("A", "B", "C", "D"),
    date: day,
    level: fc.option(fc.integer({ min: 1, max: 4 })),
  })
  .map(
    ({ child, date, level }): ContactRecord => contact(child, date, level === null ? null : { date, level }),
  );

describe("formula shapes: invariants over any contacts", () => {
  it("levels 4, 3 and 2/1 split the decided contacts exactly", () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 60 }), (contacts) => {
        const ev = createEvaluator({ contacts });
        const n = (id: string) => ev.evaluate(id, "FY2019-20-Q4", "ytd").estimate;
        const swa = n("ffd.contacts_swa_pct");
        const low = n("ffd.contacts_level_2_1_pct");
        const high = n("ffd.contacts_level_4_3_pct");
        const decided = contacts.filter((c) => c.level_of_need !== null).length;
        expect(swa.denominator ?? 0).toBe(decided);
        expect((high.numerator ?? 0) + (low.numerator ?? 0)).toBe(decided);
        expect(swa.numerator ?? 0).toBeLessThanOrEqual(high.numerator ?? 0);
      }),
      { numRuns: 40 },
    );
  });

  it("counts events additively over quarters, but distinct children only over the window itself", () => {
    const missingArb = fc
      .record({ child: fc.constantFrom("A", "B", "C"), date: day })
      .map(({ child, date }) => missing(child, date, "missing", "care"));
    fc.assert(
      fc.property(fc.array(missingArb, { minLength: 1, maxLength: 40 }), (episodes) => {
        const ev = createEvaluator({ missing_episodes: episodes });
        const quarters = ["FY2019-20-Q1", "FY2019-20-Q2", "FY2019-20-Q3", "FY2019-20-Q4"];
        const q = (id: string, p: string) => ev.evaluate(id, p, "quarter").estimate.value ?? 0;
        const year = (id: string) => ev.evaluate(id, "FY2019-20-Q4", "ytd").estimate.value ?? 0;
        const incidents = quarters.reduce((s, p) => s + q("missing.care_incidents", p), 0);
        const children = quarters.reduce((s, p) => s + q("missing.care_children", p), 0);
        expect(year("missing.care_incidents")).toBe(incidents);
        expect(year("missing.care_children")).toBe(new Set(episodes.map((e) => e.child_id)).size);
        expect(year("missing.care_children")).toBeLessThanOrEqual(children);
      }),
      { numRuns: 40 },
    );
  });
});
