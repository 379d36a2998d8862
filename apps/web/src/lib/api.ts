import "server-only";
import { createClient, KpiClientError, type RouteCallInput } from "@kpi/client/http";
import {
  type AnalysisHistory,
  type AnalysisVersion,
  type BatchSummary,
  type CreatedToken,
  type DataQualityReport,
  type DatasetDescription,
  type ImportReport,
  type IndicatorDetail,
  type IndicatorSeries,
  type IndicatorSummary,
  type Organisation,
  type QuarterlyReport,
  type ReportIndex,
  type ResponseOf,
  type Role,
  type RouteDefinition,
  routes,
  type SeriesSet,
  type Session,
  type SessionInfo,
  type TargetSet,
  type TargetsOverview,
  type TokenInfo,
  type User,
} from "@kpi/contract";
import type { Target, Window } from "@kpi/core";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { webConfig } from "./env";
import { busyPath, PAGE_PATH_HEADER } from "./page-path";
import { requireSession } from "./session";

/**
 * The one door from the portal to the API. Every page, action and route handler reads and writes
 * through these functions, on the server only: the API token never reaches the browser. Each goes
 * through `@kpi/client`'s `call` with a route of the contract's table (`routes` of `@kpi/contract`),
 * so the portal writes no path of its own; reads are wrapped in React `cache` (one request per render).
 *
 * Reads (`get…`) return the data or leave the page the way a person expects: an expired session goes
 * to the sign-in page, an unknown indicator to "not found", anything else to the error page (with no
 * internals). Writes return an {@link ApiOutcome} so a form can show what went wrong beside the field.
 */

/** A write's outcome: the data, or the status, a message for people and messages per field. */
export type ApiOutcome<T> =
  | { ok: true; data: T }
  | {
      ok: false;
      status: number;
      code: string;
      message: string;
      fieldErrors: Record<string, string[]>;
      /** Seconds the API asked to wait (a 429 or 503), or `null`. */
      retryAfterSeconds?: number | null;
    };

type Failure = Extract<ApiOutcome<unknown>, { ok: false }>;

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

/**
 * Calls one route of the contract through the client: never retried (a person is waiting and can
 * try again), never cached by Next.js, with the session's token when there is one.
 */
async function call<R extends RouteDefinition>(
  route: R,
  input: RouteCallInput<R>,
  token?: string,
): Promise<ApiOutcome<ResponseOf<R>>> {
  const client = createClient({
    baseUrl: webConfig.apiUrl,
    ...(token === undefined ? {} : { token }),
    headers: await forwardedFor(),
    retries: 0,
    fetch: (url, init) => fetch(url, { ...init, cache: "no-store" }),
  });
  try {
    return { ok: true, data: await client.call(route, input) };
  } catch (error) {
    if (!(error instanceof KpiClientError)) throw error;
    return failure(error, route);
  }
}

/** What a failed call means for the person: the API's own error, or why there is none. */
function failure(error: KpiClientError, route: RouteDefinition): Failure {
  const status = error.status ?? null;
  if (status === null)
    return {
      ok: false,
      status: 503,
      code: "unavailable",
      message: "The reporting service cannot be reached. Try again in a minute.",
      fieldErrors: {},
    };
  if (error.code === "invalid_response") {
    // A success of the wrong shape is a defect between the portal and the API: the error page.
    if (status < 400)
      throw new Error(`The API's answer to ${route.method} ${route.path} did not have the expected shape`);
    return {
      ok: false,
      status,
      code: "error",
      message: `The reporting service answered ${status}.`,
      fieldErrors: {},
    };
  }
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.field ?? "form";
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return {
    ok: false,
    status,
    code: error.code,
    message: error.message,
    fieldErrors,
    ...(error.retryAfterSeconds === null ? {} : { retryAfterSeconds: error.retryAfterSeconds }),
  };
}

/**
 * Unwraps a read for a page: sign-in on 401; sign-in on 403 too, since pages only ask for what the
 * session's role may read, so a refusal means the session cookie claims a role its token does not
 * have (edited, or the role changed); not-found on 404; the busy page on 429 (too many requests: it
 * says so in words, with when to try again, never the error page); the error page otherwise.
 */
function orLeave<T>(outcome: ApiOutcome<T>, page: string | null): T {
  if (outcome.ok) return outcome.data;
  if (outcome.status === 401) redirect("/signin?reason=expired");
  if (outcome.status === 403) redirect("/signin?reason=role");
  if (outcome.status === 404) notFound();
  if (outcome.status === 429) redirect(busyPath(outcome.retryAfterSeconds ?? null, page));
  throw new Error(outcome.message);
}

async function read<R extends RouteDefinition>(route: R, input: RouteCallInput<R>): Promise<ResponseOf<R>> {
  const { token } = await requireSession();
  const outcome = await call(route, input, token);
  return orLeave(outcome, outcome.ok ? null : (await headers()).get(PAGE_PATH_HEADER));
}

async function write<R extends RouteDefinition>(
  route: R,
  input: RouteCallInput<R>,
): Promise<ApiOutcome<ResponseOf<R>>> {
  const { token } = await requireSession();
  return call(route, input, token);
}

/** A query without its empty values: a blank form field means "the default", as if it were left out. */
function given<Q extends Record<string, string | undefined>>(query: Q): Q {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== "")) as Q;
}

/**
 * Signs a staff user in: `routes.signIn`.
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
  return call(routes.signIn, {
    body: { username, password, ...(organisation === undefined ? {} : { organisation }) },
  });
}

/**
 * Signs out: revokes the session token (`routes.signOut`). An already expired token is
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
  return call(routes.signOut, {}, token);
}

/**
 * The indicator catalogue (`routes.listIndicators`).
 *
 * @returns every indicator
 * @example
 * ```ts
 * const indicators = await getIndicators();
 * ```
 */
export const getIndicators = cache(async (): Promise<IndicatorSummary[]> => {
  return (await read(routes.listIndicators, {})).indicators;
});

/**
 * Every indicator's targets in one request (`routes.targets`): its default, its targets per financial
 * year and the one in force for the year asked (the targets page makes only this call).
 *
 * @param financialYear - e.g. `FY2019-20` (default: the year of the latest quarter with data)
 * @returns the year shown, the latest quarter with data and every indicator's targets
 * @example
 * ```ts
 * const { financial_year, indicators } = await getTargets("FY2019-20");
 * ```
 */
export const getTargets = cache(async (financialYear: string | undefined): Promise<TargetsOverview> => {
  return read(routes.targets, { query: given({ financial_year: financialYear }) });
});

/**
 * One indicator's definition, targets and trend (`routes.indicator`).
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
    return read(routes.indicator, { params: { id }, query: given({ period, window }) });
  },
);

/**
 * An indicator's values over a range (`routes.indicatorValues`).
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
    return read(routes.indicatorValues, { params: { id }, query: given({ from, to, window, by }) });
  },
);

/**
 * Every indicator's values over one range in a single request (`routes.series`): what the dashboard
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
    return read(routes.series, { query: given({ from, to, window }) });
  },
);

/**
 * The report's sections and the latest quarter the organisation's data covers, as the API says
 * (`routes.reportIndex`): the portal never works them out itself.
 *
 * @returns `{ latest_quarter, sections }`
 * @example
 * ```ts
 * const { sections } = await getReportIndex();
 * ```
 */
export const getReportIndex = cache(async (): Promise<ReportIndex> => {
  return read(routes.reportIndex, {});
});

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
  return (await getReportIndex()).latest_quarter;
});

/**
 * The sections of the quarterly report in order, so pages can draw each section's heading and
 * skeleton before its figures arrive.
 *
 * @returns each section's id and title
 * @example
 * ```ts
 * (await getReportSections())[0]; // { id: "ffd", title: "Family Front Door" }
 * ```
 */
export const getReportSections = cache(async (): Promise<ReportIndex["sections"]> => {
  return (await getReportIndex()).sections;
});

/**
 * The quarterly report (`routes.report`).
 *
 * @param period - a quarter id
 * @returns the report's sections, indicators, KPIs and analysis
 * @example
 * ```ts
 * const report = await getReport("FY2019-20-Q2");
 * ```
 */
export const getReport = cache(async (period: string): Promise<QuarterlyReport> => {
  return read(routes.report, { params: { period } });
});

/**
 * Stores a section's analysis text (`routes.saveAnalysis`).
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
  return write(routes.saveAnalysis, { params: { period, section }, body: { text } });
}

/**
 * Every stored version of a section's analysis, newest first
 * (`routes.analysisHistory`).
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
  return read(routes.analysisHistory, { params: { period, section } });
});

/**
 * Restores an earlier version of a section's analysis as a new version
 * (`routes.revertAnalysis`).
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
  return write(routes.revertAnalysis, { params: { period, section }, body: { version } });
}

/**
 * Signs off the latest version of a section's analysis, named by its number
 * (`routes.approveAnalysis`; admins only).
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
  return write(routes.approveAnalysis, { params: { period, section }, body: { version } });
}

/**
 * Sets an indicator's target for a financial year (`routes.setTarget`).
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
  return write(routes.setTarget, { params: { id, financial_year: financialYear }, body: target });
}

/**
 * The organisation's ingested batches, newest first (`routes.listBatches`).
 *
 * @returns up to 100 batches
 * @example
 * ```ts
 * const batches = await getBatches();
 * ```
 */
export const getBatches = cache(async (): Promise<BatchSummary[]> => {
  return (await read(routes.listBatches, { query: { limit: 100 } })).batches;
});

/**
 * Every dataset with what the organisation holds of it: its coverage and sources (`routes.listDatasets`).
 *
 * @returns the datasets, in the data contract's order
 * @example
 * ```ts
 * const cla = (await getDatasets()).find((d) => d.name === "cla_episodes");
 * ```
 */
export const getDatasets = cache(async (): Promise<DatasetDescription[]> => {
  return (await read(routes.listDatasets, {})).datasets;
});

/**
 * Data-quality findings (`routes.dataQuality`).
 *
 * @param asAt - the date to check as at (default: the API's today)
 * @returns the findings
 * @example
 * ```ts
 * const { findings } = await getDataQuality("2019-09-30");
 * ```
 */
export const getDataQuality = cache(async (asAt: string | undefined): Promise<DataQualityReport> => {
  return read(routes.dataQuality, { query: given({ as_at: asAt }) });
});

/**
 * The organisation's API tokens, without secrets (`routes.listTokens`, admin).
 *
 * @returns the tokens
 * @example
 * ```ts
 * const tokens = await getTokens();
 * ```
 */
export const getTokens = cache(async (): Promise<TokenInfo[]> => {
  return (await read(routes.listTokens, {})).tokens;
});

/**
 * Creates an API token (`routes.createToken`, admin); the secret is in the answer once.
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
  return write(routes.createToken, { body: { name, role } });
}

/**
 * Revokes an API token (`routes.revokeToken`, admin).
 *
 * @param id - the token's id
 * @returns the outcome
 * @example
 * ```ts
 * await revokeToken("5f0c…");
 * ```
 */
export async function revokeToken(id: string): Promise<ApiOutcome<null>> {
  return write(routes.revokeToken, { params: { id } });
}

/**
 * The organisation's staff users (`routes.listUsers`, admin).
 *
 * @returns the users, disabled ones included
 * @example
 * ```ts
 * const users = await getUsers();
 * ```
 */
export const getUsers = cache(async (): Promise<User[]> => {
  return (await read(routes.listUsers, {})).users;
});

/**
 * Disables a staff user, ending their sessions, or enables them again (`routes.updateUser`, admin).
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
  return write(routes.updateUser, { params: { id }, body: { disabled } });
}

/**
 * The organisation's live portal sessions (`routes.listSessions`, admin).
 *
 * @returns the sessions, newest first
 * @example
 * ```ts
 * const sessions = await getSessions();
 * ```
 */
export const getSessions = cache(async (): Promise<SessionInfo[]> => {
  return (await read(routes.listSessions, {})).sessions;
});

/**
 * Ends someone's portal session (`routes.endSession`, admin).
 *
 * @param id - the session's id
 * @returns the outcome
 * @example
 * ```ts
 * await endSession("5f0c…");
 * ```
 */
export async function endSession(id: string): Promise<ApiOutcome<null>> {
  return write(routes.endSession, { params: { id } });
}

/**
 * The signed-in person's organisation, with the local authority it is (`routes.organisation`).
 *
 * @param id - the organisation's id (from the session)
 * @returns the organisation; `authority` is `null` until an admin sets its code
 * @example
 * ```ts
 * const { authority } = await getOrganisation("demo-la");
 * ```
 */
export const getOrganisation = cache(async (id: string): Promise<Organisation> => {
  return read(routes.organisation, { params: { id } });
});

/**
 * Sets the local authority the organisation is, by either of its codes, or clears it with `null`
 * (`routes.updateOrganisation`, admin).
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
  return write(routes.updateOrganisation, { params: { id }, body: { la_code: laCode } });
}

/**
 * Uploads a statutory return for the API to map and import: `routes.importReturn` (kind `ssda903`) with the files
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
  const form = new FormData();
  for (const f of files) form.append("file", f, f.name);
  return write(routes.importReturn, {
    params: { kind: "ssda903" },
    query: given({
      year: options.year,
      dry_run: options.dryRun ? ("true" as const) : undefined,
      strict: options.strict ? ("true" as const) : undefined,
    }),
    body: form,
  });
}
