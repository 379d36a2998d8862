import type { RouteDefinition } from "@kpi/contract";
import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyTypeProvider,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from "fastify";
import type { z } from "zod";

type Output<S> = S extends z.ZodType ? z.output<S> : unknown;
type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** The request a route's handler gets: its params, query, body and headers as the contract parses them. */
export type ContractRequest<R extends RouteDefinition> = FastifyRequest<{
  Params: Output<NonNullable<R["params"]>>;
  Querystring: Output<NonNullable<R["query"]>>;
  Body: Output<NonNullable<R["body"]>>;
  Headers: Output<NonNullable<R["headers"]>>;
}>;

/** What a route's handler answers: a successful body of the contract, or the reply it sent itself. */
export type ContractAnswer<R extends RouteDefinition> =
  | { [S in keyof R["responses"] & (200 | 201)]: Input<R["responses"][S]> }[keyof R["responses"] &
      (200 | 201)]
  | FastifyReply;

/** Server-side options of a route that the contract does not hold (limits, rate limiting). */
export interface RouteServerOptions {
  /** The body limit in bytes, when it differs from the app's small default. */
  readonly bodyLimit?: number;
  /** `false` exempts the route from the per-token rate limit (health checks). */
  readonly rateLimit?: false;
}

/** Any Fastify instance, whatever type provider its plugin uses. */
type AnyApp<T extends FastifyTypeProvider> = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  T
>;

/**
 * Registers a route of the contract's table (`routes` of `@kpi/contract`) with its handler: the
 * method, path, role (`config.access`, checked by the auth plugin) and every schema Fastify validates
 * and serialises with and the OpenAPI document lists, all from the contract. A route module holds only
 * its handlers; `contract-routes.test.ts` fails when a route is registered that the table lacks, or the
 * other way round.
 *
 * @param app - the app or plugin instance
 * @param route - the route, e.g. `routes.listBatches`
 * @param handler - the thin handler: validate → service → map
 * @param options - a body limit or rate-limit exemption the route needs
 * @example
 * ```ts
 * registerRoute(app, routes.listDatasets, async (request) =>
 *   describeDatasets(app.database.db, callerOf(request).organisationId),
 * );
 * ```
 */
export function registerRoute<R extends RouteDefinition, T extends FastifyTypeProvider>(
  app: AnyApp<T>,
  route: R,
  handler: (request: ContractRequest<R>, reply: FastifyReply) => Promise<ContractAnswer<R>>,
  options: RouteServerOptions = {},
): void {
  const schema: Record<string, unknown> = { tags: [...route.tags], summary: route.summary };
  if (route.description !== undefined) schema.description = route.description;
  if (route.consumes !== undefined) schema.consumes = [...route.consumes];
  if (route.access === "public") schema.security = [];
  if (route.params !== undefined) schema.params = route.params;
  if (route.query !== undefined) schema.querystring = route.query;
  if (route.headers !== undefined) schema.headers = route.headers;
  if (route.body !== undefined) schema.body = route.body;
  schema.response = route.responses;
  app.route({
    method: route.method,
    url: route.path,
    schema,
    config: {
      access: route.access,
      contractRoute: route,
      ...(options.rateLimit === false ? { rateLimit: false } : {}),
    },
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    handler: handler as unknown as Parameters<AnyApp<T>["route"]>[0]["handler"],
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** The contract's definition of the route, set by {@link registerRoute}. */
    contractRoute?: RouteDefinition;
  }
}
