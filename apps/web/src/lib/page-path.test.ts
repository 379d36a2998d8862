import { describe, expect, it } from "vitest";
import { busyPath, waitInWords } from "./page-path";

describe("busyPath", () => {
  it("carries the wait and the page to try again", () => {
    expect(busyPath(42, "/targets?fy=FY2019-20")).toBe("/busy?after=42&next=%2Ftargets%3Ffy%3DFY2019-20");
    expect(busyPath(0.2, "/")).toBe("/busy?after=1&next=%2F");
  });

  it("says a minute when the API gave no wait, and never points back at itself", () => {
    expect(busyPath(null, null)).toBe("/busy?after=60");
    expect(busyPath(5, "/busy?after=5")).toBe("/busy?after=5");
    expect(busyPath(99_999, "/")).toBe("/busy?after=3600&next=%2F");
  });
});

describe("waitInWords", () => {
  it("gives seconds under a minute and whole minutes after", () => {
    expect(waitInWords(1)).toBe("1 second");
    expect(waitInWords(59)).toBe("59 seconds");
    expect(waitInWords(60)).toBe("1 minute");
    expect(waitInWords(61)).toBe("2 minutes");
  });
});
