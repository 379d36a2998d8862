import { CoreError } from "../errors/core-error.js";
import { logGamma } from "./log-gamma.js";

const MAX_ITERATIONS = 10_000;
const EPSILON = 1e-16;
const TINY = 1e-300;

/**
 * The regularised incomplete beta function I_x(a, b), by its continued fraction (modified Lentz),
 * using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) where that converges faster. Pass `y = 1 − x`
 * when it is known more precisely than by subtraction (the t distribution's tail does).
 *
 * @param x - the argument in [0, 1]
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param y - 1 − x, if known more precisely (defaults to `1 - x`)
 * @returns I_x(a, b) in [0, 1]
 * @throws CoreError `invalid_argument` when an argument is out of range (programmer error)
 * @example
 * ```ts
 * regularisedBeta(0.5, 2, 2); // 0.5
 * regularisedBeta(0.25, 1, 1); // 0.25
 * ```
 */
export function regularisedBeta(x: number, a: number, b: number, y: number = 1 - x): number {
  if (!(x >= 0 && x <= 1) || !(a > 0) || !(b > 0) || !Number.isFinite(a) || !Number.isFinite(b)) {
    throw new CoreError(
      "invalid_argument",
      `regularisedBeta needs x in [0, 1] and a, b > 0; got x = ${String(x)}, a = ${String(a)}, b = ${String(b)}.`,
    );
  }
  if (x === 0) return 0;
  if (y === 0) return 1;
  const logFront = a * Math.log(x) + b * Math.log(y) - (logGamma(a) + logGamma(b) - logGamma(a + b));
  if (x < (a + 1) / (a + b + 2)) {
    return (Math.exp(logFront) * continuedFraction(x, a, b)) / a;
  }
  return 1 - (Math.exp(logFront) * continuedFraction(y, b, a)) / b;
}

function continuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= MAX_ITERATIONS; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < EPSILON) break;
  }
  return h;
}
