import { MAX_ANALYSIS_CHARS, routes } from "@kpi/contract";
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
import { checkReportPath, reportIndex } from "../services/reporting.js";
import { registerRoute } from "./register-route.js";

/**
 * The body limit of a section's analysis: its longest text with every character JSON-escaped
 * (`\uXXXX`, six bytes), and room for the envelope. Other small routes take 64 KB.
 */
const analysisBodyBytes = MAX_ANALYSIS_CHARS * 6 + 1024;

/**
 * Report routes: the report's sections and the latest quarter with data, the whole quarterly report for a quarter, and each section's staff analysis text
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
  registerRoute(app, routes.reportIndex, async (request) => {
    const { organisationId } = callerOf(request);
    return reportIndex(await app.evaluation.snapshot(organisationId));
  });

  registerRoute(app, routes.report, async (request, reply) => {
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
  });

  registerRoute(
    app,
    routes.saveAnalysis,
    async (request) => {
      const caller = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      const ref = { organisationId: caller.organisationId, period, section: request.params.section };
      return saveAnalysis(app.database.db, ref, request.body.text, await personOf(app.database.db, caller));
    },
    { bodyLimit: analysisBodyBytes },
  );

  registerRoute(app, routes.revertAnalysis, async (request) => {
    const caller = callerOf(request);
    const period = checkReportPath(request.params.period, request.params.section);
    const ref = { organisationId: caller.organisationId, period, section: request.params.section };
    const person = await personOf(app.database.db, caller);
    return revertAnalysis(app.database.db, ref, request.body.version, person);
  });

  registerRoute(app, routes.approveAnalysis, async (request) => {
    const caller = callerOf(request);
    const period = checkReportPath(request.params.period, request.params.section);
    const ref = { organisationId: caller.organisationId, period, section: request.params.section };
    const person = await personOf(app.database.db, caller);
    return approveAnalysis(app.database.db, ref, request.body.version, person);
  });

  registerRoute(app, routes.analysisHistory, async (request) => {
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
  });
};
