import {
  analysisBodySchema,
  analysisHistorySchema,
  analysisVersionBodySchema,
  analysisVersionSchema,
  MAX_ANALYSIS_CHARS,
  noContentSchema,
  quarterlyReportSchema,
  reportParamsSchema,
  sectionParamsSchema,
} from "@kpi/contract";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import {
  analysisVersions,
  approveAnalysis,
  personOf,
  revertAnalysis,
  saveAnalysis,
} from "../services/analysis-versions.js";
import { ifNoneMatch } from "../services/if-none-match.js";
import { checkReportPath } from "../services/reporting.js";
import { errorResponses } from "./error-responses.js";

/**
 * The body limit of a section's analysis: its longest text with every character JSON-escaped
 * (`\uXXXX`, six bytes), and room for the envelope. Other small routes take 64 KB.
 */
const analysisBodyBytes = MAX_ANALYSIS_CHARS * 6 + 1024;

/**
 * Report routes: the whole quarterly report for a quarter, and each section's staff analysis text
 * (stored by analysts and admins with author by display name and time; every version kept and listed;
 * an earlier version restored as a new one; the latest signed off by an admin). The report is
 * sent as bytes serialised once per state of its inputs, with a strong `ETag`; a request whose
 * `If-None-Match` holds that tag gets `304` without a body (decision 114).
 *
 * @example
 * ```ts
 * await app.register(reportRoutes);
 * ```
 */
export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/v1/reports/:period",
    {
      config: { access: "read" },
      schema: {
        tags: ["reports"],
        summary: "The quarterly report: sections, indicators (quarter and year to date), KPIs and analysis",
        description:
          "Sent with a strong `ETag`; send it back in `If-None-Match` to get `304 Not Modified` while the report is unchanged.",
        params: reportParamsSchema,
        response: { 200: quarterlyReportSchema, 304: noContentSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { organisationId } = callerOf(request);
      const period = checkReportPath(request.params.period);
      const { body, etag } = await app.reports.response(organisationId, period);
      // Private: the body is one organisation's; revalidate every time (the ETag makes that cheap).
      reply.header("etag", etag).header("cache-control", "private, no-cache").header("vary", "authorization");
      if (ifNoneMatch(request.headers["if-none-match"], etag)) return reply.status(304).send(null);
      // Already serialised by the route's own serialiser (report-response.ts): a Buffer is sent as it is,
      // which the typed reply (expecting the report object) cannot express.
      const bytes: FastifyReply = reply;
      return bytes.status(200).type("application/json; charset=utf-8").send(body);
    },
  );

  app.put(
    "/v1/reports/:period/sections/:section/analysis",
    {
      config: { access: "analyst" },
      bodyLimit: analysisBodyBytes,
      schema: {
        tags: ["reports"],
        summary: "Store a section's analysis text (earlier versions are kept)",
        params: sectionParamsSchema,
        body: analysisBodySchema,
        response: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 413, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      const ref = { organisationId: caller.organisationId, period, section: request.params.section };
      return saveAnalysis(app.database.db, ref, request.body.text, await personOf(app.database.db, caller));
    },
  );

  app.post(
    "/v1/reports/:period/sections/:section/analysis/revert",
    {
      config: { access: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Restore an earlier version's text as a new version (the section returns to draft)",
        params: sectionParamsSchema,
        body: analysisVersionBodySchema,
        response: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      const ref = { organisationId: caller.organisationId, period, section: request.params.section };
      const person = await personOf(app.database.db, caller);
      return revertAnalysis(app.database.db, ref, request.body.version, person);
    },
  );

  app.post(
    "/v1/reports/:period/sections/:section/analysis/approve",
    {
      config: { access: "admin" },
      schema: {
        tags: ["reports"],
        summary: "Sign off the latest version of a section's analysis (admins; decision 153)",
        description:
          "Name the version read: approving a version that is no longer the latest is refused with `409`. An edit or revert after approval returns the section to draft.",
        params: sectionParamsSchema,
        body: analysisVersionBodySchema,
        response: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      const ref = { organisationId: caller.organisationId, period, section: request.params.section };
      const person = await personOf(app.database.db, caller);
      return approveAnalysis(app.database.db, ref, request.body.version, person);
    },
  );

  app.get(
    "/v1/reports/:period/sections/:section/analysis/history",
    {
      config: { access: "read" },
      schema: {
        tags: ["reports"],
        summary: "Every stored version of a section's analysis, newest first",
        params: sectionParamsSchema,
        response: { 200: analysisHistorySchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { organisationId } = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      return {
        period,
        section: request.params.section,
        history: await analysisVersions(app.database.db, {
          organisationId,
          period,
          section: request.params.section,
        }),
      };
    },
  );
};
