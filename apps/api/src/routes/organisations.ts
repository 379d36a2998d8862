import { createOrganisationBodySchema, organisationSchema } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { createOrganisation } from "../services/organisations.js";
import { errorResponses } from "./error-responses.js";

/**
 * `POST /v1/organisations` (only `KPI_ADMIN_TOKEN`): creates an organisation. `409 conflict` when the
 * id is taken.
 *
 * @example
 * ```ts
 * await app.register(organisationRoutes);
 * ```
 */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    "/v1/organisations",
    {
      config: { access: "admin_token" },
      schema: {
        tags: ["administration"],
        summary: "Create an organisation (KPI_ADMIN_TOKEN only)",
        body: createOrganisationBodySchema,
        response: { 201: organisationSchema, ...errorResponses(401, 403, 409, 413, 422) },
      },
    },
    async (request, reply) => {
      const created = await createOrganisation(app.database.db, request.body);
      if (created === null)
        throw new ApiError("conflict", `An organisation with id '${request.body.id}' exists`);
      return reply.status(201).send({ id: created.id, name: created.name, created_at: created.createdAt });
    },
  );
};
