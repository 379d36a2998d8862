import { type Organisation as OrganisationBody, routes } from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import {
  createOrganisation,
  findOrganisation,
  type Organisation,
  organisationVisibleTo,
  setOrganisationAuthority,
} from "../services/organisations.js";
import { registerRoute } from "./register-route.js";

function toBody(organisation: Organisation): OrganisationBody {
  const a = organisation.authority;
  return {
    id: organisation.id,
    name: organisation.name,
    created_at: organisation.createdAt,
    authority:
      a === null
        ? null
        : {
            old_la_code: a.oldLaCode,
            new_la_code: a.newLaCode,
            la_name: a.laName,
            region_code: a.regionCode,
            region_name: a.regionName,
          },
  };
}

/**
 * Organisations: `POST /v1/organisations` (only `KPI_ADMIN_TOKEN`) creates one, optionally with the
 * local authority it is (`la_code`), `409 conflict` when the id is taken; `GET /v1/organisations/{id}`
 * reads the caller's own organisation (any role); `PATCH /v1/organisations/{id}` sets or clears its
 * `la_code` (the organisation's admin, or `KPI_ADMIN_TOKEN` for any). Another organisation is `404`;
 * a code no authority in England has is `422 validation_failed` naming `la_code`.
 *
 * @example
 * ```ts
 * await app.register(organisationRoutes);
 * ```
 */
export const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  registerRoute(app, routes.createOrganisation, async (request, reply) => {
    const { id, name, la_code } = request.body;
    const created = await createOrganisation(app.database.db, { id, name, laCode: la_code });
    if (created === null)
      throw new ApiError("conflict", `An organisation with id '${request.body.id}' exists`);
    return reply.status(201).send(toBody(created));
  });

  // "Who am I": the caller's own organisation, so a script need not be told its id.
  registerRoute(app, routes.currentOrganisation, async (request) => {
    const found = await findOrganisation(app.database.db, callerOf(request).organisationId);
    if (found === null) throw new ApiError("not_found", "The caller's organisation does not exist");
    return toBody(found);
  });

  registerRoute(app, routes.organisation, async (request) => {
    const found = organisationVisibleTo(callerOf(request), request.params.id)
      ? await findOrganisation(app.database.db, request.params.id)
      : null;
    if (found === null) throw new ApiError("not_found", "No such organisation");
    return toBody(found);
  });

  registerRoute(app, routes.updateOrganisation, async (request) => {
    const updated = organisationVisibleTo(callerOf(request), request.params.id)
      ? await setOrganisationAuthority(app.database.db, request.params.id, request.body.la_code)
      : null;
    if (updated === null) throw new ApiError("not_found", "No such organisation");
    return toBody(updated);
  });
};
