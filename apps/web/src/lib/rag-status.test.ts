import { describe, expect, it } from "vitest";
import { ragPresentation } from "./rag-status";

describe("ragPresentation", () => {
  it("gives every status its own word and its own shape", () => {
    const all = (["green", "amber", "red", null] as const).map(ragPresentation);
    expect(new Set(all.map((p) => p.word)).size).toBe(4);
    expect(new Set(all.map((p) => p.shape)).size).toBe(4);
  });

  it("names the statuses in words", () => {
    expect(ragPresentation("red").word).toBe("Red");
    expect(ragPresentation("green").description).toMatch(/target/);
    expect(ragPresentation(null).word).toBe("No target");
  });
});
