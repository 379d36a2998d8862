import { describe, expect, it } from "vitest";
import { citedBy, sourceRow } from "./source-rows.js";

const source = (id: string, received: string | null) => ({
  id,
  dataset: "cla_episodes" as const,
  kind: "extract" as const,
  name: "nightly extract at 30 Sep 2019",
  from: "2016-04-01",
  to: "2019-09-30",
  as_of: "2019-09-30",
  history_from: "2016-04-01",
  received_at: received,
});

describe("sourceRow", () => {
  it("names the dataset, kind and span in words, and the time received in UK time", () => {
    // 1 Oct 2019 01:30 UTC is 02:30 British Summer Time.
    expect(sourceRow(source("a", "2019-10-01T01:30:00.000Z"))).toEqual({
      id: "a",
      dataset: "cla episodes",
      name: "nightly extract at 30 Sep 2019",
      kind: "Extract",
      covers: "1 Apr 2016 – 30 Sep 2019",
      received: "1 Oct 2019, 02:30",
    });
    expect(sourceRow(source("b", null)).received).toBe("Not recorded");
  });
});

describe("citedBy", () => {
  it("keeps the sources the entries cite, each once, in the response's order", () => {
    const all = [source("a", null), source("b", null), source("c", null)];
    expect(citedBy(all, [{ sources: ["c", "a"] }, { sources: ["a"] }, undefined]).map((s) => s.id)).toEqual([
      "a",
      "c",
    ]);
  });
});
