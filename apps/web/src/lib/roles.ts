import type { Role } from "@kpi/contract";

/** What a person may do in the portal: read, edit analysis and targets, or also manage tokens. */
export type PortalRole = "viewer" | "analyst" | "admin";

/**
 * The portal role of an API role: `read` and `ingest` can only view; `analyst` edits analysis text and
 * targets; `admin` can also manage API tokens. The API enforces the same rules on every call: the
 * portal only hides controls a person could not use.
 *
 * @param role - the role the API reported at sign-in
 * @returns the portal role
 * @example
 * ```ts
 * portalRoleOf("read"); // "viewer"
 * portalRoleOf("admin"); // "admin"
 * ```
 */
export function portalRoleOf(role: Role): PortalRole {
  switch (role) {
    case "admin":
      return "admin";
    case "analyst":
      return "analyst";
    default:
      return "viewer";
  }
}

/**
 * Whether a person may edit analysis text and targets.
 *
 * @param role - the portal role
 * @returns `true` for analysts and admins
 * @example
 * ```ts
 * canEdit("viewer"); // false
 * ```
 */
export function canEdit(role: PortalRole): boolean {
  return role === "analyst" || role === "admin";
}

/**
 * Whether a person may create and revoke API tokens.
 *
 * @param role - the portal role
 * @returns `true` for admins only
 * @example
 * ```ts
 * canManageTokens("analyst"); // false
 * ```
 */
export function canManageTokens(role: PortalRole): boolean {
  return role === "admin";
}

/**
 * Whether a person may sign off a report section's analysis: admins (decision 153). The API refuses
 * anyone else; the portal only hides the button.
 *
 * @param role - the portal role
 * @returns `true` for admins only
 * @example
 * ```ts
 * canApprove("analyst"); // false
 * canApprove("admin"); // true
 * ```
 */
export function canApprove(role: PortalRole): boolean {
  return role === "admin";
}

/**
 * Whether a person may upload a statutory return (the API's `ingest` right: ingest and admin users).
 *
 * @param role - the role the API reported at sign-in
 * @returns `true` for `ingest` and `admin`
 * @example
 * ```ts
 * canImport("ingest"); // true
 * canImport("analyst"); // false
 * ```
 */
export function canImport(role: Role): boolean {
  return role === "ingest" || role === "admin";
}
