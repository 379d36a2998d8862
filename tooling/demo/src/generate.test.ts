import { createHash } from "node:crypto";
import {
  type DatasetName,
  type DatasetRecords,
  datasetNames,
  recordKey,
  validateRecords,
} from "@kpi/catalogue";
import { beforeAll, describe, expect, it } from "vitest";
import { generateDemoAuthority } from "./generate.js";

const LONG = 120_000;
const hash = (data: DatasetRecords): string =>
  createHash("sha256").update(JSON.stringify(data)).digest("hex");
const total = (data: DatasetRecords): number => datasetNames.reduce((n, d) => n + data[d].length, 0);

let demo: DatasetRecords;
beforeAll(() => {
  demo = generateDemoAuthority();
}, LONG);

/**
 * Datasets the demonstration does not generate: those only a statutory import fills (the 903; the CIN
 * census's review dates and pre-proceedings), and early help, which Annex A and local extracts give
 * (decision 197) and the demonstration's story does not tell.
 */
const RETURN_ONLY: readonly DatasetName[] = [
  "cla_reviews",
  "cla_outcomes",
  "uasc",
  "adoption_decisions",
  "adoptions",
  "previous_permanence",
  "social_worker_episodes",
  "cp_reviews",
  "pre_proceedings",
  "early_help",
];

describe("generateDemoAuthority", () => {
  it(
    "is deterministic: the same options give identical data, another seed different data",
    () => {
      expect(hash(generateDemoAuthority())).toBe(hash(demo));
      expect(hash(generateDemoAuthority({ seed: 1 }))).not.toBe(hash(demo));
    },
    LONG,
  );

  it("leaves empty the datasets only a statutory return or an extract it lacks fills (its case system has no such tables)", () => {
    expect(RETURN_ONLY.map((d) => demo[d].length)).toEqual(RETURN_ONLY.map(() => 0));
  });

  it.each(datasetNames.filter((d) => !RETURN_ONLY.includes(d)))(
    "populates %s with records that pass the validator",
    (dataset: DatasetName) => {
      const rows = demo[dataset];
      expect(rows.length).toBeGreaterThan(0);
      const result = validateRecords(dataset, rows as unknown as Record<string, unknown>[], {
        format: "json",
      });
      expect(result.ok ? [] : result.issues.slice(0, 5)).toEqual([]);
    },
    LONG,
  );

  it.each(datasetNames)("gives every %s record a unique key", (dataset: DatasetName) => {
    const keys = new Set(demo[dataset].map((r) => recordKey(dataset, r as never)));
    expect(keys.size).toBe(demo[dataset].length);
  });

  it("uses fake identifiers shaped like a case system's", () => {
    expect(demo.children[0]?.child_id).toBe("CH000001");
    expect(demo.contacts.every((c) => /^CT\d{7}$/.test(c.contact_id))).toBe(true);
    const known = new Set(demo.children.map((c) => c.child_id));
    expect(demo.cla_episodes.every((e) => known.has(e.child_id))).toBe(true);
  });

  it("describes a mid-sized authority over April 2016 to September 2019", () => {
    expect(demo.populations.map((p) => p.year)).toEqual([2016, 2017, 2018, 2019]);
    for (const p of demo.populations) expect(p.count).toBeGreaterThan(115_000);
    for (const p of demo.populations) expect(p.count).toBeLessThan(125_000);
    const dates = demo.contacts.map((c) => c.contact_date).sort();
    expect(dates[0]).toBe("2016-04-01");
    expect(dates[dates.length - 1]).toBe("2019-09-30");
    expect(demo.children.some((c) => c.date_of_birth === null)).toBe(true);
    expect(demo.contacts.some((c) => c.decision_date === null)).toBe(true);
    expect(demo.cla_episodes.some((e) => e.legal_status === "V3")).toBe(true);
    expect(demo.cla_episodes.some((e) => e.reason_new_episode === "L")).toBe(true);
    expect(demo.cla_episodes.some((e) => e.reason_new_episode === "P")).toBe(true);
  });

  it("publishes the statistical neighbours' care leavers EET for 2017-18 as 53.7 with ten members", () => {
    const rows = demo.benchmarks.filter(
      (b) =>
        b.indicator_id === "leavers.eet_18_21_pct" &&
        b.comparator === "statistical_neighbours" &&
        b.period === "FY2017-18",
    );
    expect(rows.find((b) => b.member === null)?.value).toBe(53.7);
    const members = rows.filter((b) => b.member !== null);
    expect(members).toHaveLength(10);
    const mean = members.reduce((s, b) => s + (b.value ?? Number.NaN), 0) / members.length;
    expect(mean).toBeCloseTo(53.7, 1);
  });

  it(
    "doubles the volumes at scale 2",
    () => {
      const double = generateDemoAuthority({ scale: 2 });
      const ratio = total(double) / total(demo);
      expect(ratio).toBeGreaterThan(1.85);
      expect(ratio).toBeLessThan(2.15);
      const contacts = double.contacts.length / demo.contacts.length;
      expect(contacts).toBeGreaterThan(1.95);
      expect(contacts).toBeLessThan(2.05);
    },
    LONG,
  );

  it("rejects a scale that is not a positive number and a seed that is not an integer", () => {
    expect(() => generateDemoAuthority({ scale: 0 })).toThrow(/scale/);
    expect(() => generateDemoAuthority({ seed: 1.5 })).toThrow(/seed/);
  });
});
