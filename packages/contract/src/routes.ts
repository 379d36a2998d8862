import { batchListQuerySchema, batchListSchema, batchResultSchema } from "./batches.js";
import { dataQualityQuerySchema, dataQualityReportSchema } from "./data-quality.js";
import { datasetListSchema } from "./datasets.js";
import { apiIndexSchema, healthSchema } from "./health.js";
import { importParamsSchema, importQuerySchema, importReportSchema } from "./imports.js";
import {
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
  targetsOverviewSchema,
  targetsQuerySchema,
} from "./indicators.js";
import { noContentSchema } from "./no-content.js";
import {
  createOrganisationBodySchema,
  organisationParamsSchema,
  organisationSchema,
  updateOrganisationBodySchema,
} from "./organisations.js";
import {
  recordParamsSchema,
  recordsHeadersSchema,
  recordsParamsSchema,
  recordsQuerySchema,
} from "./records.js";
import {
  analysisBodySchema,
  analysisHistorySchema,
  analysisVersionBodySchema,
  analysisVersionSchema,
  quarterlyReportSchema,
  reportIndexSchema,
  reportParamsSchema,
  sectionParamsSchema,
} from "./reports.js";
import { defineRoute, errorResponses } from "./route-definition.js";
import { seriesQuerySchema, seriesSetSchema } from "./series.js";
import { sessionListSchema, sessionParamsSchema, sessionSchema, signInBodySchema } from "./sessions.js";
import { createdTokenSchema, createTokenBodySchema, tokenListSchema, tokenParamsSchema } from "./tokens.js";
import {
  createUserBodySchema,
  updateUserBodySchema,
  userListSchema,
  userParamsSchema,
  userSchema,
} from "./users.js";

/**
 * Every route of the API, once: method, path, who may call it, its request schemas and the body of
 * each status it answers. The API registers its handlers from this table (a test fails on a route in
 * one and not the other), `@kpi/client` calls through it, and the portal reads through the client.
 *
 * @example
 * ```ts
 * routes.indicatorValues.method; // "GET"
 * routes.indicatorValues.path; // "/v1/indicators/:id/values"
 * routes.setTarget.access; // "analyst"
 * pathOf(routes.indicatorValues, { id: "ffd.contacts_swa_pct" }); // "/v1/indicators/ffd.contacts_swa_pct/values"
 * ```
 */
export const routes = {
  // Health (infrastructure; no token).
  apiIndex: defineRoute({
    method: "GET",
    path: "/",
    access: "public",
    tags: ["health"],
    summary: "Where to start: the reference, the OpenAPI document, the health checks",
    responses: { 200: apiIndexSchema },
  }),
  healthz: defineRoute({
    method: "GET",
    path: "/healthz",
    access: "public",
    tags: ["health"],
    summary: "Liveness",
    responses: { 200: healthSchema },
  }),
  readyz: defineRoute({
    method: "GET",
    path: "/readyz",
    access: "public",
    tags: ["health"],
    summary: "Readiness: the database answers",
    responses: { 200: healthSchema, ...errorResponses(503) },
  }),

  // Organisations.
  createOrganisation: defineRoute({
    method: "POST",
    path: "/v1/organisations",
    access: "admin_token",
    tags: ["administration"],
    summary: "Create an organisation (KPI_ADMIN_TOKEN only)",
    body: createOrganisationBodySchema,
    responses: { 201: organisationSchema, ...errorResponses(401, 403, 409, 413, 422) },
  }),
  currentOrganisation: defineRoute({
    method: "GET",
    path: "/v1/organisation",
    access: "read",
    tags: ["administration"],
    summary: "The caller's own organisation (the token's or session's), with the local authority it is",
    responses: { 200: organisationSchema, ...errorResponses(401, 403, 404) },
  }),
  organisation: defineRoute({
    method: "GET",
    path: "/v1/organisations/:id",
    access: "read",
    tags: ["administration"],
    summary: "Read the organisation, with the local authority it is",
    params: organisationParamsSchema,
    responses: { 200: organisationSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  updateOrganisation: defineRoute({
    method: "PATCH",
    path: "/v1/organisations/:id",
    access: "admin",
    tags: ["administration"],
    summary: "Set or clear the local authority the organisation is (la_code)",
    params: organisationParamsSchema,
    body: updateOrganisationBodySchema,
    responses: { 200: organisationSchema, ...errorResponses(401, 403, 404, 413, 422) },
  }),

  // API tokens.
  createToken: defineRoute({
    method: "POST",
    path: "/v1/tokens",
    access: "admin",
    tags: ["administration"],
    summary: "Create an API token (returned once)",
    body: createTokenBodySchema,
    responses: { 201: createdTokenSchema, ...errorResponses(401, 403, 413, 422) },
  }),
  listTokens: defineRoute({
    method: "GET",
    path: "/v1/tokens",
    access: "admin",
    tags: ["administration"],
    summary: "List the organisation's API tokens (never the tokens themselves)",
    responses: { 200: tokenListSchema, ...errorResponses(401, 403) },
  }),
  revokeToken: defineRoute({
    method: "DELETE",
    path: "/v1/tokens/:id",
    access: "admin",
    tags: ["administration"],
    summary: "Revoke a token",
    params: tokenParamsSchema,
    responses: { 204: noContentSchema, ...errorResponses(401, 403, 404, 422) },
  }),

  // Portal sessions.
  signIn: defineRoute({
    method: "POST",
    path: "/v1/sessions",
    access: "public",
    tags: ["sessions"],
    summary: "Sign in a staff user; returns a session token once",
    body: signInBodySchema,
    responses: { 201: sessionSchema, ...errorResponses(401, 413, 422, 429, 503) },
  }),
  listSessions: defineRoute({
    method: "GET",
    path: "/v1/sessions",
    access: "admin",
    tags: ["sessions"],
    summary: "List the organisation's live portal sessions (never their tokens)",
    responses: { 200: sessionListSchema, ...errorResponses(401, 403) },
  }),
  signOut: defineRoute({
    method: "DELETE",
    path: "/v1/sessions/current",
    access: "authenticated",
    tags: ["sessions"],
    summary: "Sign out: revoke the session token used for this request",
    responses: { 204: noContentSchema, ...errorResponses(401, 403) },
  }),
  endSession: defineRoute({
    method: "DELETE",
    path: "/v1/sessions/:id",
    access: "admin",
    tags: ["sessions"],
    summary: "End someone's portal session (every API instance refuses it at once)",
    params: sessionParamsSchema,
    responses: { 204: noContentSchema, ...errorResponses(401, 403, 404, 422) },
  }),

  // Staff users.
  createUser: defineRoute({
    method: "POST",
    path: "/v1/users",
    access: "admin",
    tags: ["administration"],
    summary: "Create a staff user",
    body: createUserBodySchema,
    responses: { 201: userSchema, ...errorResponses(401, 403, 409, 413, 422) },
  }),
  listUsers: defineRoute({
    method: "GET",
    path: "/v1/users",
    access: "admin",
    tags: ["administration"],
    summary: "List the organisation's staff users",
    responses: { 200: userListSchema, ...errorResponses(401, 403) },
  }),
  updateUser: defineRoute({
    method: "PATCH",
    path: "/v1/users/:id",
    access: "admin",
    tags: ["administration"],
    summary: "Disable a staff user (their sessions end on every instance) or enable them again",
    params: userParamsSchema,
    body: updateUserBodySchema,
    responses: { 200: userSchema, ...errorResponses(401, 403, 404, 413, 422) },
  }),

  // Datasets, records, imports, batches, data quality.
  listDatasets: defineRoute({
    method: "GET",
    path: "/v1/datasets",
    access: "read",
    tags: ["records"],
    summary: "List the datasets, their fields, and what the organisation's records of each cover",
    responses: { 200: datasetListSchema, ...errorResponses(401, 403) },
  }),
  postRecords: defineRoute({
    method: "POST",
    path: "/v1/datasets/:dataset/records",
    access: "ingest",
    tags: ["records"],
    summary: "Post a batch of records (JSON, NDJSON or CSV; streamed; atomic)",
    description:
      "Content-Type `application/json` with `{ \"records\": [ … ] }`, `application/x-ndjson` with one record per line, or `text/csv` with a header row of field names. The query may declare what the records are complete for: `covers_from` and `covers_to` (a period; `source_kind=statutory` for a statutory return's collection year), or `as_of` with an optional `history_from` (an extract), and `source_name`. Without a declaration the coverage is inferred from the records and shown as inferred. `mode=replace` with a declaration replaces only the dataset's records within the coverage (ranges overlapping it, events and snapshots dated in it); without one, the batch becomes the dataset's whole content. The response's `coverage` is the source the batch recorded.",
    consumes: ["application/json", "application/x-ndjson", "text/csv"],
    bodyKind: "stream",
    params: recordsParamsSchema,
    query: recordsQuerySchema,
    headers: recordsHeadersSchema,
    responses: {
      200: batchResultSchema,
      ...errorResponses(400, 401, 403, 404, 408, 413, 415, 422, 429, 503),
    },
  }),
  deleteRecord: defineRoute({
    method: "DELETE",
    path: "/v1/datasets/:dataset/records/:key",
    access: "ingest",
    tags: ["records"],
    summary: "Delete one record by its key (as posted: raw identifiers, `|` between key parts)",
    params: recordParamsSchema,
    responses: { 200: batchResultSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  importReturn: defineRoute({
    method: "POST",
    path: "/v1/imports/:kind",
    access: "ingest",
    tags: ["imports"],
    summary:
      "Import a statutory return (SSDA903: CSV tables or the XML message; the CIN census; the social work workforce census) or Ofsted's Annex A workbook, and answer the import report",
    description:
      "Content-Type `multipart/form-data`, one part per file (any part name; the file name may keep its folder, which can name the collection year). The report is answered whether the import is clean, partial or failed; `outcome` says which, and a failed import writes nothing.",
    consumes: ["multipart/form-data"],
    bodyKind: "multipart",
    params: importParamsSchema,
    query: importQuerySchema,
    responses: { 200: importReportSchema, ...errorResponses(400, 401, 403, 404, 413, 415, 422, 429, 503) },
  }),
  listBatches: defineRoute({
    method: "GET",
    path: "/v1/batches",
    access: "read",
    tags: ["records"],
    summary: "List ingested batches",
    query: batchListQuerySchema,
    responses: { 200: batchListSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  dataQuality: defineRoute({
    method: "GET",
    path: "/v1/data-quality",
    access: "read",
    tags: ["records"],
    summary: "Data-quality findings over the organisation's records",
    query: dataQualityQuerySchema,
    responses: { 200: dataQualityReportSchema, ...errorResponses(401, 403, 422) },
  }),

  // Indicators and targets.
  listIndicators: defineRoute({
    method: "GET",
    path: "/v1/indicators",
    access: "read",
    tags: ["indicators"],
    summary: "The indicator catalogue (with the organisation's local indicators)",
    responses: { 200: indicatorListSchema, ...errorResponses(401, 403) },
  }),
  indicator: defineRoute({
    method: "GET",
    path: "/v1/indicators/:id",
    access: "read",
    tags: ["indicators"],
    summary: "One indicator: its definition, targets and trend at the latest quarter with data",
    params: indicatorParamsSchema,
    query: indicatorDetailQuerySchema,
    responses: { 200: indicatorDetailSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  indicatorValues: defineRoute({
    method: "GET",
    path: "/v1/indicators/:id/values",
    access: "read",
    tags: ["indicators"],
    summary: "An indicator's values per period, oldest first (default: the latest quarter with data)",
    params: indicatorParamsSchema,
    query: indicatorValuesQuerySchema,
    responses: { 200: indicatorSeriesSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  targetChanges: defineRoute({
    method: "GET",
    path: "/v1/indicators/:id/targets",
    access: "read",
    tags: ["indicators"],
    summary: "Every target change of an indicator, newest first, with who made it and when",
    params: indicatorParamsSchema,
    responses: { 200: targetChangesSchema, ...errorResponses(401, 403, 404) },
  }),
  setTarget: defineRoute({
    method: "PUT",
    path: "/v1/indicators/:id/targets/:financial_year",
    access: "analyst",
    tags: ["indicators"],
    summary: "Set an indicator's target for a financial year: { value, tolerance? } or { range, tolerance? }",
    params: targetParamsSchema,
    body: targetBodySchema,
    responses: { 200: targetSetSchema, ...errorResponses(401, 403, 404, 413, 422) },
  }),
  targets: defineRoute({
    method: "GET",
    path: "/v1/targets",
    access: "read",
    tags: ["indicators"],
    summary:
      "Every indicator's targets in one response: default, per financial year, and in force for the year asked (default: the latest quarter's year)",
    query: targetsQuerySchema,
    responses: { 200: targetsOverviewSchema, ...errorResponses(401, 403, 422) },
  }),
  series: defineRoute({
    method: "GET",
    path: "/v1/series",
    access: "read",
    tags: ["indicators"],
    summary:
      "Every indicator's values per period, oldest first, in one response (default: the latest quarter with data)",
    query: seriesQuerySchema,
    responses: { 200: seriesSetSchema, ...errorResponses(401, 403, 422) },
  }),

  // Reports and their analysis.
  reportIndex: defineRoute({
    method: "GET",
    path: "/v1/reports",
    access: "read",
    tags: ["reports"],
    summary: "The report's sections and the latest quarter the organisation's data covers",
    description:
      "`latest_quarter` is the latest quarter lying wholly inside some dated dataset's coverage (`null` before any is loaded): the default period of the dashboard and the report.",
    responses: { 200: reportIndexSchema, ...errorResponses(401, 403) },
  }),
  report: defineRoute({
    method: "GET",
    path: "/v1/reports/:period",
    access: "read",
    tags: ["reports"],
    summary: "The quarterly report: sections, indicators (quarter and year to date), KPIs and analysis",
    description:
      "Sent with a strong `ETag`; send it back in `If-None-Match` to get `304 Not Modified` while the report is unchanged.",
    params: reportParamsSchema,
    responses: { 200: quarterlyReportSchema, 304: noContentSchema, ...errorResponses(401, 403, 422) },
  }),
  saveAnalysis: defineRoute({
    method: "PUT",
    path: "/v1/reports/:period/sections/:section/analysis",
    access: "analyst",
    tags: ["reports"],
    summary: "Store a section's analysis text (earlier versions are kept)",
    params: sectionParamsSchema,
    body: analysisBodySchema,
    responses: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 413, 422) },
  }),
  revertAnalysis: defineRoute({
    method: "POST",
    path: "/v1/reports/:period/sections/:section/analysis/revert",
    access: "analyst",
    tags: ["reports"],
    summary: "Restore an earlier version's text as a new version (the section returns to draft)",
    params: sectionParamsSchema,
    body: analysisVersionBodySchema,
    responses: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 422) },
  }),
  approveAnalysis: defineRoute({
    method: "POST",
    path: "/v1/reports/:period/sections/:section/analysis/approve",
    access: "admin",
    tags: ["reports"],
    summary: "Sign off the latest version of a section's analysis (admins; decision 153)",
    description:
      "Name the version read: approving a version that is no longer the latest is refused with `409`. An edit or revert after approval returns the section to draft.",
    params: sectionParamsSchema,
    body: analysisVersionBodySchema,
    responses: { 200: analysisVersionSchema, ...errorResponses(401, 403, 404, 409, 422) },
  }),
  analysisHistory: defineRoute({
    method: "GET",
    path: "/v1/reports/:period/sections/:section/analysis/history",
    access: "read",
    tags: ["reports"],
    summary: "Every stored version of a section's analysis, newest first",
    params: sectionParamsSchema,
    responses: { 200: analysisHistorySchema, ...errorResponses(401, 403, 404, 422) },
  }),
} as const;

/** The name of a route in {@link routes}. */
export type RouteName = keyof typeof routes;
