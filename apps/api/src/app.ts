import { createHash } from "node:crypto";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { type ApiConfig, apiConfigSchema } from "./env.js";
import { ApiError } from "./errors.js";
import { authPlugin } from "./plugins/auth.js";
import { errorHandlerPlugin, toApiError } from "./plugins/error-handler.js";
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

export type { ApiConfig } from "./env.js";

/** Options of {@link buildApp} that are not configuration. */
export interface BuildOptions {
  /** Where the JSON log lines go (standard output by default). */
  readonly logStream?: { write(line: string): void };
  /** The clock token expiry is checked against, in ms since the epoch (tests); `Date.now` by default. */
  readonly now?: () => number;
}

function rateLimitKey(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header === "string" && header.length > 0) {
    return `t:${createHash("sha256").update(header).digest("hex")}`;
  }
  return `ip:${request.ip}`;
}

/**
 * Builds the API as a Fastify app without listening: infrastructure plugins (store, errors, helmet,
 * rate limit per token, OpenAPI at `/openapi.json` and `/docs`, authentication), then the route
 * modules. Tests call it with their own config and use `app.inject`.
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
    bodyLimit: valid.maxBodyBytes,
    trustProxy: false,
    // Errors Fastify raises before routing (a URL that cannot be decoded) get the same JSON body.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const apiError =
        error.code === "FST_ERR_BAD_URL"
          ? new ApiError("malformed_body", "The URL is not valid")
          : toApiError(error);
      void reply.status(apiError.status).type("application/json; charset=utf-8").send(apiError.toBody());
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
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(errorHandlerPlugin);
  await app.register(storePlugin, { config: valid });
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
      Object.assign(new ApiError("rate_limited", `Too many requests; try again in ${context.after}`), {
        statusCode: 429,
        headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
      }),
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
    tokenCacheMs: (valid.tokenCacheSeconds ?? 5) * 1000,
    now: options.now,
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
