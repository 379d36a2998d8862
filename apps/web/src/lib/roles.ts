import type { Audience } from "@kpi/catalogue";
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

/**
 * Whether a person may see a report's internal figures (small counts shown): analysts and admins, who
 * work the figures and edit the analysis. Viewers (`read` and `ingest`) only ever see the published
 * form, as the report's readers outside the performance team do (decision 186).
 *
 * @param role - the portal role
 * @returns `true` for analysts and admins
 * @example
 * ```ts
 * canSeeInternalFigures("viewer"); // false
 * canSeeInternalFigures("analyst"); // true
 * ```
 */
export function canSeeInternalFigures(role: PortalRole): boolean {
  return role === "analyst" || role === "admin";
}

/**
 * The audience of the report page from its URL (`?audience=internal`) and the person's role: the
 * published form unless internal figures were asked for by someone allowed to see them (decision 186).
 *
 * @param requested - the `audience` search parameter, if any
 * @param role - the portal role
 * @returns `internal` or `published`
 * @example
 * ```ts
 * reportAudience("internal", "analyst"); // "internal"
 * reportAudience("internal", "viewer"); // "published"
 * reportAudience(undefined, "admin"); // "published"
 * ```
 */
export function reportAudience(requested: string | string[] | undefined, role: PortalRole): Audience {
  return requested === "internal" && canSeeInternalFigures(role) ? "internal" : "published";
}
