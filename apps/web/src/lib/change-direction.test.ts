import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { judgeChange } from "./change-direction";

describe("judgeChange", () => {
  it("calls a rise better when higher is better and worse when lower is better", () => {
    // SWA conversion 45.1% → 47.5%: +2.4pp, a good rise (reference report, FFD).
    expect(judgeChange(2.36, "high", 1)).toEqual({ direction: "up", verdict: "better" });
    // Re-referrals rising is bad news.
    expect(judgeChange(2.36, "low", 1)).toEqual({ direction: "up", verdict: "worse" });
    expect(judgeChange(-12, "low", 0)).toEqual({ direction: "down", verdict: "better" });
  });

  it("makes no judgement for indicators without a polarity", () => {
    expect(judgeChange(-3, "none", 0)).toEqual({ direction: "down", verdict: "neutral" });
  });

  it("treats a change that rounds to zero as no change", () => {
    expect(judgeChange(0.04, "high", 1)).toEqual({ direction: "same", verdict: "neutral" });
    expect(judgeChange(-0.4, "low", 0)).toEqual({ direction: "same", verdict: "neutral" });
    expect(judgeChange(0.5, "low", 0)).toEqual({ direction: "up", verdict: "worse" });
  });

  it("has nothing to say without a comparison", () => {
    expect(judgeChange(null, "high", 1)).toBeNull();
  });

  it("flips the verdict when the polarity flips", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), (change) => {
        const high = judgeChange(change, "high", 1);
        const low = judgeChange(change, "low", 1);
        expect(high?.direction).toBe(low?.direction);
        if (high?.verdict === "better") expect(low?.verdict).toBe("worse");
        if (high?.verdict === "neutral") expect(low?.verdict).toBe("neutral");
      }),
    );
  });
});
