import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./safe-return-path";

describe("safeReturnPath", () => {
  it("returns to the page the person asked for", () => {
    expect(safeReturnPath("/indicators/ffd.contacts_swa_pct?view=seasonal")).toBe(
      "/indicators/ffd.contacts_swa_pct?view=seasonal",
    );
  });

  it("never sends anyone to another site", () => {
    for (const bad of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "/\n//x",
    ]) {
      expect(safeReturnPath(bad)).toBe("/");
    }
  });

  it("goes to the dashboard by default and never back to the sign-in page", () => {
    expect(safeReturnPath(undefined)).toBe("/");
    expect(safeReturnPath("/signin")).toBe("/");
  });
});
