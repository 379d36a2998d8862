import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { catalogue, catalogueDefinitions, findIndicator } from "./catalogue.js";
import { renderIndicatorsDoc } from "./indicators-doc.js";
import { reportSections } from "./sections.js";
import { indicatorThemes } from "./themes.js";

const here = dirname(fileURLToPath(import.meta.url));

describe("the catalogue", () => {
  it("has unique ids, each in a report section, with a formula reading the datasets it lists", () => {
    const ids = catalogue.map((i) => i.definition.id);
    expect(new Set(ids).size).toBe(ids.length);
    const sections = new Set<string>(reportSections.map((s) => s.id));
    for (const { definition, formula } of catalogue) {
      expect(sections.has(definition.section), definition.id).toBe(true);
      expect(definition.sources, definition.id).toContain(formula.dataset);
      // What the formula declares it reads (for coverage) is what the definition says it comes from.
      expect([...new Set(formula.reads.map((r) => r.dataset))].sort(), definition.id).toEqual(
        [...(definition.sources ?? [])].sort(),
      );
    }
  });

  it("covers every indicator of the specification", () => {
    expect(catalogue).toHaveLength(80);
    expect(catalogue.filter((i) => i.definition.section === "ffd")).toHaveLength(15);
    expect(catalogue.filter((i) => i.definition.section === "staffing")).toHaveLength(6);
  });

  it("states the report's one target and the SWA conversion's two decimals", () => {
    const swa = catalogueDefinitions().find((d) => d.id === "ffd.contacts_swa_pct");
    expect(swa?.target).toEqual({ value: 60 });
    expect(swa?.decimals).toBe(2);
    expect(catalogueDefinitions().filter((d) => d.target !== undefined)).toHaveLength(1);
  });

  it("declares complementary pairs, themes and cross-references the report can follow", () => {
    const definitions = catalogueDefinitions();
    const byId = new Map(definitions.map((d) => [d.id, d]));
    const pairs = definitions.filter((d) => d.complementOf !== undefined).map((d) => [d.id, d.complementOf]);
    expect(pairs).toEqual([
      ["ffd.contacts_level_2_1_pct", "ffd.contacts_level_4_3_pct"],
      ["wf.agency_pct", "wf.sw_permanent_pct"],
    ]);
    for (const [id, other] of pairs) {
      const a = byId.get(id ?? "");
      const b = byId.get(other ?? "");
      // Two shares of one whole: same section and unit, opposite polarities, and never a chain.
      expect([a?.section, a?.unit], id).toEqual([b?.section, "percent"]);
      expect(b?.unit).toBe("percent");
      expect(new Set([a?.polarity, b?.polarity])).toEqual(new Set(["high", "low"]));
      expect(b?.complementOf, id).toBeUndefined();
    }
    const sections = new Set<string>(reportSections.map((s) => s.id));
    for (const d of definitions) {
      if (d.theme !== undefined) expect(Object.keys(indicatorThemes), d.id).toContain(d.theme);
      for (const s of d.alsoDescribedIn ?? []) {
        expect(sections.has(s), d.id).toBe(true);
        expect(s, d.id).not.toBe(d.section);
      }
    }
    // A theme's members in one section share a polarity, so one seasonal sentence fits them all.
    for (const theme of Object.keys(indicatorThemes)) {
      for (const s of sections) {
        const members = definitions.filter((d) => d.theme === theme && d.section === s);
        expect(new Set(members.map((d) => d.polarity)).size, `${theme} in ${s}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("finds indicators by id", () => {
    expect(findIndicator("cla.starts")?.definition.title).toBe("Children starting to be looked after");
    expect(findIndicator("cla.nope")).toBeUndefined();
  });

  it("keeps docs/indicators.md in step with the catalogue (regenerate it with scripts/generate-indicators-doc.ts)", () => {
    const onDisk = readFileSync(join(here, "..", "..", "..", "..", "docs", "indicators.md"), "utf8");
    expect(onDisk).toBe(
      renderIndicatorsDoc(
        catalogueDefinitions(),
        reportSections,
        (id) => findIndicator(id)?.formula.reads ?? [],
      ),
    );
  });
});
