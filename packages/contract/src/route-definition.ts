import type { z } from "zod";
import { errorBodySchema } from "./error-body.js";
import type { Role } from "./roles.js";

/** The HTTP methods the API's routes use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call a route: `public` (no token), `authenticated` (any token or session), `admin_token`
 * (only `KPI_ADMIN_TOKEN`), or the least role a token or session must hold.
 */
export type RouteAccess = "public" | "authenticated" | "admin_token" | Role;

/**
 * How a route's request body travels: `json` (the `body` schema validates it), `multipart`
 * (`multipart/form-data` files, read by the route itself) or `stream` (JSON, NDJSON or CSV records
 * streamed to the ingestion service).
 */
export type BodyKind = "json" | "multipart" | "stream";

/** The zod schema of each status a route answers, keyed by status code. */
export type RouteResponses = { readonly [status: number]: z.ZodType };

/** One route of the API: what {@link defineRoute} takes and returns. */
export interface RouteDefinition<
  M extends HttpMethod = HttpMethod,
  P extends string = string,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Headers extends z.ZodType | undefined = z.ZodType | undefined,
  Responses extends RouteResponses = RouteResponses,
> {
  /** The HTTP method. */
  readonly method: M;
  /** The path, with `:name` for each path parameter (`/v1/indicators/:id/values`). */
  readonly path: P;
  /** Who may call it. */
  readonly access: RouteAccess;
  /** The OpenAPI tags it is listed under. */
  readonly tags: readonly string[];
  /** A one-line summary for the OpenAPI document. */
  readonly summary: string;
  /** More about it for the OpenAPI document (optional). */
  readonly description?: string;
  /** The content types a body may have, when it is not JSON only. */
  readonly consumes?: readonly string[];
  /** How the body travels (default `json` when a `body` schema is given). */
  readonly bodyKind?: BodyKind;
  /** The path parameters' schema. */
  readonly params?: Params;
  /** The query string's schema. */
  readonly query?: Query;
  /** The JSON body's schema. */
  readonly body?: Body;
  /** The request headers' schema. */
  readonly headers?: Headers;
  /** The body of each status it answers (successes and errors). */
  readonly responses: Responses;
}

/**
 * Declares one route of the API, checked and typed: the API registers its handler from it and the
 * client calls it through it, so its method, path, schemas and role are written once.
 *
 * @param route - method, path, access, OpenAPI tags and summary, schemas and responses
 * @returns the same route, typed
 * @throws Error when a `:name` in the path has no `params` schema (a programmer error)
 * @example
 * ```ts
 * const healthz = defineRoute({
 *   method: "GET",
 *   path: "/healthz",
 *   access: "public",
 *   tags: ["health"],
 *   summary: "Liveness",
 *   responses: { 200: healthSchema },
 * });
 * healthz.path; // "/healthz"
 * ```
 */
export function defineRoute<
  const M extends HttpMethod,
  const P extends string,
  Params extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Body extends z.ZodType | undefined = undefined,
  Headers extends z.ZodType | undefined = undefined,
  const Responses extends RouteResponses = RouteResponses,
>(
  route: RouteDefinition<M, P, Params, Query, Body, Headers, Responses>,
): RouteDefinition<M, P, Params, Query, Body, Headers, Responses> {
  if (/:[A-Za-z_]/.test(route.path) && route.params === undefined)
    throw new Error(
      `Route ${route.method} ${route.path} names path parameters but declares no params schema`,
    );
  return route;
}

/** The path parameters a route takes (what its `params` schema accepts), or `never` when it takes none. */
export type ParamsOf<R extends RouteDefinition> =
  NonNullable<R["params"]> extends z.ZodType ? z.input<NonNullable<R["params"]>> : never;
/** The query a route takes, or `never` when it takes none. */
export type QueryOf<R extends RouteDefinition> =
  NonNullable<R["query"]> extends z.ZodType ? z.input<NonNullable<R["query"]>> : never;
/** The JSON body a route takes, or `never` when it takes none. */
export type BodyOf<R extends RouteDefinition> =
  NonNullable<R["body"]> extends z.ZodType ? z.input<NonNullable<R["body"]>> : never;

/** The statuses of a route's successful answers (2xx and 304). */
type SuccessStatus = 200 | 201 | 202 | 204;

/** The parsed body of a route's successful answer (the union over its 2xx statuses). */
export type ResponseOf<R extends RouteDefinition> = {
  [S in keyof R["responses"] & SuccessStatus]: R["responses"][S] extends z.ZodType
    ? z.output<R["responses"][S]>
    : never;
}[keyof R["responses"] & SuccessStatus];

/**
 * The schema of a route's successful answer: its first 2xx response.
 *
 * @param route - the route
 * @returns the zod schema of the 2xx body
 * @throws Error when the route declares no 2xx response (a programmer error)
 * @example
 * ```ts
 * successSchemaOf(routes.listIndicators) === indicatorListSchema; // true
 * ```
 */
export function successSchemaOf<R extends RouteDefinition>(route: R): z.ZodType<ResponseOf<R>> {
  const entry = Object.entries(route.responses).find(([status]) => /^2\d\d$/.test(status));
  if (entry === undefined) throw new Error(`Route ${route.method} ${route.path} declares no 2xx response`);
  return entry[1] as z.ZodType<ResponseOf<R>>;
}

/**
 * The URL path of a route for the given path parameters: each `:name` replaced by its value,
 * percent-encoded (so a record key holding `/` or `|` stays one segment).
 *
 * @param route - the route (or its path)
 * @param params - a value for each `:name` of the path
 * @returns the path, e.g. `/v1/indicators/ffd.contacts_swa_pct/values`
 * @throws Error when a parameter of the path has no value (a programmer error)
 * @example
 * ```ts
 * const route = { path: "/v1/datasets/:dataset/records/:key" };
 * pathOf(route, { dataset: "children", key: "C1|a/b" }); // "/v1/datasets/children/records/C1%7Ca%2Fb"
 * ```
 */
export function pathOf(
  route: { readonly path: string },
  params: Readonly<Record<string, string | number>> = {},
): string {
  return route.path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`No value for the path parameter '${name}' of ${route.path}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * The error responses a route can answer, each with the contract's error body, for the route table
 * and the OpenAPI document.
 *
 * @param statuses - the error statuses
 * @returns a `responses` fragment
 * @example
 * ```ts
 * const responses = { 200: healthSchema, ...errorResponses(503) };
 * responses[503] === errorBodySchema; // true
 * ```
 */
export function errorResponses<const S extends number>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((s) => [s, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}
