import { isIsoDate } from "@kpi/core";

/**
 * The date a care leaver's OC3 status is recorded as: the young person's birthday within the 903
 * return year (1 April to 31 March), since the 903 asks for their situation "around their birthday".
 * A 29 February birthday falls on 1 March in a year without one (as `ageOn` counts it).
 *
 * @param dateOfBirth - ISO date of birth
 * @param returnYear - the year in which the return's 31 March falls (2020 for 2019-20)
 * @returns the ISO birthday date inside the return year
 * @example
 * ```ts
 * oc3Date("2001-06-14", 2020); // "2019-06-14"
 * oc3Date("2001-02-03", 2020); // "2020-02-03"
 * oc3Date("2000-02-29", 2019); // "2019-03-01"
 * ```
 */
export function oc3Date(dateOfBirth: string, returnYear: number): string {
  const month = Number(dateOfBirth.slice(5, 7));
  const day = Number(dateOfBirth.slice(8, 10));
  const year = month >= 4 ? returnYear - 1 : returnYear;
  const mm = String(month).padStart(2, "0");
  const dd = String(day).padStart(2, "0");
  const iso = `${year}-${mm}-${dd}`;
  return isIsoDate(iso) ? iso : `${year}-03-01`;
}
