import { type Role, roleSchema } from "@kpi/contract";

/** Roles a token or user can hold: the contract's schema, re-exported for the services. */
export { type Role, roleSchema };

/** Who is calling: resolved from the bearer token on every authenticated request. */
export interface Caller {
  /** The organisation whose data the caller sees and changes. */
  readonly organisationId: string;
  /** The caller's role. */
  readonly role: Role;
  /** The name recorded against changes: a token's name, or a signed-in user's username. */
  readonly actor: string;
  /** The token's id (`null` for `KPI_ADMIN_TOKEN`). */
  readonly tokenId: string | null;
  /** `api` token, portal `session`, or the deployment's `admin_token`. */
  readonly kind: "api" | "session" | "admin_token";
}

/**
 * Whether a caller with role `actual` may do what needs `needed`: `read` is held by everyone,
 * `ingest` and `analyst` each add their own rights, `admin` holds all.
 *
 * @param actual - the caller's role
 * @param needed - the role a route requires
 * @returns true when allowed
 * @example
 * ```ts
 * hasRole("ingest", "read"); // true
 * hasRole("analyst", "ingest"); // false
 * ```
 */
export function hasRole(actual: Role, needed: Role): boolean {
  if (actual === "admin" || needed === "read") return true;
  return actual === needed;
}
