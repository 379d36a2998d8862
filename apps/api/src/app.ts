import { createHash } from "node:crypto";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type RouteOptions,
} from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { type ApiConfig, apiConfigSchema } from "./env.js";
import { ApiError } from "./errors.js";
import { authPlugin } from "./plugins/auth.js";
import { answerClientError, errorHandlerPlugin, sendApiError, toApiError } from "./plugins/error-handler.js";
import { evaluationPlugin, ingestionPlugin, reportsPlugin } from "./plugins/services.js";
import { storePlugin } from "./plugins/store.js";
import { batchRoutes } from "./routes/batches.js";
import { dataQualityRoutes } from "./routes/data-quality.js";
import { datasetRoutes } from "./routes/datasets.js";
import { healthRoutes } from "./routes/health.js";
import { importRoutes } from "./routes/imports.js";
import { indicatorRoutes } from "./routes/indicators.js";
import { organisationRoutes } from "./routes/organisations.js";
import { recordRoutes } from "./routes/records.js";
import { reportRoutes } from "./routes/reports.js";
import { seriesRoutes } from "./routes/series.js";
import { sessionRoutes } from "./routes/sessions.js";
import { tokenRoutes } from "./routes/tokens.js";
import { userRoutes } from "./routes/users.js";
import type { SignInLimits } from "./services/sign-in-throttle.js";

export type { ApiConfig } from "./env.js";

/** Options of {@link buildApp} that are not configuration. */
export interface BuildOptions {
  /** Where the JSON log lines go (standard output by default). */
  readonly logStream?: { write(line: string): void };
  /** The clock token expiry is checked against, in ms since the epoch (tests); `Date.now` by default. */
  readonly now?: () => number;
  /** Sign-in limits to override (tests; the API's own are `signInLimits`). */
  readonly signInLimits?: Partial<SignInLimits>;
  /** Called with each route as it is registered, before any plugin (tests list the routes). */
  readonly onRoute?: (route: RouteOptions) => void;
}

/** The body limit of every route that does not set its own: sign-in, tokens, users, targets, … */
export const smallBodyBytes = 64 * 1024;

/**
 * Requests are counted per token, except on public routes (sign-in), which are counted per client
 * address whatever headers are sent: a fresh `Authorization` header per guess must not buy a fresh
 * allowance.
 */
function rateLimitKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (request.routeOptions.config.access !== "public" && typeof header === "string" && header.length > 0) {
    return `t:${createHash("sha256").update(header).digest("hex")}`;
  }
  return `ip:${request.ip}`;
}

/**
 * Makes Node leave `Expect: 100-continue` to the app: without a `checkContinue` listener it answers
 * `100 Continue` at once, inviting the body before the request is authenticated. The listener hands
 * the request on unanswered; the `preParsing` hook writes `100 Continue` once authentication passed.
 */
function deferContinue(app: FastifyInstance): void {
  const server = app.server;
  server.on("checkContinue", (request, response) => {
    server.emit("request", request, response);
  });
}

/**
 * Builds the API as a Fastify app without listening: infrastructure plugins (errors, store, the
 * evaluation, ingestion and report services, helmet, rate limit per token, OpenAPI at `/openapi.json`
 * and `/docs`, authentication), then the route modules. Tests call it with their own config and use `app.inject`.
 *
 * @param config - validated configuration (see `readConfig` in `env.ts`)
 * @param options - where logs go (standard output by default)
 * @returns the ready app; close it with `app.close()`
 * @example
 * ```ts
 * const app = await buildApp({ ...config, dataDir: "/tmp/kpi-test" });
 * const res = await app.inject({ method: "GET", url: "/healthz" });
 * await app.close();
 * ```
 */
export async function buildApp(config: ApiConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const valid = apiConfigSchema.parse(config);
  const app = Fastify({
    // Deny large bodies by default: only the records route reads more (its own limit, streamed).
    bodyLimit: smallBodyBytes,
    // Record keys are up to 1,000 characters, so a percent-encoded key can be several thousand.
    routerOptions: { maxParamLength: 10_000 },
    // The whole request, headers and body, must arrive within this; Node answers 408 otherwise.
    requestTimeout: valid.requestTimeoutMs,
    // X-Forwarded-For is believed only from the configured proxies (the portal, a load balancer).
    trustProxy: valid.trustedProxies.length === 0 ? false : valid.trustedProxies,
    // What Node's HTTP parser refuses (bad request line, oversized headers, timeouts) in our shape.
    clientErrorHandler: answerClientError,
    // Errors Fastify raises before routing (a URL that cannot be decoded) get the same JSON body.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const apiError =
        error.code === "FST_ERR_BAD_URL"
          ? new ApiError("malformed_body", "The URL is not valid")
          : toApiError(error);
      void sendApiError(reply, apiError);
    },
    logger: {
      level: valid.logLevel,
      ...(options.logStream === undefined ? {} : { stream: options.logStream }),
      redact: { paths: ["req.headers.authorization", "req.headers.cookie"], censor: "[redacted]" },
      serializers: {
        // The route pattern, never the URL: record keys in paths can carry identifiers.
        req: (request: FastifyRequest) => ({
          id: request.id,
          method: request.method,
          route: request.routeOptions?.url ?? "(no route)",
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  if (options.onRoute !== undefined) app.addHook("onRoute", options.onRoute);
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // Answered before the body was read to the end (an early error, a refused upload): the rest of
    // the body is still on the connection, so close it rather than leave the client hanging.
    if (request.raw.complete === false) reply.header("connection", "close");
  });
  // Requests are checked before any other hook (the rate limit included): two Authorization headers
  // would otherwise be resolved silently by Node keeping the first.
  app.addHook("onRequest", async (request) => {
    const raw = request.raw.rawHeaders;
    let authorizations = 0;
    for (let i = 0; i < raw.length; i += 2)
      if (raw[i]?.toLowerCase() === "authorization") authorizations += 1;
    if (authorizations > 1)
      throw new ApiError("malformed_body", "Send one Authorization header, not several");
  });
  deferContinue(app);

  await app.register(errorHandlerPlugin);
  await app.register(storePlugin, { config: valid });
  // The services the routes use, each owning its state (caches, admission, timers): nothing is shared
  // between two apps in one process.
  await app.register(evaluationPlugin);
  await app.register(ingestionPlugin);
  await app.register(reportsPlugin);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        // Served over plain HTTP on a laptop or behind a TLS-terminating proxy: do not force https.
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    // Applied below as the first onRequest hook, so it also limits requests that fail authentication.
    global: false,
    max: valid.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: rateLimitKey,
    errorResponseBuilder: (_request, context) =>
      Object.assign(
        new ApiError("rate_limited", `Too many requests; try again in ${context.after}`, {
          retryAfterSeconds: Math.ceil(context.ttl / 1000),
        }),
        { statusCode: 429 },
      ),
  });
  const limiter = app.rateLimit();
  app.addHook("onRequest", async function limit(request, reply) {
    if (request.routeOptions.config.rateLimit === false) return;
    await limiter.call(this, request, reply);
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Children's services performance API",
        description:
          "Ingestion and reporting for children's social care performance. Authenticate with `Authorization: Bearer <token>`.",
        version: "1.0.0",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true }, config: { access: "public" } }, async () =>
    app.swagger(),
  );
  await app.register(authPlugin, {
    adminToken: valid.adminToken,
    tokenCacheMs: valid.tokenCacheSeconds * 1000,
    now: options.now,
    signInLimits: options.signInLimits,
  });
  // After authentication (onRequest), before the body is read: a body declared larger than the route
  // takes is refused, and `Expect: 100-continue` is answered only now (deferContinue).
  app.addHook("preParsing", async (request, reply) => {
    const declared = Number(request.headers["content-length"]);
    const limit = request.routeOptions.bodyLimit ?? smallBodyBytes;
    if (Number.isFinite(declared) && declared > limit)
      throw new ApiError(
        "payload_too_large",
        `The request body is larger than ${limit} bytes, this route's limit`,
      );
    if (request.headers.expect?.toLowerCase() === "100-continue") reply.raw.writeContinue();
  });

  await app.register(healthRoutes);
  await app.register(organisationRoutes);
  await app.register(tokenRoutes);
  await app.register(sessionRoutes);
  await app.register(userRoutes);
  await app.register(datasetRoutes);
  await app.register(recordRoutes);
  await app.register(importRoutes);
  await app.register(batchRoutes);
  await app.register(dataQualityRoutes);
  await app.register(indicatorRoutes);
  await app.register(reportRoutes);
  await app.register(seriesRoutes);
  await app.ready();
  return app;
}
