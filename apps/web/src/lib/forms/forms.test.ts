import { describe, expect, it } from "vitest";
import { analysisFormSchema, analysisVersionFormSchema } from "./analysis-form";
import { authorityFormSchema } from "./authority-form";
import { invalidForm } from "./form-state";
import { signInFormSchema } from "./sign-in-form";
import { targetFormSchema, targetOfForm } from "./target-form";
import { tokenFormSchema } from "./token-form";

describe("sign-in form", () => {
  it("asks for both fields by name", () => {
    const r = signInFormSchema.safeParse({ username: " ", password: "" });
    expect(r.success).toBe(false);
    if (!r.success) {
      const state = invalidForm(r.error, { username: " " });
      expect(state.fieldErrors.username).toEqual(["Enter your username"]);
      expect(state.fieldErrors.password).toEqual(["Enter your password"]);
      expect(state.values).toEqual({ username: " " });
    }
  });
});

describe("analysis version form", () => {
  it("reads the version as a positive whole number", () => {
    const form = { period: "FY2019-20-Q2", section: "ffd" };
    expect(analysisVersionFormSchema.parse({ ...form, version: "12" }).version).toBe(12);
    for (const version of ["0", "-1", "1.5", "x"])
      expect(analysisVersionFormSchema.safeParse({ ...form, version }).success, version).toBe(false);
  });
});

describe("analysis form", () => {
  it("accepts paragraphs and trims the ends", () => {
    const r = analysisFormSchema.parse({ period: "FY2019-20-Q2", section: "ffd", text: "  One.\n\nTwo.  " });
    expect(r.text).toBe("One.\n\nTwo.");
  });

  it("stores the line breaks a browser submits (CRLF) as plain line feeds", () => {
    const r = analysisFormSchema.parse({ period: "FY2019-20-Q2", section: "ffd", text: "One.\r\n\r\nTwo." });
    expect(r.text).toBe("One.\n\nTwo.");
  });

  it("refuses empty text and a period that is not a quarter", () => {
    expect(
      analysisFormSchema.safeParse({ period: "FY2019-20-Q2", section: "ffd", text: " \n " }).success,
    ).toBe(false);
    expect(analysisFormSchema.safeParse({ period: "FY2019-20", section: "ffd", text: "x" }).success).toBe(
      false,
    );
  });
});

describe("target form", () => {
  const base = { indicator: "ffd.contacts_swa_pct", financial_year: "FY2019-20" };

  it("turns a single value with tolerance into the API's body", () => {
    const f = targetFormSchema.parse({
      ...base,
      kind: "value",
      value: "60",
      tolerance: "3",
      low: "",
      high: "",
    });
    expect(targetOfForm(f)).toEqual({ value: 60, tolerance: 3 });
  });

  it("turns a range into the API's body and leaves out a blank tolerance", () => {
    const f = targetFormSchema.parse({
      ...base,
      kind: "range",
      low: "80",
      high: "90",
      value: "",
      tolerance: "",
    });
    expect(targetOfForm(f)).toEqual({ range: [80, 90] });
  });

  it("names the field that is wrong", () => {
    const r = targetFormSchema.safeParse({ ...base, kind: "range", low: "90", high: "80" });
    expect(r.success).toBe(false);
    if (!r.success)
      expect(invalidForm(r.error, {}).fieldErrors.high).toEqual([
        "The high end must not be below the low end",
      ]);
    const v = targetFormSchema.safeParse({ ...base, kind: "value", value: "sixty" });
    expect(v.success).toBe(false);
    if (!v.success) expect(invalidForm(v.error, {}).fieldErrors.value?.[0]).toMatch(/must be a number/);
    const fy = targetFormSchema.safeParse({ ...base, financial_year: "2019", kind: "value", value: "1" });
    expect(fy.success).toBe(false);
  });
});

describe("token form", () => {
  it("needs a name and a known role", () => {
    expect(tokenFormSchema.safeParse({ name: "Nightly CIN extract", role: "ingest" }).success).toBe(true);
    expect(tokenFormSchema.safeParse({ name: "", role: "ingest" }).success).toBe(false);
    expect(tokenFormSchema.safeParse({ name: "x", role: "owner" }).success).toBe(false);
  });
});

describe("local-authority form", () => {
  it("trims the code and takes either code of an authority", () => {
    // Worcestershire: 885 / E10000034 in DfE's b1_children_in_need_2013_to_2025.csv.
    expect(authorityFormSchema.parse({ la_code: " 885 " }).la_code).toBe("885");
    expect(authorityFormSchema.parse({ la_code: "e10000034" }).la_code).toBe("E10000034");
  });

  it("says what is wrong beside the field: nothing typed, a malformed code, an unknown one", () => {
    const errors = (la_code: string) => {
      const r = authorityFormSchema.safeParse({ la_code });
      return r.success ? undefined : invalidForm(r.error, { la_code }).fieldErrors.la_code;
    };
    expect(errors("  ")).toEqual(["Enter the local authority's code, such as 885 or E10000034"]);
    expect(errors("Worcs")).toEqual([
      "use the three-digit code (such as 885) or the nine-character code (such as E10000034)",
    ]);
    expect(errors("999")).toEqual(["no local authority in England has the code 999"]);
  });
});
