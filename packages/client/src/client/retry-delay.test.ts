import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_RETRY_DELAY_MS, retryDelay } from "./retry-delay.js";

describe("retryDelay", () => {
  it("doubles the wait on each retry", () => {
    expect([1, 2, 3, 4].map((a) => retryDelay(a, 250))).toEqual([250, 500, 1000, 2000]);
  });

  it("waits as long as Retry-After asks when that is longer", () => {
    expect(retryDelay(1, 250, "3")).toBe(3000);
    expect(retryDelay(4, 250, "1")).toBe(2000);
  });

  it("ignores a Retry-After that is not a number of seconds", () => {
    expect(retryDelay(1, 250, "Wed, 21 Oct 2015 07:28:00 GMT")).toBe(250);
  });

  it("never waits longer than the cap, and never less than zero", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10_000 }), (attempt, base) => {
        const d = retryDelay(attempt, base);
        return d >= 0 && d <= MAX_RETRY_DELAY_MS;
      }),
    );
  });
});
