import { type Target, targetSchema } from "@kpi/core";
import { z } from "zod";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalNumber = (what: string) =>
  z.preprocess(
    blankToUndefined,
    z.coerce
      .number({ error: `${what} must be a number` })
      .refine(Number.isFinite, `${what} must be a number`)
      .optional(),
  );

/**
 * The target form: an indicator, a financial year, and either a single value or a range `[low, high]`,
 * with an optional tolerance. Converts to the API's target body with {@link targetOfForm}.
 *
 * @example
 * ```ts
 * targetFormSchema.safeParse({ indicator: "ffd.contacts_swa_pct", financial_year: "FY2019-20",
 *   kind: "value", value: "60" }).success; // true
 * ```
 */
export const targetFormSchema = z
  .object({
    indicator: z.string().min(1, "Choose an indicator").max(100),
    financial_year: z.string().regex(/^FY\d{4}-\d{2}$/, "Enter a financial year such as FY2019-20"),
    kind: z.enum(["value", "range"], { error: "Choose a single value or a range" }),
    value: optionalNumber("The target"),
    low: optionalNumber("The low end"),
    high: optionalNumber("The high end"),
    tolerance: optionalNumber("The tolerance").pipe(
      z.number().nonnegative("The tolerance cannot be negative").optional(),
    ),
  })
  .superRefine((f, ctx) => {
    if (f.kind === "value" && f.value === undefined)
      ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the target" });
    if (f.kind === "range") {
      if (f.low === undefined) ctx.addIssue({ code: "custom", path: ["low"], message: "Enter the low end" });
      if (f.high === undefined)
        ctx.addIssue({ code: "custom", path: ["high"], message: "Enter the high end" });
      if (f.low !== undefined && f.high !== undefined && f.low > f.high)
        ctx.addIssue({
          code: "custom",
          path: ["high"],
          message: "The high end must not be below the low end",
        });
    }
  });
/** See {@link targetFormSchema}. */
export type TargetForm = z.infer<typeof targetFormSchema>;

/**
 * The API's target body from a valid target form.
 *
 * @param form - the parsed form
 * @returns `{ value, tolerance? }` or `{ range, tolerance? }`
 * @example
 * ```ts
 * targetOfForm({ indicator: "x", financial_year: "FY2019-20", kind: "value", value: 60, tolerance: 3 });
 * // { value: 60, tolerance: 3 }
 * ```
 */
export function targetOfForm(form: TargetForm): Target {
  const tolerance = form.tolerance === undefined ? {} : { tolerance: form.tolerance };
  const body =
    form.kind === "value"
      ? { value: form.value, ...tolerance }
      : { range: [form.low, form.high], ...tolerance };
  return targetSchema.parse(body);
}
