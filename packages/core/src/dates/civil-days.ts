/**
 * Day number (days since 1970-01-01) of a proleptic Gregorian calendar date, by Howard Hinnant's
 * days-from-civil algorithm: pure integer arithmetic, no `Date`, no allocation. The basis of every
 * date computation in the library, which runs millions of times in benchmarks.
 *
 * @param year - full year
 * @param month - 1–12
 * @param day - 1–31 (not checked against the month: validate first)
 * @returns days since 1970-01-01
 * @example
 * ```ts
 * dayNumberFromCivil(1970, 1, 2); // 1
 * dayNumberFromCivil(2019, 9, 30); // 18169
 * ```
 */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const yy = month <= 2 ? year - 1 : year;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The calendar date of a day number, by Howard Hinnant's civil-from-days algorithm (the inverse of
 * {@link dayNumberFromCivil}).
 *
 * @param dayNumber - days since 1970-01-01
 * @returns `[year, month (1–12), day]`
 * @example
 * ```ts
 * civilFromDayNumber(18169); // [2019, 9, 30]
 * ```
 */
export function civilFromDayNumber(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}
