import {
  analysisBodySchema,
  analysisHistorySchema,
  analysisVersionSchema,
  quarterlyReportSchema,
  reportParamsSchema,
  sectionParamsSchema,
} from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import { evaluationServiceFor } from "../services/evaluation.js";
import { analysisVersions, checkReportPath, quarterlyReport, saveAnalysis } from "../services/reporting.js";
import { errorResponses } from "./error-responses.js";

/**
 * Report routes: the whole quarterly report for a quarter, and each section's staff analysis text
 * (stored by analysts and admins with author and time; earlier versions kept and listed).
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
        params: reportParamsSchema,
        response: { 200: quarterlyReportSchema, ...errorResponses(401, 403, 422) },
      },
    },
    async (request) => {
      const { organisationId } = callerOf(request);
      const period = checkReportPath(request.params.period);
      const snapshot = await evaluationServiceFor(app.database.db).snapshot(organisationId);
      return quarterlyReport(app.database.db, snapshot, period);
    },
  );

  app.put(
    "/v1/reports/:period/sections/:section/analysis",
    {
      config: { access: "analyst" },
      schema: {
        tags: ["reports"],
        summary: "Store a section's analysis text (earlier versions are kept)",
        params: sectionParamsSchema,
        body: analysisBodySchema,
        response: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const period = checkReportPath(request.params.period, request.params.section);
      return saveAnalysis(app.database.db, {
        organisationId: caller.organisationId,
        period,
        section: request.params.section,
        text: request.body.text,
        author: caller.actor,
      });
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
        history: await analysisVersions(app.database.db, organisationId, period, request.params.section),
      };
    },
  );
};
