import { describe, expect, it } from "vitest";
import { ApiError } from "../errors.js";
import { createSignInThrottle } from "./sign-in-throttle.js";

function refusal(run: () => void): ApiError | null {
  try {
    run();
    return null;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
}

describe("sign-in throttle", () => {
  it("stops an address after its failures in the window, across usernames, until the first leaves it", () => {
    let at = 0;
    const throttle = createSignInThrottle({
      now: () => at,
      limits: { failuresPerAddress: 5, attemptsPerAddressPerMinute: 1_000 },
    });
    for (let i = 0; i < 5; i++) {
      expect(refusal(() => throttle.admit("a", `user-${i}`))).toBeNull();
      throttle.failed("a", `user-${i}`);
      at += 1_000;
    }
    const held = refusal(() => throttle.admit("a", "someone-else"));
    expect(held?.code).toBe("rate_limited");
    // The first failure was at 0 and counts for 15 minutes.
    expect(held?.retryAfterSeconds).toBe(15 * 60 - 5);
    expect(refusal(() => throttle.admit("b", "someone-else"))).toBeNull();
    at = 15 * 60_000;
    expect(refusal(() => throttle.admit("a", "someone-else"))).toBeNull();
  });

  it("backs a username off 1, 2, 4 … seconds, at most 15 minutes, only for addresses that failed", () => {
    let at = 0;
    const throttle = createSignInThrottle({ now: () => at, limits: { attemptsPerAddressPerMinute: 1_000 } });
    const delays: number[] = [];
    for (let failure = 1; failure <= 14; failure++) {
      throttle.failed(`addr-${failure}`, "victim");
      const held = refusal(() => throttle.admit(`addr-${failure}`, "victim"));
      delays.push(held?.retryAfterSeconds ?? 0);
      // A different address with no failures of its own is let through.
      expect(refusal(() => throttle.admit(`fresh-${failure}`, "victim"))).toBeNull();
      at += 1;
    }
    expect(delays).toEqual([0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900]);
  });

  it("forgets the oldest addresses and usernames beyond its size, so it cannot grow without bound", () => {
    const throttle = createSignInThrottle({ limits: { maxEntries: 3, freeFailuresPerUsername: 0 } });
    for (const address of ["a", "b", "c", "d"]) throttle.failed(address, `user-${address}`);
    // "a" and its username were forgotten; "d" is remembered and backs off.
    expect(refusal(() => throttle.admit("a", "user-a"))).toBeNull();
    expect(refusal(() => throttle.admit("d", "user-d"))?.code).toBe("rate_limited");
  });
});
