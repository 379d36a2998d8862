import "server-only";
import {
  type AnalysisHistory,
  type AnalysisVersion,
  analysisHistorySchema,
  analysisVersionSchema,
  type BatchSummary,
  batchListSchema,
  type CreatedToken,
  createdTokenSchema,
  type DataQualityReport,
  type DatasetDescription,
  dataQualityReportSchema,
  datasetListSchema,
  type ImportReport,
  type IndicatorDetail,
  type IndicatorSeries,
  type IndicatorSummary,
  importReportSchema,
  indicatorDetailSchema,
  indicatorListSchema,
  indicatorSeriesSchema,
  type Organisation,
  organisationSchema,
  type QuarterlyReport,
  quarterlyReportSchema,
  type Role,
  type SeriesSet,
  type Session,
  type SessionInfo,
  seriesSetSchema,
  sessionListSchema,
  sessionSchema,
  type TargetSet,
  type TokenInfo,
  targetSetSchema,
  tokenListSchema,
  tolerantErrorBodySchema,
  type User,
  userListSchema,
  userSchema,
} from "@kpi/contract";
import type { Target, Window } from "@kpi/core";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { webConfig } from "./env";
import { requireSession } from "./session";

/**
 * The one door from the portal to the API. Every page, action and route handler reads and writes
 * through these functions, on the server only: the API token never reaches the browser.
 *
 * Reads (`get…`) return the data or leave the page the way a person expects: an expired session goes
 * to the sign-in page, an unknown indicator to "not found", anything else to the error page (with no
 * internals). Writes return an {@link ApiOutcome} so a form can show what went wrong beside the field.
 */

/** A write's outcome: the data, or the status, a message for people and messages per field. */
export type ApiOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string; fieldErrors: Record<string, string[]> };

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The person's address for the API, as `X-Forwarded-For`: the header as the portal received it (Next.js
 * adds the connection's address when no proxy in front sent one). The API believes it only from the
 * addresses in its `KPI_TRUSTED_PROXIES`, so each member of staff is limited on their own, not all
 * together as the portal's one address (decision 142).
 */
async function forwardedFor(): Promise<Record<string, string>> {
  const incoming = (await headers()).get("x-forwarded-for");
  return incoming === null || incoming === "" ? {} : { "x-forwarded-for": incoming };
}

/** Sends one request to the API and checks the answer against the portal's schema. */
async function call<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  options: { token?: string; body?: unknown; form?: FormData } = {},
): Promise<ApiOutcome<z.infer<S>>> {
  const headers: Record<string, string> = { accept: "application/json", ...(await forwardedFor()) };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  // A FormData body is sent as multipart/form-data; fetch sets the content type with its boundary.
  const body = options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  let response: Response;
  try {
    response = await fetch(`${webConfig.apiUrl}${path}`, {
      method,
      headers,
      cache: "no-store",
      ...(body === undefined ? {} : { body }),
    });
  } catch {
    return {
      ok: false,
      status: 503,
      code: "unavailable",
      message: "The reporting service cannot be reached. Try again in a minute.",
      fieldErrors: {},
    };
  }
  if (!response.ok) return failure(response);
  const parsed = schema.safeParse(response.status === 204 ? null : await response.json());
  if (!parsed.success) {
    throw new Error(`The API's answer to ${method} ${path.split("?")[0]} did not have the expected shape`);
  }
  return { ok: true, data: parsed.data };
}

async function failure(response: Response): Promise<{
  ok: false;
  status: number;
  code: string;
  message: string;
  fieldErrors: Record<string, string[]>;
}> {
  const body = tolerantErrorBodySchema.safeParse(await response.json().catch(() => null));
  const fieldErrors: Record<string, string[]> = {};
  if (body.success) {
    for (const issue of body.data.error.issues ?? []) {
      const field = issue.field ?? "form";
      fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
    }
  }
  return {
    ok: false,
    status: response.status,
    code: body.success ? body.data.error.code : "error",
    message: body.success ? body.data.error.message : `The reporting service answered ${response.status}.`,
    fieldErrors,
  };
}

/**
 * Unwraps a read for a page: sign-in on 401; sign-in on 403 too, since pages only ask for what the
 * session's role may read, so a refusal means the session cookie claims a role its token does not
 * have (edited, or the role changed); not-found on 404; the error page otherwise.
 */
function orLeave<T>(outcome: ApiOutcome<T>): T {
  if (outcome.ok) return outcome.data;
  if (outcome.status === 401) redirect("/signin?reason=expired");
  if (outcome.status === 403) redirect("/signin?reason=role");
  if (outcome.status === 404) notFound();
  throw new Error(outcome.message);
}

async function read<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  const { token } = await requireSession();
  return orLeave(await call("GET", path, schema, { token }));
}

async function write<S extends z.ZodType>(
  method: Method,
  path: string,
  schema: S,
  body?: unknown,
): Promise<ApiOutcome<z.infer<S>>> {
  const { token } = await requireSession();
  return call(method, path, schema, { token, ...(body === undefined ? {} : { body }) });
}

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") search.set(k, v);
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

const seg = encodeURIComponent;

/**
 * Signs a staff user in: `POST /v1/sessions`.
 *
 * @param username - the username
 * @param password - the password
 * @param organisation - the organisation's id, when the person gave it (usernames are per organisation)
 * @returns the session token and the user, or why not (401 for wrong details, 429 when throttled)
 * @example
 * ```ts
 * const r = await signIn("j.smith", "correct horse battery");
 * ```
 */
export async function signIn(
  username: string,
  password: string,
  organisation?: string,
): Promise<ApiOutcome<Session>> {
  return call("POST", "/v1/sessions", sessionSchema, {
    body: { username, password, ...(organisation === undefined ? {} : { organisation }) },
  });
}

/**
 * Signs out: revokes the session token (`DELETE /v1/sessions/current`). An already expired token is
 * fine: the person is signed out either way.
 *
 * @param token - the session token
 * @returns the outcome
 * @example
 * ```ts
 * await signOut(session.token);
 * ```
 */
export async function signOut(token: string): Promise<ApiOutcome<null>> {
  return call("DELETE", "/v1/sessions/current", z.null(), { token });
}

/**
 * The indicator catalogue (`GET /v1/indicators`).
 *
 * @returns every indicator
 * @example
 * ```ts
 * const indicators = await getIndicators();
 * ```
 */
export const getIndicators = cache(async (): Promise<IndicatorSummary[]> => {
  return (await read("/v1/indicators", indicatorListSchema)).indicators;
});

/**
 * One indicator's definition, targets and trend (`GET /v1/indicators/{id}`).
 *
 * @param id - the indicator id
 * @param period - the quarter for the trend (default the latest with data)
 * @param window - the window of the trend
 * @returns the detail; leaves for "not found" when the indicator is unknown
 * @example
 * ```ts
 * const detail = await getIndicator("ffd.contacts_swa_pct", undefined, "quarter");
 * ```
 */
export const getIndicator = cache(
  async (id: string, period: string | undefined, window: Window): Promise<IndicatorDetail> => {
    return read(`/v1/indicators/${seg(id)}${query({ period, window })}`, indicatorDetailSchema);
  },
);

/**
 * An indicator's values over a range (`GET /v1/indicators/{id}/values`).
 *
 * @param id - the indicator id
 * @param window - `quarter`, `ytd`, `rolling12`, …
 * @param from - first period (optional)
 * @param to - last period (optional; default the latest with data)
 * @param by - a breakdown field (optional)
 * @returns the series, oldest first
 * @example
 * ```ts
 * await getIndicatorValues("ffd.contacts_swa_pct", "quarter", "FY2017-18-Q3", "FY2019-20-Q2", undefined);
 * ```
 */
export const getIndicatorValues = cache(
  async (
    id: string,
    window: Window,
    from: string | undefined,
    to: string | undefined,
    by: string | undefined,
  ): Promise<IndicatorSeries> => {
    return read(`/v1/indicators/${seg(id)}/values${query({ from, to, window, by })}`, indicatorSeriesSchema);
  },
);

/**
 * Every indicator's values over one range in a single request (`GET /v1/series`): what the dashboard
 * draws its sparklines from, instead of one values request per indicator.
 *
 * @param window - `quarter`, `ytd`, `rolling12`, …
 * @param from - first period (optional)
 * @param to - last period (optional; default the latest with data)
 * @returns the window and each indicator's values, oldest first
 * @example
 * ```ts
 * const { indicators } = await getSeries("quarter", "FY2017-18-Q3", "FY2019-20-Q2");
 * ```
 */
export const getSeries = cache(
  async (window: Window, from: string | undefined, to: string | undefined): Promise<SeriesSet> => {
    return read(`/v1/series${query({ from, to, window })}`, seriesSetSchema);
  },
);

/**
 * The latest quarter with data: the default period of the dashboard and report.
 *
 * @returns a quarter id such as `FY2019-20-Q2`, or `null` when nothing has been ingested
 * @example
 * ```ts
 * const latest = await getLatestQuarter();
 * ```
 */
export const getLatestQuarter = cache(async (): Promise<string | null> => {
  const indicators = await getIndicators();
  const first = indicators.find((i) => i.source === "records") ?? indicators[0];
  if (first === undefined) return null;
  const series = await getIndicatorValues(first.id, "quarter", undefined, undefined, undefined);
  return series.values.at(-1)?.period ?? null;
});

/**
 * The quarterly report (`GET /v1/reports/{period}`).
 *
 * @param period - a quarter id
 * @returns the report's sections, indicators, KPIs and analysis
 * @example
 * ```ts
 * const report = await getReport("FY2019-20-Q2");
 * ```
 */
export const getReport = cache(async (period: string): Promise<QuarterlyReport> => {
  return read(`/v1/reports/${seg(period)}`, quarterlyReportSchema);
});

/**
 * Stores a section's analysis text (`PUT /v1/reports/{period}/sections/{section}/analysis`).
 *
 * @param period - the quarter
 * @param section - the section id
 * @param text - the text (paragraphs separated by blank lines)
 * @returns the stored version with author and time, or why not
 * @example
 * ```ts
 * await saveAnalysis("FY2019-20-Q2", "ffd", "Contacts rose…");
 * ```
 */
export async function saveAnalysis(
  period: string,
  section: string,
  text: string,
): Promise<ApiOutcome<AnalysisVersion>> {
  return write("PUT", `/v1/reports/${seg(period)}/sections/${seg(section)}/analysis`, analysisVersionSchema, {
    text,
  });
}

/**
 * Every stored version of a section's analysis, newest first
 * (`GET /v1/reports/{period}/sections/{section}/analysis/history`).
 *
 * @param period - the quarter
 * @param section - the section id
 * @returns the versions with author, time, revert and approval
 * @example
 * ```ts
 * const { history } = await getAnalysisHistory("FY2019-20-Q2", "through_care");
 * ```
 */
export const getAnalysisHistory = cache(async (period: string, section: string): Promise<AnalysisHistory> => {
  return read(`/v1/reports/${seg(period)}/sections/${seg(section)}/analysis/history`, analysisHistorySchema);
});

/**
 * Restores an earlier version of a section's analysis as a new version
 * (`POST /v1/reports/{period}/sections/{section}/analysis/revert`).
 *
 * @param period - the quarter
 * @param section - the section id
 * @param version - the version to restore
 * @returns the new version, or why not
 * @example
 * ```ts
 * await revertAnalysis("FY2019-20-Q2", "through_care", 3);
 * ```
 */
export async function revertAnalysis(
  period: string,
  section: string,
  version: number,
): Promise<ApiOutcome<AnalysisVersion>> {
  return write(
    "POST",
    `/v1/reports/${seg(period)}/sections/${seg(section)}/analysis/revert`,
    analysisVersionSchema,
    { version },
  );
}

/**
 * Signs off the latest version of a section's analysis, named by its number
 * (`POST /v1/reports/{period}/sections/{section}/analysis/approve`; admins only).
 *
 * @param period - the quarter
 * @param section - the section id
 * @param version - the version read and approved
 * @returns the version with its approval, or why not (409 when it is no longer the latest)
 * @example
 * ```ts
 * await approveAnalysis("FY2019-20-Q2", "through_care", 4);
 * ```
 */
export async function approveAnalysis(
  period: string,
  section: string,
  version: number,
): Promise<ApiOutcome<AnalysisVersion>> {
  return write(
    "POST",
    `/v1/reports/${seg(period)}/sections/${seg(section)}/analysis/approve`,
    analysisVersionSchema,
    { version },
  );
}

/**
 * Sets an indicator's target for a financial year (`PUT /v1/indicators/{id}/targets/{fy}`).
 *
 * @param id - the indicator
 * @param financialYear - e.g. `FY2019-20`
 * @param target - `{ value, tolerance? }` or `{ range, tolerance? }`
 * @returns the change with who made it, or why not
 * @example
 * ```ts
 * await setTarget("ffd.contacts_swa_pct", "FY2019-20", { value: 60, tolerance: 3 });
 * ```
 */
export async function setTarget(
  id: string,
  financialYear: string,
  target: Target,
): Promise<ApiOutcome<TargetSet>> {
  return write("PUT", `/v1/indicators/${seg(id)}/targets/${seg(financialYear)}`, targetSetSchema, target);
}

/**
 * The organisation's ingested batches, newest first (`GET /v1/batches`).
 *
 * @returns up to 100 batches
 * @example
 * ```ts
 * const batches = await getBatches();
 * ```
 */
export const getBatches = cache(async (): Promise<BatchSummary[]> => {
  return (await read("/v1/batches?limit=100", batchListSchema)).batches;
});

/**
 * Every dataset with what the organisation holds of it: its coverage and sources (`GET /v1/datasets`).
 *
 * @returns the datasets, in the data contract's order
 * @example
 * ```ts
 * const cla = (await getDatasets()).find((d) => d.name === "cla_episodes");
 * ```
 */
export const getDatasets = cache(async (): Promise<DatasetDescription[]> => {
  return (await read("/v1/datasets", datasetListSchema)).datasets;
});

/**
 * Data-quality findings (`GET /v1/data-quality`).
 *
 * @param asAt - the date to check as at (default: the API's today)
 * @returns the findings
 * @example
 * ```ts
 * const { findings } = await getDataQuality("2019-09-30");
 * ```
 */
export const getDataQuality = cache(async (asAt: string | undefined): Promise<DataQualityReport> => {
  return read(`/v1/data-quality${query({ as_at: asAt })}`, dataQualityReportSchema);
});

/**
 * The organisation's API tokens, without secrets (`GET /v1/tokens`, admin).
 *
 * @returns the tokens
 * @example
 * ```ts
 * const tokens = await getTokens();
 * ```
 */
export const getTokens = cache(async (): Promise<TokenInfo[]> => {
  return (await read("/v1/tokens", tokenListSchema)).tokens;
});

/**
 * Creates an API token (`POST /v1/tokens`, admin); the secret is in the answer once.
 *
 * @param name - what the token is for
 * @param role - its role
 * @returns the token with its secret, or why not
 * @example
 * ```ts
 * await createToken("Nightly CIN extract", "ingest");
 * ```
 */
export async function createToken(name: string, role: Role): Promise<ApiOutcome<CreatedToken>> {
  return write("POST", "/v1/tokens", createdTokenSchema, { name, role });
}

/**
 * Revokes an API token (`DELETE /v1/tokens/{id}`, admin).
 *
 * @param id - the token's id
 * @returns the outcome
 * @example
 * ```ts
 * await revokeToken("5f0c…");
 * ```
 */
export async function revokeToken(id: string): Promise<ApiOutcome<null>> {
  return write("DELETE", `/v1/tokens/${seg(id)}`, z.null());
}

/**
 * The organisation's staff users (`GET /v1/users`, admin).
 *
 * @returns the users, disabled ones included
 * @example
 * ```ts
 * const users = await getUsers();
 * ```
 */
export const getUsers = cache(async (): Promise<User[]> => {
  return (await read("/v1/users", userListSchema)).users;
});

/**
 * Disables a staff user, ending their sessions, or enables them again (`PATCH /v1/users/{id}`, admin).
 *
 * @param id - the user's id
 * @param disabled - true to disable
 * @returns the user as they now are, or why not
 * @example
 * ```ts
 * await setUserDisabled("5f0c…", true);
 * ```
 */
export async function setUserDisabled(id: string, disabled: boolean): Promise<ApiOutcome<User>> {
  return write("PATCH", `/v1/users/${seg(id)}`, userSchema, { disabled });
}

/**
 * The organisation's live portal sessions (`GET /v1/sessions`, admin).
 *
 * @returns the sessions, newest first
 * @example
 * ```ts
 * const sessions = await getSessions();
 * ```
 */
export const getSessions = cache(async (): Promise<SessionInfo[]> => {
  return (await read("/v1/sessions", sessionListSchema)).sessions;
});

/**
 * Ends someone's portal session (`DELETE /v1/sessions/{id}`, admin).
 *
 * @param id - the session's id
 * @returns the outcome
 * @example
 * ```ts
 * await endSession("5f0c…");
 * ```
 */
export async function endSession(id: string): Promise<ApiOutcome<null>> {
  return write("DELETE", `/v1/sessions/${seg(id)}`, z.null());
}

/**
 * The signed-in person's organisation, with the local authority it is (`GET /v1/organisations/{id}`).
 *
 * @param id - the organisation's id (from the session)
 * @returns the organisation; `authority` is `null` until an admin sets its code
 * @example
 * ```ts
 * const { authority } = await getOrganisation("demo-la");
 * ```
 */
export const getOrganisation = cache(async (id: string): Promise<Organisation> => {
  return read(`/v1/organisations/${seg(id)}`, organisationSchema);
});

/**
 * Sets the local authority the organisation is, by either of its codes, or clears it with `null`
 * (`PATCH /v1/organisations/{id}`, admin).
 *
 * @param id - the organisation's id
 * @param laCode - `885`, `E10000034`, … or `null`
 * @returns the organisation as it now is, or why not (422 naming `la_code` for an unknown code)
 * @example
 * ```ts
 * await setOrganisationAuthority("demo-la", "885");
 * ```
 */
export async function setOrganisationAuthority(
  id: string,
  laCode: string | null,
): Promise<ApiOutcome<Organisation>> {
  return write("PATCH", `/v1/organisations/${seg(id)}`, organisationSchema, { la_code: laCode });
}

/**
 * Uploads a statutory return for the API to map and import: `POST /v1/imports/ssda903` with the files
 * as `multipart/form-data`. The API answers the import report whether the import was clean, partial or
 * failed (a failed one wrote nothing).
 *
 * @param files - the return's files
 * @param options - collection year (`2018` or `2017-18`), dry run, strict
 * @returns the report, or why the API refused the request (401, 403, 413 …)
 * @example
 * ```ts
 * const r = await importReturn(files, { year: "2017-18", dryRun: true, strict: false });
 * ```
 */
export async function importReturn(
  files: readonly File[],
  options: { year?: string; dryRun: boolean; strict: boolean },
): Promise<ApiOutcome<ImportReport>> {
  const { token } = await requireSession();
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  const path = `/v1/imports/ssda903${query({
    year: options.year,
    dry_run: options.dryRun ? "true" : undefined,
    strict: options.strict ? "true" : undefined,
  })}`;
  return call("POST", path, importReportSchema, { token, form });
}
