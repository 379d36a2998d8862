import { type IndicatorSummary, routes } from "@kpi/contract";
import { financialYearId, parsePeriodOrThrow, targetOutsideUnit } from "@kpi/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { ApiError } from "../errors.js";
import { callerOf } from "../plugins/auth.js";
import {
  allTargets,
  checkFinancialYear,
  findDefinition,
  indicatorDetail,
  indicatorValues,
  setTarget,
  targetChanges,
} from "../services/reporting.js";
import { registerRoute } from "./register-route.js";

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

  registerRoute(app, routes.listIndicators, async (request) => {
    const snapshot = await snapshotFor(callerOf(request).organisationId);
    return { indicators: snapshot.evaluator.definitions().map(summary) };
  });

  registerRoute(app, routes.indicator, async (request) => {
    const snapshot = await snapshotFor(callerOf(request).organisationId);
    const detail = await indicatorDetail(app.database.db, snapshot, request.params.id, request.query);
    return {
      indicator: summary(detail.definition),
      default_target: detail.definition.target ?? null,
      targets: detail.targets,
      target_history: detail.target_history,
      analysis: detail.analysis,
    };
  });

  // Every indicator's targets in one response (the portal's targets page makes this one call).
  registerRoute(app, routes.targets, async (request) => {
    const { organisationId } = callerOf(request);
    const snapshot = await snapshotFor(organisationId);
    const latest = snapshot.evaluator.latestQuarterWithData();
    const asked = request.query.financial_year;
    const year =
      asked !== undefined
        ? checkFinancialYear(asked)
        : latest === null
          ? null
          : financialYearId(parsePeriodOrThrow(latest).fyStartYear);
    const { current, lastChange } = await allTargets(app.database.db, organisationId);
    return {
      financial_year: year,
      latest_quarter: latest,
      indicators: snapshot.evaluator.definitions().map((d) => {
        const targets = current[d.id] ?? {};
        const defaultTarget = d.target ?? null;
        // A year set (or withdrawn: null) for the indicator overrides its default target.
        const inForce = year === null ? null : year in targets ? (targets[year] ?? null) : defaultTarget;
        return {
          indicator: summary(d),
          default_target: defaultTarget,
          targets,
          in_force: inForce,
          last_change: lastChange[d.id] ?? null,
        };
      }),
    };
  });

  registerRoute(app, routes.indicatorValues, async (request) => {
    const snapshot = await snapshotFor(callerOf(request).organisationId);
    return indicatorValues(app.database.db, snapshot, request.params.id, request.query);
  });

  registerRoute(app, routes.targetChanges, async (request) => {
    const { organisationId } = callerOf(request);
    const definition = findDefinition(await snapshotFor(organisationId), request.params.id);
    return {
      indicator: definition.id,
      history: await targetChanges(app.database.db, organisationId, definition.id),
    };
  });

  registerRoute(app, routes.setTarget, async (request) => {
    const caller = callerOf(request);
    const definition = findDefinition(await snapshotFor(caller.organisationId), request.params.id);
    const financialYear = checkFinancialYear(request.params.financial_year);
    // A target no value of the indicator's unit can reach (150% of a percentage) is refused.
    const outside = targetOutsideUnit(request.body, definition.unit);
    if (outside !== null)
      throw new ApiError("validation_failed", outside.message, {
        issues: [{ field: outside.field, message: outside.message }],
        issueCount: 1,
      });
    const change = await setTarget(app.database.db, {
      organisationId: caller.organisationId,
      indicator: definition.id,
      financialYear,
      target: request.body,
      actor: caller.actor,
    });
    return { indicator: definition.id, ...change };
  });
};
