import { ADMIN_TOKEN_DEFAULT_DAYS, routes, type TokenInfo as TokenInfoBody } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { organisationExists } from "../services/organisations.js";
import { issueToken, listTokens, revokeToken, type TokenInfo } from "../services/tokens.js";
import { registerRoute } from "./register-route.js";

function toBody(info: TokenInfo): TokenInfoBody {
  return {
    id: info.id,
    name: info.name,
    role: info.role,
    kind: info.kind,
    created_by: info.createdBy,
    created_at: info.createdAt,
    expires_at: info.expiresAt,
    revoked_at: info.revokedAt,
  };
}

/**
 * Token administration (role `admin`): `POST /v1/tokens` creates an API token and returns it once
 * (`organisation` may name another organisation only with `KPI_ADMIN_TOKEN`; `expires_in_days`, by
 * default 90 for an admin token and never for others, decision 144); `GET /v1/tokens` lists the
 * organisation's tokens without their secrets; `DELETE /v1/tokens/{id}` revokes one, on every instance
 * at once (decision 145).
 *
 * @example
 * ```ts
 * await app.register(tokenRoutes);
 * ```
 */
export const tokenRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.createToken, async (request, reply) => {
    const caller = callerOf(request);
    const organisationId = request.body.organisation ?? caller.organisationId;
    if (organisationId !== caller.organisationId) {
      if (caller.kind !== "admin_token") {
        throw new ApiError("forbidden", "Only KPI_ADMIN_TOKEN may create tokens for another organisation");
      }
      if (!(await organisationExists(app.database.db, organisationId))) {
        throw new ApiError("validation_failed", `No organisation '${organisationId}'`, {
          issues: [{ field: "organisation", message: "no such organisation" }],
          issueCount: 1,
        });
      }
    }
    const days =
      request.body.expires_in_days ?? (request.body.role === "admin" ? ADMIN_TOKEN_DEFAULT_DAYS : undefined);
    const { token, info } = await issueToken(app.database.db, {
      organisationId,
      name: request.body.name,
      role: request.body.role,
      kind: "api",
      actor: request.body.name,
      createdBy: caller.actor,
      expiresAt: days === undefined ? undefined : new Date(Date.now() + days * 86_400_000),
    });
    return reply.status(201).send({ ...toBody(info), token, organisation: organisationId });
  });

  registerRoute(app, routes.listTokens, async (request) => {
    const list = await listTokens(app.database.db, callerOf(request).organisationId);
    return { tokens: list.map(toBody) };
  });

  registerRoute(app, routes.revokeToken, async (request, reply) => {
    const revoked = await revokeToken(app.database.db, callerOf(request).organisationId, request.params.id);
    // Refused by this process from the next request on; other processes hear of it from the
    // database's notification (decision 145).
    if (revoked) app.tokenCache.forget(request.params.id);
    if (!revoked) throw new ApiError("not_found", "No such live token in this organisation");
    return reply.status(204).send(null);
  });
};
