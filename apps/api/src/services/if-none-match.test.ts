import { describe, expect, it } from "vitest";
import { ifNoneMatch } from "./if-none-match.js";

const etag = '"q3Zk-report"';

describe("ifNoneMatch", () => {
  it("matches the same tag, alone or in a list, with or without the weak prefix", () => {
    expect(ifNoneMatch('"q3Zk-report"', etag)).toBe(true);
    expect(ifNoneMatch('"old", "q3Zk-report"', etag)).toBe(true);
    expect(ifNoneMatch('W/"q3Zk-report"', etag)).toBe(true);
    expect(ifNoneMatch(['"old"', '"q3Zk-report"'], etag)).toBe(true);
  });

  it("matches anything for *", () => {
    expect(ifNoneMatch("*", etag)).toBe(true);
  });

  it("does not match another tag, an unquoted value, an empty header or none", () => {
    expect(ifNoneMatch('"old"', etag)).toBe(false);
    expect(ifNoneMatch("q3Zk-report", etag)).toBe(false);
    expect(ifNoneMatch('"q3Zk-report-2"', etag)).toBe(false);
    expect(ifNoneMatch("", etag)).toBe(false);
    expect(ifNoneMatch(undefined, etag)).toBe(false);
  });
});
