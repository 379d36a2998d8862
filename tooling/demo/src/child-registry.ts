import type { ChildRecord } from "@kpi/catalogue";
import type { DemoCalendar } from "./calendar.js";
import type { Random } from "./random.js";

const ETHNICITY: readonly (readonly [string, number])[] = [
  ["WBRI", 780],
  ["WIRI", 4],
  ["WIRT", 6],
  ["WOTH", 40],
  ["WROM", 4],
  ["MWBC", 30],
  ["MWBA", 8],
  ["MWAS", 12],
  ["MOTH", 20],
  ["AIND", 10],
  ["APKN", 30],
  ["ABAN", 6],
  ["AOTH", 5],
  ["BCRB", 5],
  ["BAFR", 10],
  ["BOTH", 3],
  ["CHNE", 2],
  ["OOTH", 10],
  ["REFU", 5],
  ["NOBT", 10],
];

/** Share of children whose date of birth the demo leaves unrecorded (records with a gap, as in life). */
const MISSING_DOB_SHARE = 0.004;

/**
 * The demo's children: a sequence of fake identifiers (`CH000123`) with dates of birth and the other
 * `children` fields. Every generator that needs a child asks the registry, so all datasets link up.
 *
 * @example
 * ```ts
 * const reg = new ChildRegistry(new Random(1), new DemoCalendar("FY2016-17", "FY2019-20-Q2"));
 * const i = reg.createAged(7, reg.calendar.first);
 * reg.id(i); // "CH000001"
 * ```
 */
export class ChildRegistry {
  private readonly dobs: number[] = [];
  private readonly sexes: ("M" | "F" | "U")[] = [];
  private readonly ethnicities: (string | null)[] = [];
  private readonly disabledFlags: (boolean | null)[] = [];
  private readonly ids: string[] = [];

  /**
   * @param rng - random source for the children's attributes
   * @param calendar - the demo calendar
   */
  constructor(
    private readonly rng: Random,
    readonly calendar: DemoCalendar,
  ) {}

  /** How many children exist. */
  get size(): number {
    return this.dobs.length;
  }

  /**
   * Create a child aged `age` whole years on `day` (birthday anywhere in that year of life).
   *
   * @param age - whole years, 0–25
   * @param day - the day the age holds on
   * @returns the child's index
   */
  createAged(age: number, day: number): number {
    const youngest = this.calendar.addYears(day, -age);
    const dob = youngest - this.rng.int(0, 364);
    return this.createBorn(dob);
  }

  /**
   * Create a child born on a day.
   *
   * @param dob - day number of the date of birth
   * @param disabled - force the disability flag (short-break children are disabled)
   * @returns the child's index
   */
  createBorn(dob: number, disabled?: boolean): number {
    const rng = this.rng;
    const index = this.dobs.length;
    this.dobs.push(dob);
    this.sexes.push(rng.chance(0.006) ? "U" : rng.chance(0.52) ? "M" : "F");
    this.ethnicities.push(rng.chance(0.03) ? null : rng.weighted(ETHNICITY));
    this.disabledFlags.push(disabled ?? (rng.chance(0.12) ? null : rng.chance(0.07)));
    this.ids.push(`CH${String(index + 1).padStart(6, "0")}`);
    return index;
  }

  /** The child's identifier. */
  id(index: number): string {
    return this.ids[index] as string;
  }

  /** Day number of the child's date of birth. */
  dob(index: number): number {
    return this.dobs[index] as number;
  }

  /**
   * Whole years of age on a day, as `ageOn` counts them (comparing month and day works for a
   * 29 February birthday too: it is reached on 1 March in other years).
   */
  ageOn(index: number, day: number): number {
    const dob = this.dob(index);
    const cal = this.calendar;
    const age = cal.yearOf(day) - cal.yearOf(dob);
    return cal.monthDayOf(day) < cal.monthDayOf(dob) ? age - 1 : age;
  }

  /** The day a child reaches an age. */
  birthday(index: number, age: number): number {
    return this.calendar.addYears(this.dob(index), age);
  }

  /**
   * The `children` records, in identifier order. A few children have no recorded date of birth, as in
   * real extracts; measures that need an age leave them out and say so.
   *
   * @param protectedChildren - children whose date of birth must be kept (care leavers, looked-after)
   */
  records(protectedChildren: ReadonlySet<number>): ChildRecord[] {
    const out: ChildRecord[] = new Array(this.size);
    const rng = this.rng;
    for (let i = 0; i < this.size; i++) {
      const missing = !protectedChildren.has(i) && rng.chance(MISSING_DOB_SHARE);
      out[i] = {
        child_id: this.ids[i] as string,
        date_of_birth: missing ? null : this.calendar.date(this.dobs[i] as number),
        sex: this.sexes[i] as "M" | "F" | "U",
        ethnicity: this.ethnicities[i] as string | null,
        disabled: this.disabledFlags[i] as boolean | null,
        expected_date_of_birth: null,
        date_of_death: null,
        disabilities: null,
      };
    }
    return out;
  }
}
