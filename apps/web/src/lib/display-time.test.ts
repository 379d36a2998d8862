import { describe, expect, it } from "vitest";
import { displayTime } from "./display-time";

describe("displayTime", () => {
  it("shows UK time, summer time included", () => {
    // 09:30 UTC on 14 October 2019 is 10:30 BST; 09:30 UTC on 14 January is 09:30 GMT.
    expect(displayTime("2019-10-14T09:30:00.000Z")).toBe("14 October 2019 at 10:30");
    expect(displayTime("2020-01-14T09:30:00.000Z", "medium")).toBe("14 Jan 2020, 09:30");
  });
});
