/**
 * The sections of the quarterly report, in the reference report's order. Every indicator's `section`
 * is one of these ids.
 *
 * @example
 * ```ts
 * reportSections.map((s) => s.id); // ["ffd", "through_care", "cp", "cin", "vulnerabilities", "staffing"]
 * ```
 */
export const reportSections = [
  { id: "ffd", title: "Family Front Door" },
  { id: "through_care", title: "Through Care" },
  { id: "cp", title: "Child Protection" },
  { id: "cin", title: "Children in Need" },
  { id: "vulnerabilities", title: "Additional Vulnerabilities" },
  { id: "staffing", title: "Staffing" },
] as const satisfies readonly { id: string; title: string }[];

/** The id of a report section. */
export type ReportSectionId = (typeof reportSections)[number]["id"];
