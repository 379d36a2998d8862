import { findAuthority } from "@kpi/catalogue";
import { z } from "zod";
import { storedText } from "./stored-text.js";

/**
 * An organisation's id: 1–63 lowercase letters, digits and hyphens, not starting or ending with a
 * hyphen (it appears in URLs and logs, so it is never a person's name).
 *
 * @example
 * ```ts
 * organisationIdSchema.safeParse("demo-la").success; // true
 * organisationIdSchema.safeParse("Demo LA").success; // false
 * ```
 */
export const organisationIdSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, "use 1–63 lowercase letters, digits and hyphens");

/**
 * What the API answers about a local-authority code that no authority in England has (beside the
 * `la_code` field of a `422`).
 *
 * @param code - the code as sent
 * @returns the message
 * @example
 * ```ts
 * unknownLaCodeMessage("999"); // "no local authority in England has the code 999"
 * ```
 */
export function unknownLaCodeMessage(code: string): string {
  return `no local authority in England has the code ${code}`;
}

/**
 * A local-authority code of England: the old three-digit code (`885`) or the nine-character code
 * (`E10000034`), of an authority DfE's published statistics name (the catalogue's table of England's
 * authorities). The letter may be written in either case; it parses to the code in capitals.
 *
 * @example
 * ```ts
 * laCodeSchema.parse("885"); // "885"
 * laCodeSchema.parse("e10000034"); // "E10000034"
 * laCodeSchema.safeParse("999").error?.issues[0]?.message; // "no local authority in England has the code 999"
 * laCodeSchema.safeParse("Worcs").error?.issues[0]?.message; // "use the three-digit code (such as 885) or the nine-character code (such as E10000034)"
 * ```
 */
export const laCodeSchema = storedText()
  .regex(/^(\d{3}|[Ee]\d{8})$/, {
    error: "use the three-digit code (such as 885) or the nine-character code (such as E10000034)",
    abort: true,
  })
  .toUpperCase()
  .refine((code) => findAuthority(code) !== null, {
    error: (issue) => unknownLaCodeMessage(String(issue.input)),
  })
  .describe(
    "The local authority's old three-digit code (such as 885) or its nine-character code (such as E10000034)",
  );

/**
 * The body of `POST /v1/organisations` (admin token only): the new organisation's id and name, and
 * optionally the local authority it is (`la_code`, either code).
 *
 * @example
 * ```ts
 * createOrganisationBodySchema.parse({ id: "demo-la", name: "Demo LA" }).id; // "demo-la"
 * createOrganisationBodySchema.parse({ id: "worcs", name: "Worcestershire", la_code: "885" }).la_code; // "885"
 * createOrganisationBodySchema.safeParse({ id: "demo-la", name: "Demo LA", extra: 1 }).success; // false
 * ```
 */
export const createOrganisationBodySchema = z
  .object({
    id: organisationIdSchema,
    name: storedText().trim().min(1).max(200),
    la_code: laCodeSchema.optional(),
  })
  .strict();
/** See {@link createOrganisationBodySchema}. */
export type CreateOrganisationBody = z.input<typeof createOrganisationBodySchema>;

/**
 * The body of `PATCH /v1/organisations/{id}` (the organisation's admin, or `KPI_ADMIN_TOKEN`): the
 * local authority the organisation is (`la_code`, either code), or `null` to clear it.
 *
 * @example
 * ```ts
 * updateOrganisationBodySchema.parse({ la_code: "E10000034" }).la_code; // "E10000034"
 * updateOrganisationBodySchema.parse({ la_code: null }).la_code; // null
 * updateOrganisationBodySchema.safeParse({}).success; // false
 * ```
 */
export const updateOrganisationBodySchema = z.object({ la_code: laCodeSchema.nullable() }).strict();
/** See {@link updateOrganisationBodySchema}. */
export type UpdateOrganisationBody = z.input<typeof updateOrganisationBodySchema>;

/**
 * The path parameters of `GET` and `PATCH /v1/organisations/{id}`.
 *
 * @example
 * ```ts
 * organisationParamsSchema.safeParse({ id: "demo-la" }).success; // true
 * organisationParamsSchema.safeParse({ id: "Demo LA" }).success; // false
 * ```
 */
export const organisationParamsSchema = z.object({ id: organisationIdSchema });
/** See {@link organisationParamsSchema}. */
export type OrganisationParams = z.infer<typeof organisationParamsSchema>;

/**
 * The local authority an organisation is, as DfE's published statistics name it: both codes, its
 * name and its region (named as the columns of explore-education-statistics files). The codes are
 * the organisation's own; the name and region are the catalogue's for its three-digit code.
 *
 * @example
 * ```ts
 * const worcestershire = {
 *   old_la_code: "885", new_la_code: "E10000034", la_name: "Worcestershire",
 *   region_code: "E12000005", region_name: "West Midlands",
 * };
 * organisationAuthoritySchema.parse(worcestershire).region_name; // "West Midlands"
 * ```
 */
export const organisationAuthoritySchema = z.object({
  old_la_code: z.string().describe("The old three-digit code, such as 885"),
  new_la_code: z.string().describe("The nine-character code, such as E10000034"),
  la_name: z.string().describe("The authority's name as DfE publishes it, such as Worcestershire"),
  region_code: z.string().describe("Its region's nine-character code, such as E12000005"),
  region_name: z.string().describe("Its region's name, such as West Midlands"),
});
/** See {@link organisationAuthoritySchema}. */
export type OrganisationAuthority = z.infer<typeof organisationAuthoritySchema>;

/**
 * An organisation as the API returns it (`201` of `POST /v1/organisations`, `GET` and `PATCH` of
 * `/v1/organisations/{id}`): `authority` is `null` until its local-authority code is set.
 *
 * @example
 * ```ts
 * const created = { id: "demo-la", name: "Demo LA", created_at: "2019-10-01T09:00:00.000Z" };
 * organisationSchema.parse({ ...created, authority: null }).authority; // null
 * ```
 */
export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  authority: organisationAuthoritySchema.nullable(),
});
/** See {@link organisationSchema}. */
export type Organisation = z.infer<typeof organisationSchema>;
