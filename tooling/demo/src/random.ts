/**
 * A small seeded pseudo-random generator (sfc32, seeded through splitmix32) with the draws the
 * demonstration authority needs. It never reads the clock or `Math.random`: the same seed always gives
 * the same sequence, on every platform, so the demo data is reproducible byte for byte.
 *
 * @example
 * ```ts
 * const rng = new Random(42);
 * rng.next(); // a number in [0, 1), the same on every run
 * rng.int(1, 6); // a die roll
 * ```
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seed: number;

  /** @param seed - any 32-bit integer (other numbers are truncated to 32 bits) */
  constructor(seed: number) {
    this.seed = seed >>> 0;
    let s = this.seed;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.uint32();
  }

  /** The next raw 32-bit unsigned integer. */
  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** A uniform number in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /**
   * A uniform integer in `[min, max]` (both inclusive).
   *
   * @param min - smallest value
   * @param max - largest value (≥ min)
   */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty array, uniformly. */
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /**
   * One value drawn by weight.
   *
   * @param table - `[value, weight]` pairs with positive total weight
   */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (let i = 0; i < table.length; i++) total += (table[i] as readonly [T, number])[1];
    let r = this.next() * total;
    for (let i = 0; i < table.length; i++) {
      const entry = table[i] as readonly [T, number];
      r -= entry[1];
      if (r < 0) return entry[0];
    }
    return (table[table.length - 1] as readonly [T, number])[0];
  }

  /** A standard normal deviate (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** An exponential deviate with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }

  /** A log-normal deviate with the given median and shape `sigma`. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /**
   * Shuffle an array in place (Fisher–Yates) and return it.
   *
   * @param items - the array to shuffle
   */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i] as T;
      items[i] = items[j] as T;
      items[j] = t;
    }
    return items;
  }

  /**
   * Round a non-negative expected count to an integer without bias (the fraction becomes a chance).
   *
   * @param expected - the expected count
   */
  round(expected: number): number {
    const whole = Math.floor(expected);
    return whole + (this.chance(expected - whole) ? 1 : 0);
  }

  /**
   * An independent sub-stream whose sequence depends only on this generator's seed and `label` (not on
   * how many numbers were drawn), so one part of the demo can change without reshuffling the others.
   *
   * @param label - names the sub-stream
   */
  fork(label: string): Random {
    let h = (0x811c9dc5 ^ this.seed) >>> 0;
    for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
    return new Random(h >>> 0);
  }
}
