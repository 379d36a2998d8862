import fp from "fastify-plugin";
import { createEvaluationService, type EvaluationService } from "../services/evaluation.js";
import { createIngestionService, type IngestionService } from "../services/ingestion.js";
import { createReportService, type ReportService } from "../services/report-response.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The organisations' evaluators, cached per data version (decision 080). */
    evaluation: EvaluationService;
    /** Every write of records: admission, the writes themselves and their events. */
    ingestion: IngestionService;
    /** The quarterly reports, their caches and the warm-up after batches. */
    reports: ReportService;
  }
}

/**
 * The evaluation service as a plugin: one per app, made from its store.
 *
 * @example
 * ```ts
 * await app.register(evaluationPlugin);
 * const { evaluator } = await app.evaluation.snapshot("default");
 * ```
 */
export const evaluationPlugin = fp(
  async (app) => {
    app.decorate("evaluation", createEvaluationService(app.database.db));
  },
  { name: "kpi-evaluation", dependencies: ["kpi-store"] },
);

/**
 * The ingestion service as a plugin: posted batches, deleted records and statutory imports share its
 * admission (decision 141) and emit its events (`batchStarted`, `batchCommitted`, `batchEnded`).
 *
 * @example
 * ```ts
 * await app.register(ingestionPlugin);
 * app.ingestion.events.on("batchCommitted", ({ organisationId }) => app.log.info({ organisationId }));
 * ```
 */
export const ingestionPlugin = fp(
  async (app) => {
    app.decorate(
      "ingestion",
      createIngestionService({
        db: app.database.db,
        databaseKind: app.database.kind,
        connections: app.database.connections,
        pseudonymKey: app.pseudonymKey,
        maxBodyBytes: app.config.maxBodyBytes,
        bodyIdleMs: app.config.bodyIdleMs,
        maxBatchesPerOrganisation: app.config.maxBatchesPerOrganisation,
        transactionWaitMs: app.config.dbAcquireTimeoutMs,
        onListenerError: () => app.log.warn("a listener of the ingestion events failed"),
      }),
    );
  },
  { name: "kpi-ingestion", dependencies: ["kpi-store"] },
);

/**
 * The report service as a plugin: it listens to the ingestion service's events to warm each
 * organisation's latest report once its batches settle (`KPI_REPORT_WARMUP_MS`, decision 118), and
 * cancels pending warm-ups when the app closes.
 *
 * @example
 * ```ts
 * await app.register(reportsPlugin);
 * const { body, etag } = await app.reports.response("default", "FY2019-20-Q2");
 * ```
 */
export const reportsPlugin = fp(
  async (app) => {
    const reports = createReportService({
      db: app.database.db,
      evaluation: app.evaluation,
      ...(app.config.reportWarmupMs === undefined ? {} : { warmupMs: app.config.reportWarmupMs }),
      onWarmupSettled: (_organisationId, outcome) => {
        if ("error" in outcome)
          app.log.debug("report warm-up did not finish; the next request builds the report");
      },
    });
    const stop = reports.listenTo(app.ingestion.events);
    app.decorate("reports", reports);
    app.addHook("onClose", async () => {
      stop();
      reports.close();
    });
  },
  { name: "kpi-reports", dependencies: ["kpi-store", "kpi-evaluation", "kpi-ingestion"] },
);
