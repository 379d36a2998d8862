/**
 * The sections of the quarterly report in the reference report's order (`GET /v1/reports` uses the
 * same ids). Fixed by the spec, so pages can draw each section's heading and skeleton before its
 * figures arrive.
 *
 * @example
 * ```ts
 * REPORT_SECTIONS[0]; // { id: "ffd", title: "Family Front Door" }
 * ```
 */
export const REPORT_SECTIONS = [
  { id: "ffd", title: "Family Front Door" },
  { id: "through_care", title: "Through Care" },
  { id: "cp", title: "Child Protection" },
  { id: "cin", title: "Children in Need" },
  { id: "vulnerabilities", title: "Additional Vulnerabilities" },
  { id: "staffing", title: "Staffing" },
] as const;
