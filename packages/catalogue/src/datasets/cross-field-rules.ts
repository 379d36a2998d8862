import { isIsoDate } from "@kpi/core";

/** A problem found by a rule that relates two or more fields of one record. */
export interface CrossFieldIssue {
  /** The field the analyst should correct. */
  readonly field: string;
  /** What is wrong, in words, starting with the field name. */
  readonly message: string;
}

/**
 * A rule over the fields of one record. It reads an object whose fields may not all be valid (the
 * validator runs it even when other fields fail, so every problem is reported) and checks only
 * values that are individually valid.
 */
export type CrossFieldRule = (record: Readonly<Record<string, unknown>>) => CrossFieldIssue[];

function present(v: unknown): boolean {
  return v !== null && v !== undefined;
}

/**
 * A date range rule: `end` must not be before `start` when both are valid dates.
 *
 * @param start - name of the start field
 * @param end - name of the end field
 * @returns the rule
 * @example
 * ```ts
 * dateOrderRule("start_date", "end_date")({ start_date: "2019-09-30", end_date: "2019-09-01" });
 * // [{ field: "end_date", message: "end_date: must not be before start_date (2019-09-30) (got '2019-09-01')" }]
 * ```
 */
export function dateOrderRule(start: string, end: string): CrossFieldRule {
  return (r) => {
    const s = r[start];
    const e = r[end];
    if (isIsoDate(s) && isIsoDate(e) && e < s)
      return [{ field: end, message: `${end}: must not be before ${start} (${s}) (got '${e}')` }];
    return [];
  };
}

/**
 * Two fields that are set together or not at all.
 *
 * @param a - first field (the one reported)
 * @param b - second field
 * @returns the rule
 * @example
 * ```ts
 * togetherRule("level_of_need", "decision_date")({ level_of_need: 4, decision_date: null }).length; // 1
 * ```
 */
export function togetherRule(a: string, b: string): CrossFieldRule {
  return (r) => {
    const pa = present(r[a]);
    const pb = present(r[b]);
    if (pa && !pb)
      return [{ field: b, message: `${b}: is required when ${a} is given (set both or neither)` }];
    if (pb && !pa)
      return [{ field: a, message: `${a}: is required when ${b} is given (set both or neither)` }];
    return [];
  };
}

/**
 * A field that may only be given when another is given.
 *
 * @param dependent - the field that needs the other
 * @param on - the field it depends on
 * @returns the rule
 * @example
 * ```ts
 * requiresRule("end_reason", "end_date")({ end_reason: "other", end_date: null }).length; // 1
 * ```
 */
export function requiresRule(dependent: string, on: string): CrossFieldRule {
  return (r) =>
    present(r[dependent]) && !present(r[on])
      ? [{ field: dependent, message: `${dependent}: may only be given when ${on} is given` }]
      : [];
}
