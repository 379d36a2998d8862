import { describe, expect, it } from "vitest";
import {
  codeLabel,
  datasets,
  isDatasetName,
  isLeftOutOfFigures,
  type RangedDataset,
  rangeFieldsOf,
} from "./registry.js";
import { datasetNames, datasetSchemas, emptyDatasetRecords } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";

describe("datasets registry", () => {
  it.each(datasetNames)(
    "%s: fields are the schema's, in order, and the key and dates are among them",
    (name) => {
      const spec = datasets[name];
      expect(spec.name).toBe(name);
      const fieldNames = spec.fields.map((f) => f.name);
      expect(fieldNames).toEqual(Object.keys(datasetSchemas[name].shape));
      expect(fieldNames).toEqual(Object.keys(validRows[name].record));
      for (const k of [...spec.key, ...spec.dateFields, ...spec.personFields])
        expect(fieldNames).toContain(k);
      for (const d of spec.dateFields) expect(spec.fields.find((f) => f.name === d)?.type).toBe("date");
    },
  );

  it.each(datasetNames)(
    "%s: the facts the evaluator reads name real fields of the schema, of the right type",
    (name) => {
      const spec = datasets[name];
      const typeOf = (field: string) => spec.fields.find((f) => f.name === field)?.type;
      // How the records lie in time: every field the dating names is a date field of the dataset.
      const dating = spec.dating;
      const datingFields =
        dating.kind === "undated"
          ? []
          : dating.kind === "ranges"
            ? [dating.start, dating.end]
            : dating.kind === "events" && dating.knownUntil !== undefined
              ? [dating.field, dating.knownUntil]
              : [dating.field];
      for (const f of datingFields) expect(typeOf(f), `${name}.${f}`).toBe("date");
      // A dated dataset's placing dates are among the fields it is placed in periods by.
      if (dating.kind === "events" || dating.kind === "snapshots")
        expect(spec.dateFields).toContain(dating.field);
      if (dating.kind === "ranges")
        expect(spec.dateFields).toEqual(expect.arrayContaining([dating.start, dating.end]));
      // The records no figure counts: declared for every dataset (null when all count); a code field
      // of the dataset and codes it lists.
      expect(spec).toHaveProperty("leftOutOfFigures");
      const rule = spec.leftOutOfFigures;
      if (rule === null) return;
      const field = spec.fields.find((f) => f.name === rule.field);
      expect(field?.type, `${name}.${rule.field}`).toBe("code");
      const codes = (field?.codes ?? []).map((c) => c.code);
      for (const code of rule.codes) expect(codes, `${name}.${rule.field}`).toContain(code);
      expect(rule.reason.length).toBeGreaterThan(0);
    },
  );

  it("leaves short breaks, and only them, out of the figures", () => {
    expect(datasetNames.filter((n) => datasets[n].leftOutOfFigures !== null)).toEqual(["cla_episodes"]);
    expect(datasets.cla_episodes.leftOutOfFigures).toMatchObject({
      field: "legal_status",
      codes: ["V3", "V4"],
    });
    expect(isLeftOutOfFigures("cla_episodes", { legal_status: "V3" })).toBe(true);
    expect(isLeftOutOfFigures("cla_episodes", { legal_status: "V4" })).toBe(true);
    expect(isLeftOutOfFigures("cla_episodes", { legal_status: "V2" })).toBe(false);
    expect(isLeftOutOfFigures("contacts", { source: "V3" })).toBe(false);
  });

  it("knows the ranged datasets from their dating, with their range fields", () => {
    // Every dataset whose records are open from a start to an end (care episodes, plans, flags,
    // missing episodes and social worker allocations), as the registry's dating says; the type agrees.
    const ranged: RangedDataset[] = [
      "cp_plans",
      "cin_plans",
      "cla_episodes",
      "missing_episodes",
      "vulnerability_flags",
      "social_worker_episodes",
    ];
    // @ts-expect-error contacts are events, not ranges
    const notRanged: RangedDataset = "contacts";
    expect(notRanged).toBe("contacts");
    expect(datasetNames.filter((n) => datasets[n].dating.kind === "ranges").sort()).toEqual(
      [...ranged].sort(),
    );
    for (const name of ranged) expect(rangeFieldsOf(name)).toEqual(datasets[name].dating);
    expect(rangeFieldsOf("social_worker_episodes")).toEqual({
      kind: "ranges",
      start: "start_date",
      end: "end_date",
    });
  });

  it("describes field types, requiredness and codes as the data contract does", () => {
    const fields = Object.fromEntries(datasets.contacts.fields.map((f) => [f.name, f]));
    expect(fields.contact_date).toMatchObject({ type: "date", required: true });
    expect(fields.decision_date).toMatchObject({ type: "date", required: false });
    expect(fields.level_of_need).toMatchObject({ type: "integer", required: false });
    expect(fields.source?.type).toBe("code");
    expect(fields.source?.codes).toHaveLength(22);
    expect(datasets.workforce.fields.find((f) => f.name === "agency")?.type).toBe("boolean");
    expect(datasets.workforce.fields.find((f) => f.name === "fte")?.type).toBe("number");
  });

  it("has the keys of the data contract", () => {
    expect(datasets.care_leavers.key).toEqual(["child_id", "as_at_date"]);
    expect(datasets.workforce.key).toEqual(["worker_id", "as_at_date"]);
    expect(datasets.populations.key).toEqual(["year", "age_band"]);
    expect(datasets.benchmarks.key).toEqual(["indicator_id", "comparator", "period", "member"]);
    expect(datasets.observations.key).toEqual(["indicator_id", "period", "breakdown"]);
    expect(datasets.missing_episodes.key).toEqual(["episode_id"]);
  });

  it("marks person identifiers for pseudonymisation", () => {
    expect(datasets.workforce.personFields).toEqual(["worker_id"]);
    expect(datasets.contacts.personFields).toEqual(["child_id"]);
    expect(datasets.benchmarks.personFields).toEqual([]);
  });
});

describe("codeLabel", () => {
  it("labels codes used in breakdowns", () => {
    expect(codeLabel("contacts", "source", "2A")).toBe("Schools");
    expect(codeLabel("referrals", "source", "6")).toBe("Police");
    expect(codeLabel("contacts", "source", "5D")).toBe("Early help");
    expect(codeLabel("cla_episodes", "legal_status", "V2")).toBe("Accommodated under section 20");
    expect(codeLabel("cp_plans", "latest_category", "NEG")).toBe("Neglect");
    expect(codeLabel("contacts", "level_of_need", 4)).toBe(
      "Level 4: specialist social care (social work assessment)",
    );
  });

  it("gives the code itself when there is no label", () => {
    expect(codeLabel("contacts", "source", "99")).toBe("99");
    expect(codeLabel("contacts", "team", "North")).toBe("North");
  });
});

describe("isDatasetName and emptyDatasetRecords", () => {
  it("recognises dataset names only", () => {
    expect(isDatasetName("s47_enquiries")).toBe(true);
    expect(isDatasetName("s47")).toBe(false);
    expect(isDatasetName(7)).toBe(false);
  });

  it("gives an empty array for every dataset, fresh each time", () => {
    const a = emptyDatasetRecords();
    expect(Object.keys(a)).toEqual([...datasetNames]);
    a.children.push(validRows.children.record as never);
    expect(emptyDatasetRecords().children).toEqual([]);
  });
});
