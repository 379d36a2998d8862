import {
  type IndicatorSummary,
  indicatorDetailQuerySchema,
  indicatorDetailSchema,
  indicatorListSchema,
  indicatorParamsSchema,
  indicatorSeriesSchema,
  indicatorValuesQuerySchema,
  targetBodySchema,
  targetChangesSchema,
  targetParamsSchema,
  targetSetSchema,
} from "@kpi/contract";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../plugins/auth.js";
import {
  checkFinancialYear,
  findDefinition,
  indicatorDetail,
  indicatorValues,
  setTarget,
  targetChanges,
} from "../services/reporting.js";
import { errorResponses } from "./error-responses.js";

type Definition = ReturnType<typeof findDefinition>;

function summary(d: Definition): IndicatorSummary {
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
  const snapshotFor = (organisationId: string) => app.evaluation.snapshot(organisationId);

  app.get(
    "/v1/indicators",
    {
      config: { access: "read" },
      schema: {
        tags: ["indicators"],
        summary: "The indicator catalogue (with the organisation's local indicators)",
        response: { 200: indicatorListSchema, ...errorResponses(401, 403) },
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
        params: indicatorParamsSchema,
        querystring: indicatorDetailQuerySchema,
        response: { 200: indicatorDetailSchema, ...errorResponses(401, 403, 404, 422) },
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
        params: indicatorParamsSchema,
        querystring: indicatorValuesQuerySchema,
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
        params: indicatorParamsSchema,
        response: { 200: targetChangesSchema, ...errorResponses(401, 403, 404) },
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
        params: targetParamsSchema,
        body: targetBodySchema,
        response: { 200: targetSetSchema, ...errorResponses(401, 403, 404, 413, 422) },
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
