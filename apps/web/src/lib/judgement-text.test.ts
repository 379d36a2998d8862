import { describe, expect, it } from "vitest";
import { verdictPresentation } from "./judgement-text";

describe("verdictPresentation", () => {
  it("words each verdict so colour is never the only carrier", () => {
    expect(verdictPresentation("positive")).toEqual({ word: "Positive KPI", tone: "good" });
    expect(verdictPresentation("negative")).toEqual({ word: "Negative KPI", tone: "bad" });
    expect(verdictPresentation("neither").word).toBe("Neither positive nor negative");
  });
});
