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
 * The body of `POST /v1/organisations` (admin token only): the new organisation's id and name.
 *
 * @example
 * ```ts
 * createOrganisationBodySchema.parse({ id: "demo-la", name: "Demo LA" }).id; // "demo-la"
 * createOrganisationBodySchema.safeParse({ id: "demo-la", name: "Demo LA", extra: 1 }).success; // false
 * ```
 */
export const createOrganisationBodySchema = z
  .object({ id: organisationIdSchema, name: storedText().trim().min(1).max(200) })
  .strict();
/** See {@link createOrganisationBodySchema}. */
export type CreateOrganisationBody = z.input<typeof createOrganisationBodySchema>;

/**
 * An organisation as the API returns it (`201` of `POST /v1/organisations`).
 *
 * @example
 * ```ts
 * organisationSchema.parse({ id: "demo-la", name: "Demo LA", created_at: "2019-10-01T09:00:00.000Z" }).name; // "Demo LA"
 * ```
 */
export const organisationSchema = z.object({ id: z.string(), name: z.string(), created_at: z.string() });
/** See {@link organisationSchema}. */
export type Organisation = z.infer<typeof organisationSchema>;
