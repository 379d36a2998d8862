import { describe, expect, it } from "vitest";
import { textChanges } from "./text-changes";

describe("textChanges", () => {
  it("marks the words removed and added between two versions", () => {
    expect(textChanges("Visits fell in July.", "Visits rose in July.")).toEqual([
      { kind: "same", text: "Visits " },
      { kind: "removed", text: "fell" },
      { kind: "added", text: "rose" },
      { kind: "same", text: " in July." },
    ]);
  });

  it("shows a first version as all added, and an unchanged one as all kept", () => {
    expect(textChanges(null, "First.")).toEqual([{ kind: "added", text: "First." }]);
    expect(textChanges("Same.", "Same.")).toEqual([{ kind: "same", text: "Same." }]);
  });
});
