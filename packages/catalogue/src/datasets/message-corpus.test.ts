import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { corpusSections, describeCase, messageCorpusCases } from "./message-corpus.fixture.js";
import { datasetNames } from "./schemas.js";

// The message corpus (message-corpus.fixture.ts) was recorded from the validator as it stood before
// the single validation pass replaced it (three validators: a checker compiled from zod's internal
// definitions, a field-by-field zod pass and a whole-schema zod guard), and must stay byte for byte
// what analysts were told: every message, field, row, normalised record and readable key. A change
// of wording that is meant re-records the dataset with scripts/record-message-corpus.ts, in its own
// commit that says so.

const recorded = corpusSections(
  readFileSync(new URL("./message-corpus.fixture.txt", import.meta.url), "utf8"),
);

function casesIn(section: string): string[] {
  return section
    .split(/^(?=## )/m)
    .map((c) => c.replace(/\n$/, ""))
    .filter((c) => c !== "");
}

describe("message corpus", () => {
  it("covers every dataset of the data contract as it was recorded, with many invalid rows each", () => {
    expect([...recorded.keys()].every((d) => (datasetNames as readonly string[]).includes(d))).toBe(true);
    expect(recorded.size).toBeGreaterThanOrEqual(16);
    for (const section of recorded.values()) {
      const invalid = casesIn(section).filter((c) => !c.includes("\nok "));
      expect(invalid.length).toBeGreaterThan(100);
    }
  });

  for (const dataset of datasetNames) {
    const section = recorded.get(dataset);
    if (section === undefined) {
      it.skip(`${dataset}: not recorded yet (scripts/record-message-corpus.ts ${dataset})`, () => {});
      continue;
    }
    it(`${dataset}: the validator writes the recorded bytes for every case`, () => {
      const expected = casesIn(section);
      const actual = messageCorpusCases([dataset]).map(describeCase);
      const differing = actual
        .map((text, i) => ({ text, expected: expected[i] }))
        .filter((c) => c.text !== c.expected)
        .slice(0, 5);
      expect(differing).toEqual([]);
      expect(actual.length).toBe(expected.length);
    });
  }
});
