import { describe, expect, it } from "vitest";
import { bankHolidays, bankHolidayYears, type Division, divisionSchema } from "./bank-holidays.js";

// An independent derivation of the table from the rules (Easter computus, Monday rules, substitute
// days) plus the published exceptions, to check every one of the literal dates.
const iso = (y: number, m: number, d: number) =>
  `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
const utc = (s: string) => new Date(`${s}T00:00:00Z`);
const weekday = (s: string) => utc(s).getUTCDay(); // 0 = Sunday
const plusDays = (s: string, n: number) => {
  const d = utc(s);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const isWeekend = (s: string) => weekday(s) === 0 || weekday(s) === 6;

function easterSunday(y: number): string {
  // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return iso(y, Math.floor((h + l - 7 * m + 114) / 31), ((h + l - 7 * m + 114) % 31) + 1);
}
const firstMonday = (y: number, m: number) => {
  let d = iso(y, m, 1);
  while (weekday(d) !== 1) d = plusDays(d, 1);
  return d;
};
const lastMonday = (y: number, m: number) => {
  let d = plusDays(iso(y, m + 1, 1), -1);
  while (weekday(d) !== 1) d = plusDays(d, -1);
  return d;
};

function derived(division: Division, y: number): string[] {
  const days = new Set<string>();
  const easter = easterSunday(y);
  days.add(plusDays(easter, -2));
  if (division !== "scotland") days.add(plusDays(easter, 1));
  days.add(y === 2020 ? "2020-05-08" : firstMonday(y, 5)); // VE day 75th anniversary
  days.add(y === 2022 ? "2022-06-02" : lastMonday(y, 5)); // Platinum Jubilee
  days.add(division === "scotland" ? firstMonday(y, 8) : lastMonday(y, 8));
  if (y === 2022) for (const d of ["2022-06-03", "2022-09-19"]) days.add(d);
  if (y === 2023) days.add("2023-05-08");
  if (y === 2026 && division === "scotland") days.add("2026-06-15");
  const fixed = [iso(y, 1, 1)];
  if (division === "scotland") fixed.push(iso(y, 1, 2));
  if (division === "northern-ireland") fixed.push(iso(y, 3, 17), iso(y, 7, 12));
  if (division === "scotland") fixed.push(iso(y, 11, 30));
  fixed.push(iso(y, 12, 25), iso(y, 12, 26));
  for (const d of fixed) if (!isWeekend(d)) days.add(d);
  // A holiday at a weekend moves to the next weekday that is not already a holiday.
  for (const d of fixed) {
    if (!isWeekend(d)) continue;
    let s = plusDays(d, 1);
    while (isWeekend(s) || days.has(s)) s = plusDays(s, 1);
    days.add(s);
  }
  return [...days].sort();
}

const divisions = divisionSchema.options;

describe("bank-holiday table", () => {
  it("covers 2015 to 2028", () => {
    expect(bankHolidayYears).toEqual({ first: 2015, last: 2028 });
    for (const d of divisions) {
      const list = bankHolidays[d];
      expect(list[0]?.slice(0, 4)).toBe("2015");
      expect(list[list.length - 1]?.slice(0, 4)).toBe("2028");
    }
  });

  it("is sorted, without duplicates, and has only weekdays", () => {
    for (const d of divisions) {
      const list = bankHolidays[d];
      expect([...new Set(list)].sort()).toEqual(list);
      expect(list.filter(isWeekend)).toEqual([]);
    }
  });

  it("matches the rules plus the published exceptions in every year and division", () => {
    for (const d of divisions) {
      for (let y = bankHolidayYears.first; y <= bankHolidayYears.last; y++) {
        expect(
          bankHolidays[d].filter((s) => s.startsWith(`${y}-`)),
          `${d} ${y}`,
        ).toEqual(derived(d, y));
      }
    }
  });

  it("cannot be changed at run time", () => {
    expect(Object.isFrozen(bankHolidays)).toBe(true);
    expect(Object.isFrozen(bankHolidays.scotland)).toBe(true);
  });

  // Real holidays as published on GOV.UK for 2018–2024, year by year.
  it("lists England and Wales 2018–2024 as published", () => {
    const byYear = (y: number) => bankHolidays["england-and-wales"].filter((s) => s.startsWith(`${y}-`));
    expect(byYear(2018)).toEqual([
      "2018-01-01",
      "2018-03-30",
      "2018-04-02",
      "2018-05-07",
      "2018-05-28",
      "2018-08-27",
      "2018-12-25",
      "2018-12-26",
    ]);
    expect(byYear(2019)).toEqual([
      "2019-01-01",
      "2019-04-19",
      "2019-04-22",
      "2019-05-06",
      "2019-05-27",
      "2019-08-26",
      "2019-12-25",
      "2019-12-26",
    ]);
    expect(byYear(2020)).toEqual([
      "2020-01-01",
      "2020-04-10",
      "2020-04-13",
      "2020-05-08",
      "2020-05-25",
      "2020-08-31",
      "2020-12-25",
      "2020-12-28",
    ]);
    expect(byYear(2021)).toEqual([
      "2021-01-01",
      "2021-04-02",
      "2021-04-05",
      "2021-05-03",
      "2021-05-31",
      "2021-08-30",
      "2021-12-27",
      "2021-12-28",
    ]);
    expect(byYear(2022)).toEqual([
      "2022-01-03",
      "2022-04-15",
      "2022-04-18",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-08-29",
      "2022-09-19",
      "2022-12-26",
      "2022-12-27",
    ]);
    expect(byYear(2023)).toEqual([
      "2023-01-02",
      "2023-04-07",
      "2023-04-10",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-08-28",
      "2023-12-25",
      "2023-12-26",
    ]);
    expect(byYear(2024)).toEqual([
      "2024-01-01",
      "2024-03-29",
      "2024-04-01",
      "2024-05-06",
      "2024-05-27",
      "2024-08-26",
      "2024-12-25",
      "2024-12-26",
    ]);
  });

  it("lists Scotland 2018–2024 as published", () => {
    const byYear = (y: number) => bankHolidays.scotland.filter((s) => s.startsWith(`${y}-`));
    expect(byYear(2018)).toEqual([
      "2018-01-01",
      "2018-01-02",
      "2018-03-30",
      "2018-05-07",
      "2018-05-28",
      "2018-08-06",
      "2018-11-30",
      "2018-12-25",
      "2018-12-26",
    ]);
    expect(byYear(2019)).toEqual([
      "2019-01-01",
      "2019-01-02",
      "2019-04-19",
      "2019-05-06",
      "2019-05-27",
      "2019-08-05",
      "2019-12-02",
      "2019-12-25",
      "2019-12-26",
    ]);
    expect(byYear(2020)).toEqual([
      "2020-01-01",
      "2020-01-02",
      "2020-04-10",
      "2020-05-08",
      "2020-05-25",
      "2020-08-03",
      "2020-11-30",
      "2020-12-25",
      "2020-12-28",
    ]);
    expect(byYear(2021)).toEqual([
      "2021-01-01",
      "2021-01-04",
      "2021-04-02",
      "2021-05-03",
      "2021-05-31",
      "2021-08-02",
      "2021-11-30",
      "2021-12-27",
      "2021-12-28",
    ]);
    expect(byYear(2022)).toEqual([
      "2022-01-03",
      "2022-01-04",
      "2022-04-15",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-08-01",
      "2022-09-19",
      "2022-11-30",
      "2022-12-26",
      "2022-12-27",
    ]);
    expect(byYear(2023)).toEqual([
      "2023-01-02",
      "2023-01-03",
      "2023-04-07",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-08-07",
      "2023-11-30",
      "2023-12-25",
      "2023-12-26",
    ]);
    expect(byYear(2024)).toEqual([
      "2024-01-01",
      "2024-01-02",
      "2024-03-29",
      "2024-05-06",
      "2024-05-27",
      "2024-08-05",
      "2024-12-02",
      "2024-12-25",
      "2024-12-26",
    ]);
  });

  it("lists Northern Ireland 2018–2024 as published", () => {
    const byYear = (y: number) => bankHolidays["northern-ireland"].filter((s) => s.startsWith(`${y}-`));
    expect(byYear(2018)).toEqual([
      "2018-01-01",
      "2018-03-19",
      "2018-03-30",
      "2018-04-02",
      "2018-05-07",
      "2018-05-28",
      "2018-07-12",
      "2018-08-27",
      "2018-12-25",
      "2018-12-26",
    ]);
    expect(byYear(2019)).toEqual([
      "2019-01-01",
      "2019-03-18",
      "2019-04-19",
      "2019-04-22",
      "2019-05-06",
      "2019-05-27",
      "2019-07-12",
      "2019-08-26",
      "2019-12-25",
      "2019-12-26",
    ]);
    expect(byYear(2020)).toEqual([
      "2020-01-01",
      "2020-03-17",
      "2020-04-10",
      "2020-04-13",
      "2020-05-08",
      "2020-05-25",
      "2020-07-13",
      "2020-08-31",
      "2020-12-25",
      "2020-12-28",
    ]);
    expect(byYear(2021)).toEqual([
      "2021-01-01",
      "2021-03-17",
      "2021-04-02",
      "2021-04-05",
      "2021-05-03",
      "2021-05-31",
      "2021-07-12",
      "2021-08-30",
      "2021-12-27",
      "2021-12-28",
    ]);
    expect(byYear(2022)).toEqual([
      "2022-01-03",
      "2022-03-17",
      "2022-04-15",
      "2022-04-18",
      "2022-05-02",
      "2022-06-02",
      "2022-06-03",
      "2022-07-12",
      "2022-08-29",
      "2022-09-19",
      "2022-12-26",
      "2022-12-27",
    ]);
    expect(byYear(2023)).toEqual([
      "2023-01-02",
      "2023-03-17",
      "2023-04-07",
      "2023-04-10",
      "2023-05-01",
      "2023-05-08",
      "2023-05-29",
      "2023-07-12",
      "2023-08-28",
      "2023-12-25",
      "2023-12-26",
    ]);
    expect(byYear(2024)).toEqual([
      "2024-01-01",
      "2024-03-18",
      "2024-03-29",
      "2024-04-01",
      "2024-05-06",
      "2024-05-27",
      "2024-07-12",
      "2024-08-26",
      "2024-12-25",
      "2024-12-26",
    ]);
  });

  it("does not list the days the moved holidays left", () => {
    for (const d of divisions) {
      expect(bankHolidays[d]).not.toContain("2020-05-04");
      expect(bankHolidays[d]).not.toContain("2022-05-30");
    }
    expect(bankHolidays["england-and-wales"]).not.toContain("2026-06-15");
  });
});
