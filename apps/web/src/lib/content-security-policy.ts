/**
 * The portal's Content-Security-Policy for one response: scripts only with this response's nonce
 * (Next.js puts it on its own scripts; `'strict-dynamic'` lets them load the chunks they need),
 * styles from the portal itself or carrying the nonce, inline `style` attributes (the charts set their
 * size that way), nothing from anywhere else, no plugins, no framing, and forms that post only to the
 * portal. Development adds `'unsafe-eval'`, which React's development build needs.
 *
 * @param nonce - a fresh random value for this response (base64)
 * @param options - `development` for `next dev`
 * @returns the header's value
 * @example
 * ```ts
 * contentSecurityPolicy("cmFuZG9t", { development: false }).includes("'nonce-cmFuZG9t'"); // true
 * ```
 */
export function contentSecurityPolicy(nonce: string, options: { development: boolean }): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    [
      "script-src",
      "'self'",
      `'nonce-${nonce}'`,
      "'strict-dynamic'",
      ...(options.development ? ["'unsafe-eval'"] : []),
    ],
    ["style-src", "'self'", `'nonce-${nonce}'`],
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ];
  return directives.map((d) => d.join(" ")).join("; ");
}
