import type { DemoCalendar } from "./calendar.js";

/** What {@link simulateStock} needs: a target stock over time and how to open spells. */
export interface StockSimulation {
  /** The demo calendar (working days, span). */
  readonly calendar: DemoCalendar;
  /** Target number of open spells at the end of a day (rounded). */
  readonly target: (day: number) => number;
  /**
   * Open the spells already running when the span starts.
   *
   * @param count - how many are open at the end of the day before the span
   * @returns the day each ends (any day after the span's first day minus one; later than the span's
   *   last day means still open)
   */
  readonly openInitial: (count: number) => readonly number[];
  /**
   * Open one new spell on a working day.
   *
   * @param day - the start day
   * @returns the day it ends (after `day`; later than the span's last day means still open)
   */
  readonly open: (day: number) => number;
}

/**
 * Drive a stock (CIN plans, CP plans, open flags) along a target trajectory: each working day, spells
 * that end that day close, then exactly enough new spells open to bring the stock to the target. The
 * caller decides who holds each spell and how long it lasts; this function decides only when spells
 * start. The stock at the end of each working day therefore equals the rounded target (when the target
 * does not fall faster than spells close), which keeps the demo's "at period end" figures on story.
 *
 * @param sim - the target and the spell callbacks
 * @returns how many spells were opened in the span
 * @example
 * ```ts
 * const cal = new DemoCalendar("FY2016-17", "FY2019-20-Q2");
 * let ends: number[] = [];
 * simulateStock({
 *   calendar: cal,
 *   target: () => 100,
 *   openInitial: (n) => Array.from({ length: n }, (_, i) => cal.first + 10 + i),
 *   open: (day) => day + 200,
 * });
 * ```
 */
export function simulateStock(sim: StockSimulation): number {
  const { calendar } = sim;
  const first = calendar.first;
  const last = calendar.last;
  const closing = new Int32Array(last - first + 2);
  let open = 0;
  const track = (end: number): void => {
    if (end <= last) {
      const i = Math.max(0, end - first);
      closing[i] = (closing[i] as number) + 1;
    }
    open += 1;
  };
  for (const end of sim.openInitial(Math.max(0, Math.round(sim.target(first - 1))))) track(end);
  let opened = 0;
  for (let day = first; day <= last; day++) {
    open -= closing[day - first] as number;
    if (!calendar.isWorkingDay(day)) continue;
    const need = Math.round(sim.target(day)) - open;
    for (let k = 0; k < need; k++) {
      track(sim.open(day));
      opened += 1;
    }
  }
  return opened;
}

/** A span of time a child held something (a plan, a period of care, a flag); `end` null while open. */
export interface Spell {
  /** Child index in the registry. */
  readonly child: number;
  /** First day. */
  readonly start: number;
  /** Last day (what closed on day D is not open at the end of D), or null while open. */
  readonly end: number | null;
}
