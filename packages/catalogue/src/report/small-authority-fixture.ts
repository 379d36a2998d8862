import type { CoverageSource } from "../coverage/coverage-source.js";
import {
  type BenchmarkRecord,
  benchmarkSchema,
  type CinPlanRecord,
  type ContactRecord,
  type DatasetRecords,
} from "../datasets/schemas.js";
import { covering } from "../indicators/test-records.js";

/**
 * A small hand-made authority for the report tests (not the demo). Every contact is decided on the day
 * it is made, each by a different child.
 *
 * | quarter    | decided | level 4 | level 3 | level 2 | level 1 | undecided |
 * | ---------- | ------- | ------- | ------- | ------- | ------- | --------- |
 * | Q2 2018-19 | 100     | 20      | 60      | 20      |         |           |
 * | Q3 2018-19 | 100     | 25      |         | 75      |         |           |
 * | Q4 2018-19 | 100     | 30      |         | 70      |         |           |
 * | Q1 2019-20 | 100     | 40      | 30      |         | 30      |           |
 * | Q2 2019-20 | 100     | 45      | 5       | 50      |         | 1         |
 *
 * In Q2 2019-20 schools (`2A`) made 30 of the level-4 contacts, all 5 level-3 ones and the undecided
 * one; the police (`6`) the other 15 level-4 and all 50 level-2 contacts. Earlier contacts are `8`.
 *
 * CIN plans: open at 30 Sep 2018: 1; at 31 Mar 2019: 3; at 30 Jun 2019: 2; at 30 Sep 2019: 5.
 *
 * @returns the records (contacts and CIN plans)
 * @example
 * ```ts
 * createEvaluator(catalogue, smallAuthority(), { coverage: smallAuthorityCoverage() })
 *   .evaluate("ffd.contacts_swa_pct", "FY2019-20-Q2", "quarter").estimate.value; // 45
 * ```
 */
export function smallAuthority(): Partial<DatasetRecords> {
  const contacts: ContactRecord[] = [];
  let n = 0;
  const add = (date: string, count: number, level: number | null, source: ContactRecord["source"]) => {
    for (let i = 0; i < count; i++) {
      n += 1;
      contacts.push({
        contact_id: `k${n}`,
        child_id: `c${n}`,
        contact_date: date,
        source,
        decision_date: level === null ? null : date,
        level_of_need: level,
        team: null,
      });
    }
  };
  add("2018-08-01", 20, 4, "8");
  add("2018-08-01", 60, 3, "8");
  add("2018-08-01", 20, 2, "8");
  add("2018-11-01", 25, 4, "8");
  add("2018-11-01", 75, 2, "8");
  add("2019-02-01", 30, 4, "8");
  add("2019-02-01", 70, 2, "8");
  add("2019-05-01", 40, 4, "8");
  add("2019-05-01", 30, 3, "8");
  add("2019-05-01", 30, 1, "8");
  add("2019-08-01", 30, 4, "2A");
  add("2019-08-01", 15, 4, "6");
  add("2019-08-01", 5, 3, "2A");
  add("2019-08-01", 50, 2, "6");
  add("2019-08-01", 1, null, "2A");

  const plan = (
    id: string,
    start: string,
    end: string | null,
    endReason: CinPlanRecord["end_reason"],
  ): CinPlanRecord => ({
    plan_id: id,
    child_id: `cin-${id}`,
    start_date: start,
    end_date: end,
    end_reason: endReason,
  });
  const cinPlans: CinPlanRecord[] = [
    plan("p0", "2018-06-01", "2018-12-31", "stepped_up_cp"),
    plan("p1", "2019-01-10", null, null),
    plan("p2", "2019-01-10", null, null),
    plan("p3", "2018-12-01", "2019-06-15", "no_longer_in_need"),
    plan("p4", "2019-01-01", "2019-03-31", "no_longer_in_need"),
    plan("p5", "2019-07-01", null, null),
    plan("p6", "2019-07-01", null, null),
    plan("p7", "2019-07-01", null, null),
  ];
  return { contacts, cin_plans: cinPlans };
}

/**
 * What the small authority's records cover: contacts and CIN plans are complete from 1 Apr 2018 (Q1
 * 2018-19, which had none) to 30 Sep 2019 (Q2 2019-20).
 *
 * @returns one declared source per dataset
 * @example
 * ```ts
 * smallAuthorityCoverage().map((s) => s.dataset); // ["contacts", "cin_plans"]
 * ```
 */
export function smallAuthorityCoverage(): CoverageSource[] {
  return covering("2018-04-01", "2019-09-30", ["contacts", "cin_plans"]);
}

/**
 * Benchmarks for `ffd.contacts_swa_pct`: statistical neighbours 30 (2017-18), 50 (2018-19, with 5
 * members from 80 to 99) and 99 (2020-21); England 60 (2016-17).
 *
 * @returns the benchmark records
 * @example
 * ```ts
 * smallAuthorityBenchmarks().length; // 9
 * ```
 */
export function smallAuthorityBenchmarks(): BenchmarkRecord[] {
  const row = (comparator: string, period: string, value: number, member: string | null = null) =>
    benchmarkSchema.parse({ indicator_id: "ffd.contacts_swa_pct", comparator, period, member, value });
  return [
    row("statistical_neighbours", "FY2017-18", 30),
    row("statistical_neighbours", "FY2018-19", 50),
    row("statistical_neighbours", "FY2020-21", 99),
    ...[80, 85, 90, 95, 99].map((v, i) => row("statistical_neighbours", "FY2018-19", v, `LA${i + 1}`)),
    row("england", "FY2016-17", 60),
  ];
}
