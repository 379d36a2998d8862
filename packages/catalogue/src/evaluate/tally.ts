/**
 * Running sums of one figure: `numerator` (what is counted, or the count itself), `denominator`
 * (what it is out of) and `units` (how many records were added).
 */
export interface TallyCell {
  numerator: number;
  denominator: number;
  units: number;
}

/**
 * The sums of a formula over its records: the total and, when a breakdown is asked for, one cell per
 * value of the breakdown field (`null` for records without it). Formulas only call `add`, so every
 * indicator gets breakdowns without writing its own grouping.
 *
 * @example
 * ```ts
 * const t = createTally("source");
 * t.add({ source: "2A" }, 1);
 * t.add({ source: null }, 0);
 * t.total.denominator; // 2
 * t.groups?.get("2A")?.numerator; // 1
 * ```
 */
export interface Tally {
  /** The breakdown field, or `null` for no breakdown. */
  readonly by: string | null;
  /** Sums over every record added. */
  readonly total: TallyCell;
  /** Sums per group key, or `null` when there is no breakdown. */
  readonly groups: Map<string | null, TallyCell> | null;
  /**
   * Add one record.
   *
   * @param record - the record whose breakdown field decides the group
   * @param numerator - its contribution to the numerator (1 when counted, 0 when not)
   * @param denominator - its contribution to the denominator (default 1)
   */
  add(record: object, numerator: number, denominator?: number): void;
}

/**
 * The group key of a record for a breakdown field: the field's value as text, or `null` when the
 * record has none.
 *
 * @param record - any record
 * @param field - the breakdown field
 * @returns the key
 * @example
 * ```ts
 * groupKeyOf({ level_of_need: 4 }, "level_of_need"); // "4"
 * groupKeyOf({ team: null }, "team"); // null
 * ```
 */
export function groupKeyOf(record: object, field: string): string | null {
  const v = (record as Record<string, unknown>)[field];
  if (v === null || v === undefined || v === "") return null;
  return String(v);
}

/**
 * A fresh {@link Tally}.
 *
 * @param by - the breakdown field, or `null` for the total only
 * @returns an empty tally
 * @example
 * ```ts
 * const t = createTally(null);
 * t.add({}, 1);
 * t.add({}, 1);
 * t.total.numerator; // 2
 * t.groups; // null
 * ```
 */
export function createTally(by: string | null): Tally {
  const total: TallyCell = { numerator: 0, denominator: 0, units: 0 };
  const groups = by === null ? null : new Map<string | null, TallyCell>();
  return {
    by,
    total,
    groups,
    add(record, numerator, denominator = 1) {
      total.numerator += numerator;
      total.denominator += denominator;
      total.units += 1;
      if (groups === null || by === null) return;
      const key = groupKeyOf(record, by);
      let cell = groups.get(key);
      if (cell === undefined) {
        cell = { numerator: 0, denominator: 0, units: 0 };
        groups.set(key, cell);
      }
      cell.numerator += numerator;
      cell.denominator += denominator;
      cell.units += 1;
    },
  };
}
