import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRecordKey, recordKey } from "./record-key.js";
import type { RecordOf } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";

describe("recordKey", () => {
  it("is the key field's value for single-field keys", () => {
    expect(recordKey("contacts", validRows.contacts.record as RecordOf<"contacts">)).toBe("K1");
  });

  it("joins composite keys with |", () => {
    expect(recordKey("care_leavers", validRows.care_leavers.record as RecordOf<"care_leavers">)).toBe(
      "C9|2019-09-30",
    );
    expect(recordKey("workforce", validRows.workforce.record as RecordOf<"workforce">)).toBe("W1|2019-09-30");
    expect(recordKey("populations", validRows.populations.record as RecordOf<"populations">)).toBe(
      "2019|0-17",
    );
  });

  it("leaves out a trailing empty optional key field (benchmark summary, observation total)", () => {
    const summary = validRows.benchmarks.record as RecordOf<"benchmarks">;
    expect(recordKey("benchmarks", summary)).toBe("cin_rate|england|FY2018-19");
    expect(recordKey("benchmarks", { ...summary, member: "Barnsley" })).toBe(
      "cin_rate|england|FY2018-19|Barnsley",
    );
    const obs = validRows.observations.record as RecordOf<"observations">;
    expect(recordKey("observations", obs)).toBe("dsl_training|FY2019-20-Q2");
    expect(recordKey("observations", { ...obs, breakdown: "North" })).toBe("dsl_training|FY2019-20-Q2|North");
  });

  it("escapes | and \\ inside values", () => {
    const c = validRows.care_leavers.record as RecordOf<"care_leavers">;
    expect(recordKey("care_leavers", { ...c, child_id: "A|B\\C" })).toBe("A\\|B\\\\C|2019-09-30");
  });
});

describe("parseRecordKey", () => {
  it("reads the key fields back, integers as numbers and a missing optional part as null", () => {
    expect(parseRecordKey("populations", "2019|0-17")).toEqual({
      ok: true,
      values: { year: 2019, age_band: "0-17" },
    });
    expect(parseRecordKey("benchmarks", "cin_rate|england|FY2018-19")).toEqual({
      ok: true,
      values: { indicator_id: "cin_rate", comparator: "england", period: "FY2018-19", member: null },
    });
  });

  it("rejects keys with too many parts, a missing required part or a bad integer", () => {
    expect(parseRecordKey("contacts", "K1|K2")).toEqual({
      ok: false,
      error: "key 'K1|K2' has 2 parts; contacts keys have 1 (contact_id)",
    });
    expect(parseRecordKey("care_leavers", "C9").ok).toBe(false);
    expect(parseRecordKey("populations", "twenty|0-17").ok).toBe(false);
    expect(parseRecordKey("contacts", "K1\\").ok).toBe(false);
  });

  it("round-trips any key values (property)", () => {
    const text = fc.string({ minLength: 1, unit: fc.constantFrom("a", "|", "\\", "-", "9", " ") });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: null }), (indicator, comparator, member) => {
        const record = {
          ...(validRows.benchmarks.record as RecordOf<"benchmarks">),
          indicator_id: indicator,
          comparator,
          member,
        };
        expect(parseRecordKey("benchmarks", recordKey("benchmarks", record))).toEqual({
          ok: true,
          values: { indicator_id: indicator, comparator, period: "FY2018-19", member },
        });
      }),
    );
  });
});
