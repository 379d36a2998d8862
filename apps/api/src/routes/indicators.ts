import { indicatorAnalysisSchema, indicatorSeriesSchema, targetHistorySchema } from "@kpi/catalogue";
import { polaritySchema, targetSchema, unitSchema, windowSchema } from "@kpi/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../plugins/auth.js";
import { evaluationServiceFor } from "../services/evaluation.js";
import {
  checkFinancialYear,
  findDefinition,
  indicatorDetail,
  indicatorValues,
  setTarget,
  targetChanges,
} from "../services/reporting.js";
import { errorResponses } from "./error-responses.js";

const idParams = z.object({ id: z.string().min(1).max(100) });

const indicatorSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  section: z.string(),
  unit: unitSchema,
  polarity: polaritySchema,
  kind: z.enum(["flow", "stock"]),
  definition: z.string(),
  numerator: z.string().nullable(),
  denominator: z.string().nullable(),
  breakdowns: z.array(z.string()),
  decimals: z.number().int().nullable(),
  dfe_comparable: z.boolean(),
  source: z.enum(["records", "observations"]),
});

const targetChangeSchema = z.object({
  financial_year: z.string(),
  target: targetSchema.nullable(),
  set_by: z.string(),
  set_at: z.string(),
});

type Definition = ReturnType<typeof findDefinition>;

function summary(d: Definition): z.infer<typeof indicatorSummarySchema> {
  return {
    id: d.id,
    title: d.title,
    section: d.section,
    unit: d.unit,
    polarity: d.polarity,
    kind: d.kind,
    definition: d.definition,
    numerator: d.numerator ?? null,
    denominator: d.denominator ?? null,
    breakdowns: d.breakdowns,
    decimals: d.decimals ?? null,
    dfe_comparable: d.dfeComparable,
    source: d.source,
  };
}

/**
 * Indicator routes: the catalogue, one indicator with its trend and targets, its values over a range of
 * periods, and its targets per financial year (set by analysts and admins, every change kept).
 *
 * @example
 * ```ts
 * await app.register(indicatorRoutes);
 * ```
 */
export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const snapshotFor = (organisationId: string) =>
    evaluationServiceFor(app.database.db).snapshot(organisationId);

  app.get(
    "/v1/indicators",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "The indicator catalogue (with the organisation's local indicators)",
        response: {
          200: z.object({ indicators: z.array(indicatorSummarySchema) }),
          ...errorResponses(401, 403),
        },
      },
    },
    async (request) => {
      const snapshot = await snapshotFor(callerOf(request).organisationId);
      return { indicators: snapshot.evaluator.definitions().map(summary) };
    },
  );

  app.get(
    "/v1/indicators/:id",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "One indicator: its definition, targets and trend at the latest quarter with data",
        params: idParams,
        querystring: z.object({ period: z.string().max(20).optional(), window: windowSchema.optional() }),
        response: {
          200: z.object({
            indicator: indicatorSummarySchema,
            default_target: targetSchema.nullable(),
            targets: targetHistorySchema,
            target_history: z.array(targetChangeSchema),
            analysis: indicatorAnalysisSchema.nullable(),
          }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const snapshot = await snapshotFor(callerOf(request).organisationId);
      const detail = await indicatorDetail(app.database.db, snapshot, request.params.id, request.query);
      return {
        indicator: summary(detail.definition),
        default_target: detail.definition.target ?? null,
        targets: detail.targets,
        target_history: detail.target_history,
        analysis: detail.analysis,
      };
    },
  );

  app.get(
    "/v1/indicators/:id/values",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "An indicator's values per period, oldest first (default: the latest quarter with data)",
        params: idParams,
        querystring: z.object({
          from: z.string().max(20).optional(),
          to: z.string().max(20).optional(),
          window: windowSchema.default("quarter"),
          by: z.string().min(1).max(64).optional(),
        }),
        response: { 200: indicatorSeriesSchema, ...errorResponses(401, 403, 404, 422) },
      },
    },
    async (request) => {
      const snapshot = await snapshotFor(callerOf(request).organisationId);
      return indicatorValues(app.database.db, snapshot, request.params.id, request.query);
    },
  );

  app.get(
    "/v1/indicators/:id/targets",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "Every target change of an indicator, newest first, with who made it and when",
        params: idParams,
        response: {
          200: z.object({ indicator: z.string(), history: z.array(targetChangeSchema) }),
          ...errorResponses(401, 403, 404),
        },
      },
    },
    async (request) => {
      const { organisationId } = callerOf(request);
      const definition = findDefinition(await snapshotFor(organisationId), request.params.id);
      return {
        indicator: definition.id,
        history: await targetChanges(app.database.db, organisationId, definition.id),
      };
    },
  );

  app.put(
    "/v1/indicators/:id/targets/:financial_year",
    {
      config: { access: "analyst" },
      schema: {
        tags: ["indicators"],
        summary:
          "Set an indicator's target for a financial year: { value, tolerance? } or { range, tolerance? }",
        params: idParams.extend({ financial_year: z.string().min(1).max(20) }),
        body: targetSchema,
        response: {
          200: targetChangeSchema.extend({ indicator: z.string() }),
          ...errorResponses(401, 403, 404, 422),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const definition = findDefinition(await snapshotFor(caller.organisationId), request.params.id);
      const financialYear = checkFinancialYear(request.params.financial_year);
      const change = await setTarget(app.database.db, {
        organisationId: caller.organisationId,
        indicator: definition.id,
        financialYear,
        target: request.body,
        actor: caller.actor,
      });
      return { indicator: definition.id, ...change };
    },
  );
};
