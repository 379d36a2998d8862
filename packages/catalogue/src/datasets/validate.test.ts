import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createBatchValidator } from "./batch-validator.js";
import { type DatasetName, datasetNames } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";
import { validateRecords } from "./validate.js";

const json = { format: "json" } as const;
const csv = { format: "csv" } as const;

function issuesOf(dataset: DatasetName, rows: unknown[], format: "json" | "csv" = "json") {
  const r = validateRecords(dataset, rows, { format });
  if (r.ok) throw new Error("expected the batch to be invalid");
  return r.issues;
}

describe("validateRecords: a valid row of every dataset", () => {
  it.each(datasetNames)("%s in JSON form validates to the normalised record", (dataset) => {
    const r = validateRecords(dataset, [validRows[dataset].json], json);
    expect(r).toEqual({ ok: true, records: [validRows[dataset].record] });
  });

  it.each(datasetNames)("%s in CSV form validates to the same record", (dataset) => {
    const r = validateRecords(dataset, [validRows[dataset].csv], csv);
    expect(r).toEqual({ ok: true, records: [validRows[dataset].record] });
  });

  it("fills every absent optional field with null, never undefined", () => {
    const r = validateRecords(
      "contacts",
      [{ contact_id: "K", child_id: "C", contact_date: "2019-09-02", source: "9" }],
      json,
    );
    expect(r.ok && r.records[0]).toEqual({
      contact_id: "K",
      child_id: "C",
      contact_date: "2019-09-02",
      source: "9",
      decision_date: null,
      level_of_need: null,
      team: null,
    });
  });
});

describe("validateRecords: field problems", () => {
  it("reports an impossible date with the value received", () => {
    expect(issuesOf("children", [{ child_id: "C1", date_of_birth: "2019-02-29", sex: "F" }])).toEqual([
      {
        row: 0,
        field: "date_of_birth",
        message: "date_of_birth: must be a date such as 2019-09-30 (got '2019-02-29')",
      },
    ]);
  });

  it("accepts DD/MM/YYYY in CSV only", () => {
    expect(
      validateRecords("children", [{ child_id: "C1", date_of_birth: "30/09/2010", sex: "M" }], csv).ok,
    ).toBe(true);
    expect(issuesOf("children", [{ child_id: "C1", date_of_birth: "30/09/2010", sex: "M" }])).toEqual([
      {
        row: 0,
        field: "date_of_birth",
        message: "date_of_birth: must be a date such as 2019-09-30 (got '30/09/2010')",
      },
    ]);
  });

  it("rejects 31/02/2019 in CSV with both accepted forms in the message", () => {
    expect(issuesOf("children", [{ child_id: "C1", date_of_birth: "31/02/2019", sex: "F" }], "csv")).toEqual([
      {
        row: 0,
        field: "date_of_birth",
        message: "date_of_birth: must be a date such as 2019-09-30 or 30/09/2019 (got '31/02/2019')",
      },
    ]);
  });

  it.each([
    ["true", true],
    ["FALSE", false],
    ["1", true],
    ["0", false],
    ["Y", true],
    ["n", false],
    ["Yes", true],
    ["no", false],
  ])("reads the CSV boolean %s as %s", (cell, expected) => {
    const r = validateRecords(
      "children",
      [{ child_id: "C1", date_of_birth: "", sex: "U", disabled: cell }],
      csv,
    );
    expect(r.ok && r.records[0]?.disabled).toBe(expected);
  });

  it("rejects a CSV boolean it cannot read, and a JSON boolean given as text", () => {
    expect(issuesOf("children", [{ child_id: "C1", sex: "U", disabled: "maybe" }], "csv")[0]?.message).toBe(
      "disabled: must be true or false (also yes/no, Y/N or 1/0) (got 'maybe')",
    );
    expect(issuesOf("children", [{ child_id: "C1", sex: "U", disabled: "Y" }])[0]?.message).toBe(
      "disabled: must be true or false (got 'Y')",
    );
  });

  it("rejects numbers written as text in JSON but converts them in CSV", () => {
    const row = { year: "2019", age_band: "0-17", count: "41800" };
    expect(issuesOf("populations", [row]).map((i) => i.field)).toEqual(["year", "count"]);
    expect(validateRecords("populations", [row], csv).ok).toBe(true);
  });

  it("rejects a CSV integer with decimals and a number with thousands separators", () => {
    const issues = issuesOf(
      "workforce",
      [{ ...validRows.workforce.csv, caseload: "18.5", fte: "1,0" }],
      "csv",
    );
    expect(issues).toEqual([
      { row: 0, field: "fte", message: "fte: must be a number from 0 to 1.5 (got '1,0')" },
      { row: 0, field: "caseload", message: "caseload: must be a whole number of 0 or more (got '18.5')" },
    ]);
  });

  it("checks ranges: level of need 1–4, fte up to 1.5, counts not negative", () => {
    expect(issuesOf("contacts", [{ ...validRows.contacts.json, level_of_need: 5 }])[0]?.message).toBe(
      "level_of_need: must be a whole number from 1 to 4 (got 5)",
    );
    expect(issuesOf("workforce", [{ ...validRows.workforce.json, fte: 1.6 }])[0]?.field).toBe("fte");
    expect(issuesOf("populations", [{ ...validRows.populations.json, count: -1 }])[0]?.field).toBe("count");
  });

  it("says a missing required field is required", () => {
    const { contact_date: _, ...row } = validRows.contacts.json;
    expect(issuesOf("contacts", [row])).toEqual([
      { row: 0, field: "contact_date", message: "contact_date: is required" },
    ]);
  });

  it("treats an empty CSV cell of a required field as missing", () => {
    expect(issuesOf("referrals", [{ ...validRows.referrals.csv, nfa: "" }], "csv")).toEqual([
      { row: 0, field: "nfa", message: "nfa: is required" },
    ]);
  });

  it("rejects a code given as a JSON number", () => {
    expect(issuesOf("contacts", [{ ...validRows.contacts.json, source: 6 }])[0]?.message).toMatch(
      /^source: must be one of '1A', .*'10', written as text \(got 6\)$/,
    );
  });

  it("rejects a row that is not an object", () => {
    expect(issuesOf("children", [[1, 2]])).toEqual([
      { row: 0, field: null, message: "row: must be an object with the fields of children (got a list)" },
    ]);
  });

  it("rejects an unknown field and suggests the field meant", () => {
    expect(issuesOf("cp_plans", [{ ...validRows.cp_plans.json, stat_date: "2019-09-20" }])).toEqual([
      { row: 0, field: "stat_date", message: "unknown field 'stat_date' — did you mean 'start_date'?" },
    ]);
  });

  it("lists the dataset's fields when nothing is close to an unknown field", () => {
    expect(issuesOf("populations", [{ ...validRows.populations.json, colour: "red" }])[0]?.message).toBe(
      "unknown field 'colour' (the fields of populations are year, age_band, count)",
    );
  });

  it("rejects an unknown CSV column too", () => {
    expect(issuesOf("populations", [{ ...validRows.populations.csv, yaer: "" }], "csv")[0]?.message).toBe(
      "unknown field 'yaer' — did you mean 'year'?",
    );
  });
});

describe("validateRecords: code sets (spot checks)", () => {
  const cases: [DatasetName, string, string, string][] = [
    ["children", "sex", "U", "X"],
    ["contacts", "source", "5D", "5E"],
    ["referrals", "source", "10", "11"],
    ["assessments", "outcome", "EH", "CPP"],
    ["cp_plans", "initial_category", "SAB", "SEX"],
    ["cp_plans", "latest_category", "EMO", "emo"],
    ["cin_plans", "end_reason", "transferred", "moved"],
    ["cla_episodes", "reason_new_episode", "U", "X"],
    ["cla_episodes", "legal_status", "J3", "J4"],
    ["cla_episodes", "category_of_need", "N8", "N9"],
    ["cla_episodes", "placement_type", "K3", "K4"],
    ["cla_episodes", "placement_provider", "PR0", "PR6"],
    ["cla_episodes", "reason_ceased", "E4A", "E4C"],
    ["care_leavers", "in_touch", "RHOM", "HOME"],
    ["care_leavers", "activity", "0", "F9"],
    ["missing_episodes", "kind", "absent", "away"],
    ["missing_episodes", "from", "home", "school"],
    ["missing_episodes", "return_interview", "not_offered", "declined"],
    ["vulnerability_flags", "flag", "radicalisation", "FGM"],
    ["due_activities", "kind", "pathway_plan", "pep"],
    ["workforce", "role", "team_manager", "manager"],
    ["referrals", "primary_need", "N0", "N10"],
    ["referrals", "closure_reason", "RC9", "RC0"],
    ["children", "disabilities", "HAND HEAR", "HAND,HEAR"],
    ["children", "disabilities", "NONE", "hand"],
    ["assessments", "factors", "3A 11A 24A", "3A  11A"],
    ["assessments", "factors", "21", "RB"],
  ];
  it.each(cases)("%s.%s accepts %s and rejects %s", (dataset, field, good, bad) => {
    const base = validRows[dataset].json;
    expect(validateRecords(dataset, [{ ...base, [field]: good }], json).ok).toBe(true);
    const issues = issuesOf(dataset, [{ ...base, [field]: bad }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.field).toBe(field);
    expect(issues[0]?.message).toContain(`(got '${bad}')`);
  });
});

describe("validateRecords: rules relating fields", () => {
  it.each([
    ["cp_plans", "start_date", "end_date"],
    ["cin_plans", "start_date", "end_date"],
    ["missing_episodes", "start_date", "end_date"],
    ["vulnerability_flags", "start_date", "end_date"],
    ["assessments", "start_date", "authorised_date"],
    ["workforce", "start_date", "leaving_date"],
  ] as const)("%s: %s after %s is invalid, the same day is valid", (dataset, start, end) => {
    const base = validRows[dataset].json;
    const issues = issuesOf(dataset, [{ ...base, [start]: "2019-05-02", [end]: "2019-05-01" }]);
    expect(issues).toEqual([
      { row: 0, field: end, message: `${end}: must not be before ${start} (2019-05-02) (got '2019-05-01')` },
    ]);
    expect(validateRecords(dataset, [{ ...base, [start]: "2019-05-02", [end]: "2019-05-02" }], json).ok).toBe(
      true,
    );
  });

  it("cla_episodes: end before start is invalid", () => {
    const row = { ...validRows.cla_episodes.json, start_date: "2019-07-01", end_date: "2019-06-30" };
    expect(issuesOf("cla_episodes", [row])[0]?.field).toBe("end_date");
  });

  it("contacts: decision_date before contact_date is invalid", () => {
    expect(issuesOf("contacts", [{ ...validRows.contacts.json, decision_date: "2019-09-01" }])).toEqual([
      {
        row: 0,
        field: "decision_date",
        message: "decision_date: must not be before contact_date (2019-09-02) (got '2019-09-01')",
      },
    ]);
  });

  it("contacts: level_of_need and decision_date are set together or not at all", () => {
    expect(issuesOf("contacts", [{ ...validRows.contacts.json, decision_date: null }])).toEqual([
      {
        row: 0,
        field: "decision_date",
        message: "decision_date: is required when level_of_need is given (set both or neither)",
      },
    ]);
    expect(issuesOf("contacts", [{ ...validRows.contacts.json, level_of_need: null }])[0]?.field).toBe(
      "level_of_need",
    );
    const undecided = { ...validRows.contacts.json, decision_date: null, level_of_need: null };
    expect(validateRecords("contacts", [undecided], json).ok).toBe(true);
  });

  it("cla_episodes: reason_ceased is required exactly when end_date is set", () => {
    expect(issuesOf("cla_episodes", [{ ...validRows.cla_episodes.json, reason_ceased: null }])).toEqual([
      {
        row: 0,
        field: "reason_ceased",
        message: "reason_ceased: is required when end_date is given (set both or neither)",
      },
    ]);
    expect(issuesOf("cla_episodes", [{ ...validRows.cla_episodes.json, end_date: null }])[0]?.field).toBe(
      "end_date",
    );
    const open = { ...validRows.cla_episodes.json, end_date: null, reason_ceased: null };
    expect(validateRecords("cla_episodes", [open], json).ok).toBe(true);
  });

  it("s47_enquiries: ICPC fields must agree", () => {
    const base = validRows.s47_enquiries.json;
    expect(issuesOf("s47_enquiries", [{ ...base, icpc_not_required: true }])).toEqual([
      { row: 0, field: "icpc_date", message: "icpc_date: must be empty when icpc_not_required is true" },
    ]);
    expect(issuesOf("s47_enquiries", [{ ...base, icpc_cp_plan: null }])[0]?.field).toBe("icpc_cp_plan");
    expect(issuesOf("s47_enquiries", [{ ...base, icpc_date: null }])[0]?.field).toBe("icpc_date");
    expect(issuesOf("s47_enquiries", [{ ...base, icpc_date: "2019-09-02" }])[0]?.message).toBe(
      "icpc_date: must not be before start_date (2019-09-03) (got '2019-09-02')",
    );
    const noConference = { ...base, icpc_not_required: true, icpc_date: null, icpc_cp_plan: null };
    expect(validateRecords("s47_enquiries", [noConference], json).ok).toBe(true);
  });

  it("cin_plans: end_reason needs an end_date", () => {
    expect(issuesOf("cin_plans", [{ ...validRows.cin_plans.json, end_date: null }])).toEqual([
      { row: 0, field: "end_reason", message: "end_reason: may only be given when end_date is given" },
    ]);
  });

  it("benchmarks and observations: period must be a valid period id", () => {
    for (const bad of ["FY2019-21", "FY2019", "2019-13", "2019/20", "FY2019-20-Q5"]) {
      expect(issuesOf("benchmarks", [{ ...validRows.benchmarks.json, period: bad }])[0]?.message).toBe(
        `period: must be a period id such as FY2019-20, FY2019-20-Q2 or 2019-08 (got '${bad}')`,
      );
      expect(issuesOf("observations", [{ ...validRows.observations.json, period: bad }])[0]?.field).toBe(
        "period",
      );
    }
    expect(
      validateRecords("observations", [{ ...validRows.observations.json, period: "2019-08" }], json).ok,
    ).toBe(true);
  });

  it("benchmarks: lower must not exceed upper", () => {
    expect(issuesOf("benchmarks", [{ ...validRows.benchmarks.json, lower: 340, upper: 330 }])).toEqual([
      { row: 0, field: "upper", message: "upper: must not be below lower (340) (got 330)" },
    ]);
  });

  it("reports a rule problem even when another field of the row is also wrong", () => {
    const row = { ...validRows.contacts.json, source: "ZZ", decision_date: "2019-09-01" };
    expect(issuesOf("contacts", [row]).map((i) => i.field)).toEqual(["source", "decision_date"]);
  });
});

describe("validateRecords: batches", () => {
  it("rejects a key repeated in the batch, naming the first row", () => {
    const rows = [
      validRows.contacts.json,
      { ...validRows.contacts.json, contact_id: "K2" },
      validRows.contacts.json,
    ];
    expect(issuesOf("contacts", rows)).toEqual([
      { row: 2, field: "contact_id", message: "duplicate key: contact_id 'K1' also on row 0" },
    ]);
  });

  it("compares composite keys on every key field", () => {
    const a = validRows.care_leavers.json;
    const later = { ...a, as_at_date: "2019-12-31" };
    expect(validateRecords("care_leavers", [a, later], json).ok).toBe(true);
    expect(issuesOf("care_leavers", [a, later, a])).toEqual([
      { row: 2, field: null, message: "duplicate key: child_id 'C9', as_at_date '2019-09-30' also on row 0" },
    ]);
  });

  it("treats benchmark member rows as distinct from the summary row", () => {
    const summary = validRows.benchmarks.json;
    const member = { ...summary, member: "Barnsley" };
    expect(validateRecords("benchmarks", [summary, member], json).ok).toBe(true);
    expect(issuesOf("benchmarks", [member, summary, member])[0]?.message).toBe(
      "duplicate key: indicator_id 'cin_rate', comparator 'england', period 'FY2018-19', member 'Barnsley' also on row 0",
    );
  });

  it("finds a duplicate key in a row that is also invalid for other reasons", () => {
    const rows = [validRows.contacts.json, { ...validRows.contacts.json, source: "ZZ" }];
    expect(issuesOf("contacts", rows).map((i) => i.message)).toEqual([
      expect.stringMatching(/^source: must be one of/),
      "duplicate key: contact_id 'K1' also on row 0",
    ]);
  });

  it("reports every problem of every row, not just the first", () => {
    const rows = [
      { child_id: "", date_of_birth: "2010-13-01", sex: "Q", disabled: "yes" },
      { child_id: "C2", sex: "F" },
      { child_id: "C3", sex: "M", ethnic: "WBRI" },
    ];
    const r = validateRecords("children", rows, json);
    expect(r).toEqual({
      ok: false,
      issueCount: 5,
      issues: [
        { row: 0, field: "child_id", message: "child_id: must be text of 1 to 64 characters (got '')" },
        {
          row: 0,
          field: "date_of_birth",
          message: "date_of_birth: must be a date such as 2019-09-30 (got '2010-13-01')",
        },
        { row: 0, field: "sex", message: "sex: must be one of 'M', 'F', 'U' (got 'Q')" },
        { row: 0, field: "disabled", message: "disabled: must be true or false (got 'yes')" },
        { row: 2, field: "ethnic", message: "unknown field 'ethnic' — did you mean 'ethnicity'?" },
      ],
    });
  });

  it("keeps at most maxIssues issues but counts them all", () => {
    const rows = Array.from({ length: 10 }, () => ({ child_id: "C", sex: "X" }));
    const r = validateRecords("children", rows, { format: "json", maxIssues: 3 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.issues.map((i) => i.row)).toEqual([0, 1, 1]);
      expect(r.issueCount).toBe(19); // 10 bad sex codes + 9 duplicate keys
    }
  });

  it("caps at 1000 issues by default", () => {
    const rows = Array.from({ length: 1200 }, (_, i) => ({ child_id: `C${i}`, sex: "X" }));
    const r = validateRecords("children", rows, json);
    expect(!r.ok && [r.issues.length, r.issueCount]).toEqual([1000, 1200]);
  });

  it("adds rowOffset to row numbers", () => {
    expect(
      validateRecords("children", [{ child_id: "C", sex: "X" }], { format: "json", rowOffset: 500 }),
    ).toMatchObject({
      issues: [{ row: 500 }],
    });
  });
});

describe("createBatchValidator", () => {
  it("returns each valid record as it is pushed and null for an invalid one", () => {
    const v = createBatchValidator("children", csv);
    expect(v.push({ child_id: "C1", date_of_birth: "01/05/2010", sex: "F" })).toEqual({
      child_id: "C1",
      date_of_birth: "2010-05-01",
      sex: "F",
      ethnicity: null,
      disabled: null,
      expected_date_of_birth: null,
      date_of_death: null,
      disabilities: null,
    });
    expect(v.push({ child_id: "C1", date_of_birth: "2010-05-01", sex: "F" })).toBeNull();
    expect(v.push({ child_id: "C2", sex: "?" })).toBeNull();
    expect(v.finish()).toEqual({
      received: 3,
      issueCount: 2,
      issues: [
        { row: 1, field: "child_id", message: "duplicate key: child_id 'C1' also on row 0" },
        { row: 2, field: "sex", message: "sex: must be one of 'M', 'F', 'U' (got '?')" },
      ],
    });
  });

  it("gives the same issues and records as validateRecords on any rows (property)", () => {
    const cell = fc.constantFrom(
      "C1",
      "C2",
      "F",
      "M",
      "X",
      "",
      "2010-05-01",
      "31/02/2019",
      "01/05/2010",
      "Y",
      "maybe",
    );
    const row = fc.oneof(
      fc.record(
        { child_id: cell, date_of_birth: cell, sex: cell, ethnicity: cell, disabled: cell, colour: cell },
        { requiredKeys: [] },
      ),
      fc.constant(null),
    );
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 12 }),
        fc.constantFrom("json", "csv"),
        fc.integer({ min: 1, max: 5 }),
        (rows, format, maxIssues) => {
          const batch = validateRecords("children", rows, { format, maxIssues });
          const v = createBatchValidator("children", { format, maxIssues });
          const records = rows.map((r) => v.push(r)).filter((r) => r !== null);
          const summary = v.finish();
          expect(summary.received).toBe(rows.length);
          if (batch.ok) {
            expect(summary.issueCount).toBe(0);
            expect(records).toEqual(batch.records);
          } else {
            expect(summary.issues).toEqual(batch.issues);
            expect(summary.issueCount).toBe(batch.issueCount);
          }
        },
      ),
    );
  });
});
