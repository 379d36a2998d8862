import { describe, expect, it } from "vitest";
import { findIndicator } from "./catalogue.js";
import { publishedSources } from "./published-sources.js";

// The unit a published measure column is on, from DfE's column names (the CSVs' metadata files say
// the same): counts end `_count`/`_episodes`/`_start`, percentages `_percent`/`_rate_*`, rates per
// 10,000 `rate_per_10000`, LAIT's `CIN` and `CPP_rate` are rates per 10,000 (LAIT's data dictionary:
// "Children in Need rate per 10,000", "Child Protection Plans rate per 10,000").
function unitOf(source: (typeof publishedSources)[number]): string {
  if (source.kind === "lait") return "rate_per_10k";
  const c = source.column;
  if (c === "rate_per_10000") return "rate_per_10k";
  if (c === "caseload_fte") return "per_fte";
  if (/_percent$|_rate_(fte|headcount)$/.test(c)) return "percent";
  if (/_count$|_episodes$|_start$/.test(c)) return "count";
  return "unknown";
}

describe("publishedSources", () => {
  it.each(
    publishedSources.map((s) => [`${s.indicatorId} ← ${s.kind === "ees" ? s.column : s.shortDesc}`, s]),
  )("%s: the indicator exists and is on the column's unit", (_, source) => {
    const indicator = findIndicator(source.indicatorId);
    expect(indicator, source.indicatorId).toBeDefined();
    expect(indicator?.definition.unit).toBe(unitOf(source));
  });

  it("maps each indicator once, and says why a different definition differs", () => {
    const ids = publishedSources.map((s) => s.indicatorId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of publishedSources.filter((x) => x.definition === "different"))
      expect(s.note, s.indicatorId).toMatch(/\w/);
  });

  it("calls an indicator comparable with DfE's statistics exactly when its published figure has the same definition", () => {
    // The portal's indicator page says "comparable with DfE published statistics" from the flag; a
    // figure DfE defines differently must not be called comparable (nor judged against it).
    for (const s of publishedSources)
      expect(findIndicator(s.indicatorId)?.definition.dfeComparable ?? true, s.indicatorId).toBe(
        s.definition === "same",
      );
  });

  it("dates the workforce census on 30 September and every other publication by its financial year", () => {
    for (const s of publishedSources)
      expect(s.period, s.indicatorId).toBe(
        s.indicatorId.startsWith("wf.") ? "census_30_september" : "financial_year",
      );
  });
});
