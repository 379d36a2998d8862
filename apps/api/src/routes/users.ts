import { routes, type User } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { organisationExists } from "../services/organisations.js";
import { createUser, listUsers, setUserDisabled, type UserInfo } from "../services/users.js";
import { registerRoute } from "./register-route.js";

function toBody(user: UserInfo): User {
  return {
    id: user.id,
    username: user.username,
    display_name: user.displayName,
    role: user.role,
    organisation: user.organisationId,
    created_at: user.createdAt,
    disabled_at: user.disabledAt,
  };
}

/**
 * Staff users (role `admin`): `POST /v1/users` creates one who signs in to the portal
 * (`organisation` may name another organisation only with `KPI_ADMIN_TOKEN`; `409 conflict` when the
 * organisation already has that username: usernames are per organisation, decision 143);
 * `GET /v1/users` lists the organisation's users; `PATCH /v1/users/{id}` disables one (ending their
 * sessions on every instance) or enables them again.
 *
 * @example
 * ```ts
 * await app.register(userRoutes);
 * ```
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.createUser, async (request, reply) => {
    const caller = callerOf(request);
    const organisationId = request.body.organisation ?? caller.organisationId;
    if (organisationId !== caller.organisationId) {
      if (caller.kind !== "admin_token") {
        throw new ApiError("forbidden", "Only KPI_ADMIN_TOKEN may create users in another organisation");
      }
      if (!(await organisationExists(app.database.db, organisationId))) {
        throw new ApiError("validation_failed", `No organisation '${organisationId}'`, {
          issues: [{ field: "organisation", message: "no such organisation" }],
          issueCount: 1,
        });
      }
    }
    const user = await createUser(app.database.db, app.passwords, {
      username: request.body.username,
      password: request.body.password,
      displayName: request.body.display_name,
      role: request.body.role,
      organisationId,
      createdBy: caller.actor,
    });
    if (user === null)
      throw new ApiError("conflict", `This organisation already has a user '${request.body.username}'`);
    return reply.status(201).send(toBody(user));
  });

  registerRoute(app, routes.listUsers, async (request) => ({
    users: (await listUsers(app.database.db, callerOf(request).organisationId)).map(toBody),
  }));

  registerRoute(app, routes.updateUser, async (request) => {
    const { organisationId } = callerOf(request);
    const outcome = await setUserDisabled(
      app.database.db,
      organisationId,
      request.params.id,
      request.body.disabled,
    );
    if (outcome === null) throw new ApiError("not_found", "No such user in this organisation");
    for (const id of outcome.endedSessions) app.tokenCache.forget(id);
    return toBody(outcome.user);
  });
};
