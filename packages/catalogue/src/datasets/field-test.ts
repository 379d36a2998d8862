import { isIsoDate } from "@kpi/core";
import type { FieldCheck } from "./fields.js";
import { isPeriodId } from "./period-id.js";

/** Whether a value (never `undefined` or `null`: the caller handles those) is valid for a field. */
export type FieldTest = (value: unknown) => boolean;

const maxMemoEntries = 10_000;

/** Remembers a pure string predicate's verdicts (at most 10,000), for the life of the returned test. */
function memoised(test: (text: string) => boolean): (text: string) => boolean {
  const verdicts = new Map<string, boolean>();
  return (text) => {
    let ok = verdicts.get(text);
    if (ok === undefined) {
      ok = test(text);
      if (verdicts.size < maxMemoEntries) verdicts.set(text, ok);
    }
    return ok;
  };
}

/** Code points in a string: a surrogate pair counts once, a lone surrogate as one. */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    if ((text.charCodeAt(i) & 0xfc00) === 0xd800 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      count--;
      i++;
    }
  }
  return count;
}

/** Length within bounds in code points; code units decide alone wherever they can (a code point is 1–2 units). */
function lengthBetween(min: number, max: number): (text: string) => boolean {
  return (text) => {
    const units = text.length;
    if (units < min || units > 2 * max) return false;
    if (units <= max && units >= 2 * min) return true;
    const n = codePoints(text);
    return n >= min && n <= max;
  };
}

function within(min: number | undefined, max: number | undefined): (n: number) => boolean {
  if (min !== undefined && max !== undefined) return (n) => n >= min && n <= max;
  if (min !== undefined) return (n) => n >= min;
  if (max !== undefined) return (n) => n <= max;
  return () => true;
}

/**
 * The plain test of a field's declared {@link FieldCheck}: the same verdict as the field's zod schema
 * (made from the same declaration; a property test per dataset compares the two), at the cost of a
 * few comparisons. Used by the batch validator for every row.
 *
 * @param check - the field's declared check
 * @param options - `memoise`: remember date and period-id verdicts (pure; a batch repeats its dates)
 *   for the life of the test, so use one test per batch
 * @returns the test
 * @example
 * ```ts
 * fieldTest({ kind: "integer", min: 1, max: 4 })(4); // true
 * fieldTest({ kind: "text", minLength: 1, maxLength: 2 })("😀😀"); // true: two code points
 * ```
 */
export function fieldTest(check: FieldCheck, options: { readonly memoise?: boolean } = {}): FieldTest {
  const remember = options.memoise === true ? memoised : (test: (text: string) => boolean) => test;
  switch (check.kind) {
    case "text": {
      const length = lengthBetween(check.minLength, check.maxLength);
      return (v) => typeof v === "string" && length(v);
    }
    case "date": {
      const date = remember(isIsoDate);
      return (v) => typeof v === "string" && date(v);
    }
    case "period": {
      const period = remember(isPeriodId);
      return (v) => typeof v === "string" && period(v);
    }
    case "pattern": {
      const pattern = new RegExp(check.source, check.flags);
      return (v) => {
        if (typeof v !== "string") return false;
        pattern.lastIndex = 0;
        return pattern.test(v);
      };
    }
    case "code": {
      const values = new Set<unknown>(check.values);
      return (v) => values.has(v);
    }
    case "integer": {
      const bounds = within(check.min, check.max);
      return (v) => Number.isSafeInteger(v) && bounds(v as number);
    }
    case "number": {
      const bounds = within(check.min, check.max);
      return (v) => typeof v === "number" && Number.isFinite(v) && bounds(v);
    }
    case "boolean":
      return (v) => typeof v === "boolean";
  }
}
