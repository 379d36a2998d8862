import { describe, expect, it } from "vitest";
import { bodyFormatOf } from "./body-format.js";

describe("bodyFormatOf", () => {
  it("names the three accepted formats, with or without a UTF-8 charset, in any case", () => {
    expect(bodyFormatOf("application/json")).toBe("json");
    expect(bodyFormatOf("Application/JSON; charset=UTF-8")).toBe("json");
    expect(bodyFormatOf("application/x-ndjson")).toBe("ndjson");
    expect(bodyFormatOf("application/ndjson")).toBe("ndjson");
    expect(bodyFormatOf('text/csv; charset="utf-8"')).toBe("csv");
    expect(bodyFormatOf("text/csv;header=present")).toBe("csv");
  });

  it("refuses other types, other charsets and a missing header", () => {
    expect(bodyFormatOf(undefined)).toBeNull();
    expect(bodyFormatOf("text/plain")).toBeNull();
    expect(bodyFormatOf("text/csv; charset=latin1")).toBeNull();
    expect(bodyFormatOf("application/json-patch+json")).toBeNull();
    expect(bodyFormatOf("")).toBeNull();
  });
});
