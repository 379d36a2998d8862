import { routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { startSession } from "../services/sessions.js";
import { listSessions, revokeToken } from "../services/tokens.js";
import { registerRoute } from "./register-route.js";

/**
 * Portal sign-in and sessions: `POST /v1/sessions` with a staff user's username and password (and
 * organisation) returns a session token (once) that expires and acts as that person, held back when
 * attempts come too fast from the caller's address or for that username (decision 142);
 * `DELETE /v1/sessions/current` signs out (revokes the session token used to call it); an admin lists
 * the organisation's live sessions (`GET /v1/sessions`) and ends one (`DELETE /v1/sessions/{id}`).
 *
 * @example
 * ```ts
 * await app.register(sessionRoutes);
 * ```
 */
export const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.signIn, async (request, reply) => {
    const { username, password, organisation } = request.body;
    app.signInThrottle.admit(request.ip, username);
    const session = await startSession(app.database.db, app.passwords, {
      username,
      password,
      ...(organisation === undefined ? {} : { organisationId: organisation }),
      ttlMinutes: app.config.sessionTtlMinutes,
      now: new Date(),
    });
    if (session === null) {
      app.signInThrottle.failed(request.ip, username);
      throw new ApiError("unauthorized", "Wrong username or password");
    }
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
  });

  registerRoute(app, routes.listSessions, async (request) => {
    const list = await listSessions(app.database.db, callerOf(request).organisationId, new Date());
    return {
      sessions: list.map((s) => ({
        id: s.id,
        username: s.username,
        display_name: s.displayName,
        role: s.role,
        created_at: s.createdAt,
        expires_at: s.expiresAt,
      })),
    };
  });

  registerRoute(app, routes.signOut, async (request, reply) => {
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
  });

  registerRoute(app, routes.endSession, async (request, reply) => {
    const { organisationId } = callerOf(request);
    const ended = await revokeToken(app.database.db, organisationId, request.params.id, "session");
    if (!ended) throw new ApiError("not_found", "No such live session in this organisation");
    app.tokenCache.forget(request.params.id);
    return reply.status(204).send(null);
  });
};
