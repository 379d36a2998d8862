import { errorBodySchema } from "@kpi/contract";

/**
 * Response schemas for the errors a route can return, for the OpenAPI document.
 *
 * @param statuses - the error statuses the route can return
 * @returns a `schema.response` fragment
 * @example
 * ```ts
 * schema: { response: { 200: okSchema, ...errorResponses(401, 403) } }
 * ```
 */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}
