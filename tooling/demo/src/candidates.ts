/** A child whose assessment led to an intervention, and the day it was authorised. */
export interface Candidate {
  /** Child index in the registry. */
  readonly child: number;
  /** Day the assessment was authorised. */
  readonly day: number;
}

/**
 * Children waiting to start an intervention (a CIN plan, a CP plan, care) after an assessment, taken
 * in date order so plans follow the assessments that recommended them.
 *
 * @example
 * ```ts
 * const q = new CandidateQueue([{ child: 7, day: 100 }]);
 * q.take(90, 60); // undefined: not assessed yet
 * q.take(120, 60); // 7
 * ```
 */
export class CandidateQueue {
  private next = 0;

  /** @param items - candidates in day order */
  constructor(private readonly items: readonly Candidate[]) {}

  /**
   * The next candidate assessed on or before `day` and not more than `maxWaitDays` before it.
   *
   * @param day - the day the intervention starts
   * @param maxWaitDays - older candidates are skipped (their plan never started)
   * @returns the child index, or undefined when none is waiting
   */
  take(day: number, maxWaitDays: number): number | undefined {
    while (this.next < this.items.length && (this.items[this.next] as Candidate).day < day - maxWaitDays)
      this.next += 1;
    const c = this.items[this.next];
    if (c === undefined || c.day > day) return undefined;
    this.next += 1;
    return c.child;
  }
}
