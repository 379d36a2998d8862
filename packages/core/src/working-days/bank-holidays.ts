import { z } from "zod";
import type { IsoDate } from "../dates/iso-date.js";

/** The UK's three bank-holiday divisions, named as GOV.UK names them. */
export const divisionSchema = z.enum(["england-and-wales", "scotland", "northern-ireland"]);
/** See {@link divisionSchema}. `england-and-wales` is the default everywhere. */
export type Division = z.infer<typeof divisionSchema>;

/**
 * The calendar years the bank-holiday table covers, both included. Outside them a working-day
 * calendar still skips weekends but knows no holidays.
 *
 * @example
 * ```ts
 * bankHolidayYears.first; // 2015
 * bankHolidayYears.last; // 2028
 * ```
 */
export const bankHolidayYears: { readonly first: number; readonly last: number } = Object.freeze({
  first: 2015,
  last: 2028,
});

/**
 * The bank holidays of each division, 2015 to 2028, as dated days off (not rules): substitute days
 * for holidays falling at a weekend, moved days (8 May 2020 for VE day; 2 June 2022 for the Platinum
 * Jubilee) and one-off days (3 June 2022, 19 September 2022, 8 May 2023, and Scotland's 15 June 2026)
 * are all listed as they were observed. Sorted ascending within each division; every date is a weekday.
 *
 * Source: the GOV.UK bank-holidays data (https://www.gov.uk/bank-holidays.json), checked against an
 * independent derivation from the statutory rules plus the known exceptions (see
 * `docs/decisions/011-bank-holiday-table.md`). Add local closure days with the `extraHolidays` option
 * of the working-day functions, not by editing this table.
 *
 * @example
 * ```ts
 * bankHolidays["england-and-wales"].includes("2022-09-19"); // true
 * bankHolidays.scotland.includes("2019-08-05"); // true
 * bankHolidays["northern-ireland"].includes("2019-07-12"); // true
 * ```
 */
export const bankHolidays: Readonly<Record<Division, readonly IsoDate[]>> = Object.freeze({
  "england-and-wales": Object.freeze([
    // 2015
    "2015-01-01", // Thu, New Year's Day
    "2015-04-03", // Fri, Good Friday
    "2015-04-06", // Mon, Easter Monday
    "2015-05-04", // Mon, Early May bank holiday
    "2015-05-25", // Mon, Spring bank holiday
    "2015-08-31", // Mon, Summer bank holiday
    "2015-12-25", // Fri, Christmas Day
    "2015-12-28", // Mon, Boxing Day (substitute day)
    // 2016
    "2016-01-01", // Fri, New Year's Day
    "2016-03-25", // Fri, Good Friday
    "2016-03-28", // Mon, Easter Monday
    "2016-05-02", // Mon, Early May bank holiday
    "2016-05-30", // Mon, Spring bank holiday
    "2016-08-29", // Mon, Summer bank holiday
    "2016-12-26", // Mon, Boxing Day
    "2016-12-27", // Tue, Christmas Day (substitute day)
    // 2017
    "2017-01-02", // Mon, New Year's Day (substitute day)
    "2017-04-14", // Fri, Good Friday
    "2017-04-17", // Mon, Easter Monday
    "2017-05-01", // Mon, Early May bank holiday
    "2017-05-29", // Mon, Spring bank holiday
    "2017-08-28", // Mon, Summer bank holiday
    "2017-12-25", // Mon, Christmas Day
    "2017-12-26", // Tue, Boxing Day
    // 2018
    "2018-01-01", // Mon, New Year's Day
    "2018-03-30", // Fri, Good Friday
    "2018-04-02", // Mon, Easter Monday
    "2018-05-07", // Mon, Early May bank holiday
    "2018-05-28", // Mon, Spring bank holiday
    "2018-08-27", // Mon, Summer bank holiday
    "2018-12-25", // Tue, Christmas Day
    "2018-12-26", // Wed, Boxing Day
    // 2019
    "2019-01-01", // Tue, New Year's Day
    "2019-04-19", // Fri, Good Friday
    "2019-04-22", // Mon, Easter Monday
    "2019-05-06", // Mon, Early May bank holiday
    "2019-05-27", // Mon, Spring bank holiday
    "2019-08-26", // Mon, Summer bank holiday
    "2019-12-25", // Wed, Christmas Day
    "2019-12-26", // Thu, Boxing Day
    // 2020
    "2020-01-01", // Wed, New Year's Day
    "2020-04-10", // Fri, Good Friday
    "2020-04-13", // Mon, Easter Monday
    "2020-05-08", // Fri, Early May bank holiday, moved from Monday 4 May for the 75th anniversary of VE day
    "2020-05-25", // Mon, Spring bank holiday
    "2020-08-31", // Mon, Summer bank holiday
    "2020-12-25", // Fri, Christmas Day
    "2020-12-28", // Mon, Boxing Day (substitute day)
    // 2021
    "2021-01-01", // Fri, New Year's Day
    "2021-04-02", // Fri, Good Friday
    "2021-04-05", // Mon, Easter Monday
    "2021-05-03", // Mon, Early May bank holiday
    "2021-05-31", // Mon, Spring bank holiday
    "2021-08-30", // Mon, Summer bank holiday
    "2021-12-27", // Mon, Christmas Day (substitute day)
    "2021-12-28", // Tue, Boxing Day (substitute day)
    // 2022
    "2022-01-03", // Mon, New Year's Day (substitute day)
    "2022-04-15", // Fri, Good Friday
    "2022-04-18", // Mon, Easter Monday
    "2022-05-02", // Mon, Early May bank holiday
    "2022-06-02", // Thu, Spring bank holiday, moved from Monday 30 May for the Platinum Jubilee
    "2022-06-03", // Fri, Platinum Jubilee bank holiday (one-off)
    "2022-08-29", // Mon, Summer bank holiday
    "2022-09-19", // Mon, Bank holiday for the State Funeral of Queen Elizabeth II (one-off)
    "2022-12-26", // Mon, Boxing Day
    "2022-12-27", // Tue, Christmas Day (substitute day)
    // 2023
    "2023-01-02", // Mon, New Year's Day (substitute day)
    "2023-04-07", // Fri, Good Friday
    "2023-04-10", // Mon, Easter Monday
    "2023-05-01", // Mon, Early May bank holiday
    "2023-05-08", // Mon, Bank holiday for the coronation of King Charles III (one-off)
    "2023-05-29", // Mon, Spring bank holiday
    "2023-08-28", // Mon, Summer bank holiday
    "2023-12-25", // Mon, Christmas Day
    "2023-12-26", // Tue, Boxing Day
    // 2024
    "2024-01-01", // Mon, New Year's Day
    "2024-03-29", // Fri, Good Friday
    "2024-04-01", // Mon, Easter Monday
    "2024-05-06", // Mon, Early May bank holiday
    "2024-05-27", // Mon, Spring bank holiday
    "2024-08-26", // Mon, Summer bank holiday
    "2024-12-25", // Wed, Christmas Day
    "2024-12-26", // Thu, Boxing Day
    // 2025
    "2025-01-01", // Wed, New Year's Day
    "2025-04-18", // Fri, Good Friday
    "2025-04-21", // Mon, Easter Monday
    "2025-05-05", // Mon, Early May bank holiday
    "2025-05-26", // Mon, Spring bank holiday
    "2025-08-25", // Mon, Summer bank holiday
    "2025-12-25", // Thu, Christmas Day
    "2025-12-26", // Fri, Boxing Day
    // 2026
    "2026-01-01", // Thu, New Year's Day
    "2026-04-03", // Fri, Good Friday
    "2026-04-06", // Mon, Easter Monday
    "2026-05-04", // Mon, Early May bank holiday
    "2026-05-25", // Mon, Spring bank holiday
    "2026-08-31", // Mon, Summer bank holiday
    "2026-12-25", // Fri, Christmas Day
    "2026-12-28", // Mon, Boxing Day (substitute day)
    // 2027
    "2027-01-01", // Fri, New Year's Day
    "2027-03-26", // Fri, Good Friday
    "2027-03-29", // Mon, Easter Monday
    "2027-05-03", // Mon, Early May bank holiday
    "2027-05-31", // Mon, Spring bank holiday
    "2027-08-30", // Mon, Summer bank holiday
    "2027-12-27", // Mon, Christmas Day (substitute day)
    "2027-12-28", // Tue, Boxing Day (substitute day)
    // 2028
    "2028-01-03", // Mon, New Year's Day (substitute day)
    "2028-04-14", // Fri, Good Friday
    "2028-04-17", // Mon, Easter Monday
    "2028-05-01", // Mon, Early May bank holiday
    "2028-05-29", // Mon, Spring bank holiday
    "2028-08-28", // Mon, Summer bank holiday
    "2028-12-25", // Mon, Christmas Day
    "2028-12-26", // Tue, Boxing Day
  ]),
  scotland: Object.freeze([
    // 2015
    "2015-01-01", // Thu, New Year's Day
    "2015-01-02", // Fri, 2nd January
    "2015-04-03", // Fri, Good Friday
    "2015-05-04", // Mon, Early May bank holiday
    "2015-05-25", // Mon, Spring bank holiday
    "2015-08-03", // Mon, Summer bank holiday
    "2015-11-30", // Mon, St Andrew's Day
    "2015-12-25", // Fri, Christmas Day
    "2015-12-28", // Mon, Boxing Day (substitute day)
    // 2016
    "2016-01-01", // Fri, New Year's Day
    "2016-01-04", // Mon, 2nd January (substitute day)
    "2016-03-25", // Fri, Good Friday
    "2016-05-02", // Mon, Early May bank holiday
    "2016-05-30", // Mon, Spring bank holiday
    "2016-08-01", // Mon, Summer bank holiday
    "2016-11-30", // Wed, St Andrew's Day
    "2016-12-26", // Mon, Boxing Day
    "2016-12-27", // Tue, Christmas Day (substitute day)
    // 2017
    "2017-01-02", // Mon, 2nd January
    "2017-01-03", // Tue, New Year's Day (substitute day)
    "2017-04-14", // Fri, Good Friday
    "2017-05-01", // Mon, Early May bank holiday
    "2017-05-29", // Mon, Spring bank holiday
    "2017-08-07", // Mon, Summer bank holiday
    "2017-11-30", // Thu, St Andrew's Day
    "2017-12-25", // Mon, Christmas Day
    "2017-12-26", // Tue, Boxing Day
    // 2018
    "2018-01-01", // Mon, New Year's Day
    "2018-01-02", // Tue, 2nd January
    "2018-03-30", // Fri, Good Friday
    "2018-05-07", // Mon, Early May bank holiday
    "2018-05-28", // Mon, Spring bank holiday
    "2018-08-06", // Mon, Summer bank holiday
    "2018-11-30", // Fri, St Andrew's Day
    "2018-12-25", // Tue, Christmas Day
    "2018-12-26", // Wed, Boxing Day
    // 2019
    "2019-01-01", // Tue, New Year's Day
    "2019-01-02", // Wed, 2nd January
    "2019-04-19", // Fri, Good Friday
    "2019-05-06", // Mon, Early May bank holiday
    "2019-05-27", // Mon, Spring bank holiday
    "2019-08-05", // Mon, Summer bank holiday
    "2019-12-02", // Mon, St Andrew's Day (substitute day)
    "2019-12-25", // Wed, Christmas Day
    "2019-12-26", // Thu, Boxing Day
    // 2020
    "2020-01-01", // Wed, New Year's Day
    "2020-01-02", // Thu, 2nd January
    "2020-04-10", // Fri, Good Friday
    "2020-05-08", // Fri, Early May bank holiday, moved from Monday 4 May for the 75th anniversary of VE day
    "2020-05-25", // Mon, Spring bank holiday
    "2020-08-03", // Mon, Summer bank holiday
    "2020-11-30", // Mon, St Andrew's Day
    "2020-12-25", // Fri, Christmas Day
    "2020-12-28", // Mon, Boxing Day (substitute day)
    // 2021
    "2021-01-01", // Fri, New Year's Day
    "2021-01-04", // Mon, 2nd January (substitute day)
    "2021-04-02", // Fri, Good Friday
    "2021-05-03", // Mon, Early May bank holiday
    "2021-05-31", // Mon, Spring bank holiday
    "2021-08-02", // Mon, Summer bank holiday
    "2021-11-30", // Tue, St Andrew's Day
    "2021-12-27", // Mon, Christmas Day (substitute day)
    "2021-12-28", // Tue, Boxing Day (substitute day)
    // 2022
    "2022-01-03", // Mon, New Year's Day (substitute day)
    "2022-01-04", // Tue, 2nd January (substitute day)
    "2022-04-15", // Fri, Good Friday
    "2022-05-02", // Mon, Early May bank holiday
    "2022-06-02", // Thu, Spring bank holiday, moved from Monday 30 May for the Platinum Jubilee
    "2022-06-03", // Fri, Platinum Jubilee bank holiday (one-off)
    "2022-08-01", // Mon, Summer bank holiday
    "2022-09-19", // Mon, Bank holiday for the State Funeral of Queen Elizabeth II (one-off)
    "2022-11-30", // Wed, St Andrew's Day
    "2022-12-26", // Mon, Boxing Day
    "2022-12-27", // Tue, Christmas Day (substitute day)
    // 2023
    "2023-01-02", // Mon, 2nd January
    "2023-01-03", // Tue, New Year's Day (substitute day)
    "2023-04-07", // Fri, Good Friday
    "2023-05-01", // Mon, Early May bank holiday
    "2023-05-08", // Mon, Bank holiday for the coronation of King Charles III (one-off)
    "2023-05-29", // Mon, Spring bank holiday
    "2023-08-07", // Mon, Summer bank holiday
    "2023-11-30", // Thu, St Andrew's Day
    "2023-12-25", // Mon, Christmas Day
    "2023-12-26", // Tue, Boxing Day
    // 2024
    "2024-01-01", // Mon, New Year's Day
    "2024-01-02", // Tue, 2nd January
    "2024-03-29", // Fri, Good Friday
    "2024-05-06", // Mon, Early May bank holiday
    "2024-05-27", // Mon, Spring bank holiday
    "2024-08-05", // Mon, Summer bank holiday
    "2024-12-02", // Mon, St Andrew's Day (substitute day)
    "2024-12-25", // Wed, Christmas Day
    "2024-12-26", // Thu, Boxing Day
    // 2025
    "2025-01-01", // Wed, New Year's Day
    "2025-01-02", // Thu, 2nd January
    "2025-04-18", // Fri, Good Friday
    "2025-05-05", // Mon, Early May bank holiday
    "2025-05-26", // Mon, Spring bank holiday
    "2025-08-04", // Mon, Summer bank holiday
    "2025-12-01", // Mon, St Andrew's Day (substitute day)
    "2025-12-25", // Thu, Christmas Day
    "2025-12-26", // Fri, Boxing Day
    // 2026
    "2026-01-01", // Thu, New Year's Day
    "2026-01-02", // Fri, 2nd January
    "2026-04-03", // Fri, Good Friday
    "2026-05-04", // Mon, Early May bank holiday
    "2026-05-25", // Mon, Spring bank holiday
    "2026-06-15", // Mon, World Cup bank holiday (one-off, Scotland only)
    "2026-08-03", // Mon, Summer bank holiday
    "2026-11-30", // Mon, St Andrew's Day
    "2026-12-25", // Fri, Christmas Day
    "2026-12-28", // Mon, Boxing Day (substitute day)
    // 2027
    "2027-01-01", // Fri, New Year's Day
    "2027-01-04", // Mon, 2nd January (substitute day)
    "2027-03-26", // Fri, Good Friday
    "2027-05-03", // Mon, Early May bank holiday
    "2027-05-31", // Mon, Spring bank holiday
    "2027-08-02", // Mon, Summer bank holiday
    "2027-11-30", // Tue, St Andrew's Day
    "2027-12-27", // Mon, Christmas Day (substitute day)
    "2027-12-28", // Tue, Boxing Day (substitute day)
    // 2028
    "2028-01-03", // Mon, New Year's Day (substitute day)
    "2028-01-04", // Tue, 2nd January (substitute day)
    "2028-04-14", // Fri, Good Friday
    "2028-05-01", // Mon, Early May bank holiday
    "2028-05-29", // Mon, Spring bank holiday
    "2028-08-07", // Mon, Summer bank holiday
    "2028-11-30", // Thu, St Andrew's Day
    "2028-12-25", // Mon, Christmas Day
    "2028-12-26", // Tue, Boxing Day
  ]),
  "northern-ireland": Object.freeze([
    // 2015
    "2015-01-01", // Thu, New Year's Day
    "2015-03-17", // Tue, St Patrick's Day
    "2015-04-03", // Fri, Good Friday
    "2015-04-06", // Mon, Easter Monday
    "2015-05-04", // Mon, Early May bank holiday
    "2015-05-25", // Mon, Spring bank holiday
    "2015-07-13", // Mon, Battle of the Boyne (Orangemen's Day) (substitute day)
    "2015-08-31", // Mon, Summer bank holiday
    "2015-12-25", // Fri, Christmas Day
    "2015-12-28", // Mon, Boxing Day (substitute day)
    // 2016
    "2016-01-01", // Fri, New Year's Day
    "2016-03-17", // Thu, St Patrick's Day
    "2016-03-25", // Fri, Good Friday
    "2016-03-28", // Mon, Easter Monday
    "2016-05-02", // Mon, Early May bank holiday
    "2016-05-30", // Mon, Spring bank holiday
    "2016-07-12", // Tue, Battle of the Boyne (Orangemen's Day)
    "2016-08-29", // Mon, Summer bank holiday
    "2016-12-26", // Mon, Boxing Day
    "2016-12-27", // Tue, Christmas Day (substitute day)
    // 2017
    "2017-01-02", // Mon, New Year's Day (substitute day)
    "2017-03-17", // Fri, St Patrick's Day
    "2017-04-14", // Fri, Good Friday
    "2017-04-17", // Mon, Easter Monday
    "2017-05-01", // Mon, Early May bank holiday
    "2017-05-29", // Mon, Spring bank holiday
    "2017-07-12", // Wed, Battle of the Boyne (Orangemen's Day)
    "2017-08-28", // Mon, Summer bank holiday
    "2017-12-25", // Mon, Christmas Day
    "2017-12-26", // Tue, Boxing Day
    // 2018
    "2018-01-01", // Mon, New Year's Day
    "2018-03-19", // Mon, St Patrick's Day (substitute day)
    "2018-03-30", // Fri, Good Friday
    "2018-04-02", // Mon, Easter Monday
    "2018-05-07", // Mon, Early May bank holiday
    "2018-05-28", // Mon, Spring bank holiday
    "2018-07-12", // Thu, Battle of the Boyne (Orangemen's Day)
    "2018-08-27", // Mon, Summer bank holiday
    "2018-12-25", // Tue, Christmas Day
    "2018-12-26", // Wed, Boxing Day
    // 2019
    "2019-01-01", // Tue, New Year's Day
    "2019-03-18", // Mon, St Patrick's Day (substitute day)
    "2019-04-19", // Fri, Good Friday
    "2019-04-22", // Mon, Easter Monday
    "2019-05-06", // Mon, Early May bank holiday
    "2019-05-27", // Mon, Spring bank holiday
    "2019-07-12", // Fri, Battle of the Boyne (Orangemen's Day)
    "2019-08-26", // Mon, Summer bank holiday
    "2019-12-25", // Wed, Christmas Day
    "2019-12-26", // Thu, Boxing Day
    // 2020
    "2020-01-01", // Wed, New Year's Day
    "2020-03-17", // Tue, St Patrick's Day
    "2020-04-10", // Fri, Good Friday
    "2020-04-13", // Mon, Easter Monday
    "2020-05-08", // Fri, Early May bank holiday, moved from Monday 4 May for the 75th anniversary of VE day
    "2020-05-25", // Mon, Spring bank holiday
    "2020-07-13", // Mon, Battle of the Boyne (Orangemen's Day) (substitute day)
    "2020-08-31", // Mon, Summer bank holiday
    "2020-12-25", // Fri, Christmas Day
    "2020-12-28", // Mon, Boxing Day (substitute day)
    // 2021
    "2021-01-01", // Fri, New Year's Day
    "2021-03-17", // Wed, St Patrick's Day
    "2021-04-02", // Fri, Good Friday
    "2021-04-05", // Mon, Easter Monday
    "2021-05-03", // Mon, Early May bank holiday
    "2021-05-31", // Mon, Spring bank holiday
    "2021-07-12", // Mon, Battle of the Boyne (Orangemen's Day)
    "2021-08-30", // Mon, Summer bank holiday
    "2021-12-27", // Mon, Christmas Day (substitute day)
    "2021-12-28", // Tue, Boxing Day (substitute day)
    // 2022
    "2022-01-03", // Mon, New Year's Day (substitute day)
    "2022-03-17", // Thu, St Patrick's Day
    "2022-04-15", // Fri, Good Friday
    "2022-04-18", // Mon, Easter Monday
    "2022-05-02", // Mon, Early May bank holiday
    "2022-06-02", // Thu, Spring bank holiday, moved from Monday 30 May for the Platinum Jubilee
    "2022-06-03", // Fri, Platinum Jubilee bank holiday (one-off)
    "2022-07-12", // Tue, Battle of the Boyne (Orangemen's Day)
    "2022-08-29", // Mon, Summer bank holiday
    "2022-09-19", // Mon, Bank holiday for the State Funeral of Queen Elizabeth II (one-off)
    "2022-12-26", // Mon, Boxing Day
    "2022-12-27", // Tue, Christmas Day (substitute day)
    // 2023
    "2023-01-02", // Mon, New Year's Day (substitute day)
    "2023-03-17", // Fri, St Patrick's Day
    "2023-04-07", // Fri, Good Friday
    "2023-04-10", // Mon, Easter Monday
    "2023-05-01", // Mon, Early May bank holiday
    "2023-05-08", // Mon, Bank holiday for the coronation of King Charles III (one-off)
    "2023-05-29", // Mon, Spring bank holiday
    "2023-07-12", // Wed, Battle of the Boyne (Orangemen's Day)
    "2023-08-28", // Mon, Summer bank holiday
    "2023-12-25", // Mon, Christmas Day
    "2023-12-26", // Tue, Boxing Day
    // 2024
    "2024-01-01", // Mon, New Year's Day
    "2024-03-18", // Mon, St Patrick's Day (substitute day)
    "2024-03-29", // Fri, Good Friday
    "2024-04-01", // Mon, Easter Monday
    "2024-05-06", // Mon, Early May bank holiday
    "2024-05-27", // Mon, Spring bank holiday
    "2024-07-12", // Fri, Battle of the Boyne (Orangemen's Day)
    "2024-08-26", // Mon, Summer bank holiday
    "2024-12-25", // Wed, Christmas Day
    "2024-12-26", // Thu, Boxing Day
    // 2025
    "2025-01-01", // Wed, New Year's Day
    "2025-03-17", // Mon, St Patrick's Day
    "2025-04-18", // Fri, Good Friday
    "2025-04-21", // Mon, Easter Monday
    "2025-05-05", // Mon, Early May bank holiday
    "2025-05-26", // Mon, Spring bank holiday
    "2025-07-14", // Mon, Battle of the Boyne (Orangemen's Day) (substitute day)
    "2025-08-25", // Mon, Summer bank holiday
    "2025-12-25", // Thu, Christmas Day
    "2025-12-26", // Fri, Boxing Day
    // 2026
    "2026-01-01", // Thu, New Year's Day
    "2026-03-17", // Tue, St Patrick's Day
    "2026-04-03", // Fri, Good Friday
    "2026-04-06", // Mon, Easter Monday
    "2026-05-04", // Mon, Early May bank holiday
    "2026-05-25", // Mon, Spring bank holiday
    "2026-07-13", // Mon, Battle of the Boyne (Orangemen's Day) (substitute day)
    "2026-08-31", // Mon, Summer bank holiday
    "2026-12-25", // Fri, Christmas Day
    "2026-12-28", // Mon, Boxing Day (substitute day)
    // 2027
    "2027-01-01", // Fri, New Year's Day
    "2027-03-17", // Wed, St Patrick's Day
    "2027-03-26", // Fri, Good Friday
    "2027-03-29", // Mon, Easter Monday
    "2027-05-03", // Mon, Early May bank holiday
    "2027-05-31", // Mon, Spring bank holiday
    "2027-07-12", // Mon, Battle of the Boyne (Orangemen's Day)
    "2027-08-30", // Mon, Summer bank holiday
    "2027-12-27", // Mon, Christmas Day (substitute day)
    "2027-12-28", // Tue, Boxing Day (substitute day)
    // 2028
    "2028-01-03", // Mon, New Year's Day (substitute day)
    "2028-03-17", // Fri, St Patrick's Day
    "2028-04-14", // Fri, Good Friday
    "2028-04-17", // Mon, Easter Monday
    "2028-05-01", // Mon, Early May bank holiday
    "2028-05-29", // Mon, Spring bank holiday
    "2028-07-12", // Wed, Battle of the Boyne (Orangemen's Day)
    "2028-08-28", // Mon, Summer bank holiday
    "2028-12-25", // Mon, Christmas Day
    "2028-12-26", // Tue, Boxing Day
  ]),
});
