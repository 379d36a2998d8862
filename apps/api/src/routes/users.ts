import { createUserBodySchema, userSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import { organisationExists } from "../services/organisations.js";
import { createUser } from "../services/users.js";
import { errorResponses } from "./error-responses.js";

/**
 * `POST /v1/users` (role `admin`): creates a staff user who signs in to the portal. `organisation` may
 * name another organisation only with `KPI_ADMIN_TOKEN`. `409 conflict` when the username is taken.
 *
 * @example
 * ```ts
 * await app.register(userRoutes);
 * ```
 */
export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/v1/users",
    {
      config: { access: "admin" },
      schema: {
        tags: ["administration"],
        summary: "Create a staff user",
        body: createUserBodySchema,
        response: {
          201: userSchema,
          ...errorResponses(401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
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
      const user = await createUser(app.database.db, {
        username: request.body.username,
        password: request.body.password,
        displayName: request.body.display_name,
        role: request.body.role,
        organisationId,
        createdBy: caller.actor,
      });
      if (user === null) throw new ApiError("conflict", `The username '${request.body.username}' is taken`);
      return reply.status(201).send({
        id: user.id,
        username: user.username,
        display_name: user.displayName,
        role: user.role,
        organisation: user.organisationId,
        created_at: user.createdAt,
      });
    },
  );
};
