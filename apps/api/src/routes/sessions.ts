import { noContentSchema, sessionSchema, signInBodySchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { startSession } from "../services/sessions.js";
import { revokeToken } from "../services/tokens.js";
import { errorResponses } from "./error-responses.js";

/**
 * Portal sign-in: `POST /v1/sessions` with a staff user's username and password returns a session
 * token (once) that expires and acts as that person; `DELETE /v1/sessions/current` signs out (revokes
 * the session token used to call it).
 *
 * @example
 * ```ts
 * await app.register(sessionRoutes);
 * ```
 */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/v1/sessions",
    {
      config: { access: "public" },
      schema: {
        tags: ["sessions"],
        summary: "Sign in a staff user; returns a session token once",
        security: [],
        body: signInBodySchema,
        response: {
          201: sessionSchema,
          ...errorResponses(401, 422, 429),
        },
      },
    },
    async (request, reply) => {
      const session = await startSession(app.database.db, {
        username: request.body.username,
        password: request.body.password,
        ttlMinutes: app.config.sessionTtlMinutes,
        now: new Date(),
      });
      if (session === null) throw new ApiError("unauthorized", "Wrong username or password");
      return reply.status(201).send({
        token: session.token,
        token_id: session.tokenId,
        expires_at: session.expiresAt,
        organisation: session.organisationId,
        user: {
          username: session.user.username,
          display_name: session.user.displayName,
          role: session.user.role,
        },
      });
    },
  );

  app.delete(
    "/v1/sessions/current",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["sessions"],
        summary: "Sign out: revoke the session token used for this request",
        response: { 204: noContentSchema, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.kind !== "session" || caller.tokenId === null) {
        throw new ApiError(
          "forbidden",
          "Only a portal session token can be signed out; revoke API tokens instead",
        );
      }
      await revokeToken(app.database.db, caller.organisationId, caller.tokenId);
      app.tokenCache.forget(caller.tokenId);
      return reply.status(204).send(null);
    },
  );
};
