import { z } from "zod";
import { CoreError } from "../errors/core-error.js";

/** The symbol published in place of a suppressed figure (as in DfE and ONS tables). */
export const SUPPRESSED = "c";

/** The default disclosure threshold: counts from 1 to 5 are suppressed. */
export const DEFAULT_DISCLOSURE_THRESHOLD = 5;

const countCell = z.number().finite().nonnegative().nullable();

/**
 * One row of a table to publish: a count and, optionally, a numerator, a denominator and a value
 * (percentage or rate) derived from them.
 */
export const disclosureRowSchema = z.object({
  key: z.string(),
  count: countCell,
  numerator: countCell.optional(),
  denominator: countCell.optional(),
  value: z.number().finite().nullable().optional(),
});
/** See {@link disclosureRowSchema}. */
export type DisclosureRow = z.infer<typeof disclosureRowSchema>;

/** A published cell: the figure, `null` when there is none, or `"c"` when suppressed. */
export type DisclosureCell = number | null | typeof SUPPRESSED;

/** A row after disclosure control; optional fields appear only when the input row had them. */
export interface SuppressedRow {
  /** The row's key, unchanged. */
  key: string;
  /** The count or `"c"`. */
  count: DisclosureCell;
  /** The numerator or `"c"`. */
  numerator?: DisclosureCell;
  /** The denominator or `"c"`. */
  denominator?: DisclosureCell;
  /** The derived value or `"c"`. */
  value?: DisclosureCell;
  /** Whether any cell of the row is suppressed. */
  suppressed: boolean;
  /** Why cells were suppressed (never the figures themselves); `null` when none were. */
  reason: string | null;
}

/** A table after disclosure control. */
export interface SuppressedTable {
  /** The rows, in input order. */
  rows: SuppressedRow[];
  /** The total row, when the input had one. */
  total?: SuppressedRow;
  /** The threshold applied. */
  threshold: number;
}

/** Options of {@link suppressTable}. */
export interface SuppressOptions {
  /** Counts from 1 to this are suppressed; default 5; 0 turns disclosure control off. */
  threshold?: number;
}

const COUNT_FIELDS = ["count", "numerator", "denominator"] as const;
type CountField = (typeof COUNT_FIELDS)[number];
type Mark = "primary" | "secondary";

const REASONS = {
  primary: (threshold: number) => `A count from 1 to ${threshold} is suppressed.`,
  secondary: "Suppressed so that another suppressed count cannot be worked out from the total.",
  derived: "The value is derived from a suppressed count.",
} as const;

/** Marks per row (rows first, the total last). */
type Marks = Array<Partial<Record<CountField, Mark>>>;

/**
 * Applies disclosure control to a table for publication (methods.md "Publishing safely").
 *
 * - Primary: any count, numerator or denominator above 0 and up to the threshold becomes `"c"` (0 is shown).
 * - Derived values: a row's `value` becomes `"c"` when any count in that row is suppressed.
 * - Secondary: with a total shown, each count column (count, numerator, denominator) is checked on its
 *   own; if exactly one row is suppressed in it, the row with the next-smallest positive figure is
 *   suppressed too (the first such row on ties), so the hidden cell cannot be worked out as the total
 *   minus the shown rows. If no such row exists, the column's total is suppressed instead.
 *   A total that is itself from 1 to the threshold is suppressed.
 *
 * Reasons name the rule, never the figures.
 *
 * @param table - the rows and, optionally, their total
 * @param options - `threshold` (default 5)
 * @returns the table with suppressed cells as `"c"`
 * @throws CoreError `invalid_argument` for a negative or non-whole threshold, or a negative or
 *   non-finite count
 * @example
 * ```ts
 * const out = suppressTable({
 *   rows: [{ key: "NEG", count: 40 }, { key: "SAB", count: 3 }, { key: "PHY", count: 12 }],
 *   total: { key: "all", count: 55 },
 * });
 * out.rows.map((r) => r.count); // [40, "c", "c"]
 * out.total?.count; // 55
 * ```
 */
export function suppressTable(
  table: { rows: DisclosureRow[]; total?: DisclosureRow },
  options: SuppressOptions = {},
): SuppressedTable {
  const threshold = options.threshold ?? DEFAULT_DISCLOSURE_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 0) {
    throw new CoreError(
      "invalid_argument",
      `threshold must be a whole number of 0 or more, got ${threshold}`,
    );
  }
  const all = table.total === undefined ? table.rows : [...table.rows, table.total];
  for (const row of all) {
    for (const field of COUNT_FIELDS) {
      const x = row[field];
      if (x !== null && x !== undefined && !(Number.isFinite(x) && x >= 0)) {
        throw new CoreError(
          "invalid_argument",
          `${field} of a disclosure row must be a finite number of 0 or more`,
        );
      }
    }
  }

  const small = (x: number | null | undefined): boolean =>
    x !== null && x !== undefined && x > 0 && x <= threshold;
  const marks: Marks = all.map((row) => {
    const m: Partial<Record<CountField, Mark>> = {};
    for (const field of COUNT_FIELDS) if (small(row[field])) m[field] = "primary";
    return m;
  });

  if (table.total !== undefined) {
    const totalIndex = all.length - 1;
    for (const field of COUNT_FIELDS) {
      const totalFigure = table.total[field];
      if (totalFigure === null || totalFigure === undefined || marks[totalIndex]![field] !== undefined)
        continue;
      const hidden = table.rows.filter((_, i) => marks[i]![field] !== undefined).length;
      if (hidden !== 1) continue;
      let pick = -1;
      table.rows.forEach((row, i) => {
        const x = row[field];
        if (marks[i]![field] !== undefined || x === null || x === undefined || x <= 0) return;
        const best = pick === -1 ? null : table.rows[pick]![field];
        if (best === null || best === undefined || x < best) pick = i;
      });
      if (pick === -1) marks[totalIndex]![field] = "secondary";
      else marks[pick]![field] = "secondary";
    }
  }

  const out = all.map((row, i) => {
    const m = marks[i]!;
    const cell = (field: CountField): DisclosureCell =>
      m[field] !== undefined ? SUPPRESSED : (row[field] ?? null);
    const anyCount = COUNT_FIELDS.some((f) => m[f] !== undefined);
    const reasons: string[] = [];
    if (COUNT_FIELDS.some((f) => m[f] === "primary")) reasons.push(REASONS.primary(threshold));
    if (COUNT_FIELDS.some((f) => m[f] === "secondary")) reasons.push(REASONS.secondary);
    const result: SuppressedRow = { key: row.key, count: cell("count"), suppressed: anyCount, reason: null };
    if (row.numerator !== undefined) result.numerator = cell("numerator");
    if (row.denominator !== undefined) result.denominator = cell("denominator");
    if (row.value !== undefined) {
      result.value = anyCount && row.value !== null ? SUPPRESSED : row.value;
      if (anyCount && row.value !== null) reasons.push(REASONS.derived);
    }
    result.reason = reasons.length > 0 ? reasons.join(" ") : null;
    return result;
  });

  const result: SuppressedTable = { rows: out.slice(0, table.rows.length), threshold };
  if (table.total !== undefined) result.total = out[out.length - 1]!;
  return result;
}
