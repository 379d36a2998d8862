import type {
  BatchList,
  CreateOrganisationBody,
  DataQualityReport,
  DatasetList,
  ImportKind,
  ImportReport,
  IndicatorList,
  IndicatorSeries,
  IndicatorValuesQuery,
  Organisation,
  QuarterlyReport,
  ReportIndex,
  ResponseOf,
  RouteDefinition,
  TargetsOverview,
} from "@kpi/contract";
import { routes } from "@kpi/contract";
import { KpiClientError } from "../errors/kpi-client-error.js";
import { callRoute, type RouteCallInput } from "./call-route.js";
import { type IngestOptions, type IngestSummary, type InputRecord, ingestRecords } from "./ingest.js";
import type { Transport } from "./transport.js";

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:4000`. */
  readonly baseUrl: string;
  /**
   * A bearer token (role `ingest` to post records, `read` for values and reports); leave it out for a
   * client that only calls public routes (`routes.signIn`).
   */
  readonly token?: string;
  /** Headers sent with every request besides the client's own, e.g. `x-forwarded-for` from a proxy. */
  readonly headers?: Readonly<Record<string, string>>;
  /** A fetch implementation (default: the global `fetch`). */
  readonly fetch?: typeof globalThis.fetch;
  /** Retries of a safe request after a network error, timeout, 429 or 503 (default 3). */
  readonly retries?: number;
  /** Time allowed for one attempt, in milliseconds (default 120,000). */
  readonly timeoutMs?: number;
  /** First backoff delay in milliseconds, doubled on each retry (default 500). */
  readonly retryBaseMs?: number;
}

/** The query of {@link KpiClient.values}. */
export interface ValuesQuery {
  /** First period, an id of the window's kind (e.g. `FY2018-19-Q1`); default: the latest with data. */
  readonly from?: string;
  /** Last period; default: the latest with data. */
  readonly to?: string;
  /** `quarter` (default), `month`, `ytd`, `year` or `rolling12`. */
  readonly window?: IndicatorValuesQuery["window"];
  /** A breakdown field the indicator lists (e.g. `source`). */
  readonly by?: string;
}

/** A client for the API; see {@link createClient}. */
export interface KpiClient {
  /**
   * Calls any route of the contract's table (`routes` of `@kpi/contract`), typed by it: the path from
   * `params`, the query, the JSON body; the answer parsed with the route's schema. The named methods
   * below are calls of this.
   *
   * @param route - the route, e.g. `routes.listTokens`
   * @param input - its params, query, body and idempotency key
   * @returns the route's successful answer
   */
  call<R extends RouteDefinition>(route: R, input: RouteCallInput<R>): Promise<ResponseOf<R>>;
  /**
   * Post records in atomic batches (see `ingestRecords`).
   *
   * @param dataset - the dataset, e.g. `contacts`
   * @param records - the rows (array, iterable or async iterable)
   * @param options - mode, batch size, idempotency run id, format, row locator, progress
   * @returns the summed counts and each batch's result
   */
  ingest(
    dataset: string,
    records: Iterable<InputRecord> | AsyncIterable<InputRecord>,
    options?: IngestOptions,
  ): Promise<IngestSummary>;
  /**
   * An indicator's values per period, oldest first.
   *
   * @param indicator - the indicator id, e.g. `ffd.contacts_swa_pct`
   * @param query - from, to, window, by
   * @returns the indicator's series (`GET /v1/indicators/{id}/values`)
   */
  values(indicator: string, query?: ValuesQuery): Promise<IndicatorSeries>;
  /**
   * Every indicator's targets in one response: its default, its targets per financial year, and the
   * one in force for the year asked.
   *
   * @param financialYear - e.g. `FY2019-20` (default: the year of the latest quarter with data)
   * @returns `{ financial_year, latest_quarter, indicators }` (`GET /v1/targets`)
   */
  targets(financialYear?: string): Promise<TargetsOverview>;
  /**
   * The report's sections and the latest quarter the organisation's data covers.
   *
   * @returns `{ latest_quarter, sections }`; `latest_quarter` is `null` before any data (`GET /v1/reports`)
   */
  reportIndex(): Promise<ReportIndex>;
  /**
   * The quarterly report for a quarter.
   *
   * @param period - a quarter id, e.g. `FY2019-20-Q2`
   * @returns the report (`GET /v1/reports/{period}`)
   */
  report(period: string): Promise<QuarterlyReport>;
  /**
   * The indicator catalogue.
   *
   * @returns `{ indicators: [...] }` (`GET /v1/indicators`)
   */
  indicators(): Promise<IndicatorList>;
  /**
   * The batches ingested, newest first.
   *
   * @param query - optional dataset filter and page size
   * @returns `{ batches: [...] }` (`GET /v1/batches`)
   */
  batches(query?: { readonly dataset?: string; readonly limit?: number }): Promise<BatchList>;
  /**
   * Data-quality findings over the organisation's records.
   *
   * @param query - optional `asAt` date (`YYYY-MM-DD`)
   * @returns `{ as_at, findings: [...] }` (`GET /v1/data-quality`)
   */
  dataQuality(query?: { readonly asAt?: string }): Promise<DataQualityReport>;
  /**
   * The datasets and their fields.
   *
   * @returns `{ datasets: [...] }` (`GET /v1/datasets`)
   */
  datasets(): Promise<DatasetList>;
  /**
   * Import a statutory return: its files go to `POST /v1/imports/{kind}`, which maps them on the
   * server and answers the import report (also when the import failed and wrote nothing).
   *
   * @param kind - `ssda903`
   * @param files - the files, each with its path (a folder or name may state the collection year)
   * @param options - the collection year (`2018` or `2017-18`), an Annex A workbook's span (`from`, `to`), dry run, strict
   * @returns the import report
   */
  importReturn(
    kind: ImportKind,
    files: readonly { readonly path: string; readonly bytes: Uint8Array }[],
    options?: {
      readonly year?: string;
      readonly from?: string;
      readonly to?: string;
      readonly dryRun?: boolean;
      readonly strict?: boolean;
    },
  ): Promise<ImportReport>;
  /**
   * An organisation, with the local authority it is (the token's own; `KPI_ADMIN_TOKEN` reads any).
   *
   * @param id - the organisation's id
   * @returns the organisation; `authority` is `null` until its code is set (`GET /v1/organisations/{id}`)
   */
  organisation(id: string): Promise<Organisation>;
  /**
   * The caller's own organisation (the token's), with the local authority it is.
   *
   * @returns the organisation; `authority` is `null` until its code is set (`GET /v1/organisation`)
   */
  currentOrganisation(): Promise<Organisation>;
  /**
   * Creates an organisation (`KPI_ADMIN_TOKEN` only), optionally with its local-authority code.
   *
   * @param body - `id`, `name` and optionally `la_code` (the three-digit or the nine-character code)
   * @returns the organisation (`POST /v1/organisations`)
   */
  createOrganisation(body: CreateOrganisationBody): Promise<Organisation>;
  /**
   * Sets the local authority an organisation is, by either of its codes (both are kept), or clears it
   * with `null` (the organisation's admin, or `KPI_ADMIN_TOKEN`).
   *
   * @param id - the organisation's id
   * @param laCode - e.g. `885` or `E10000034`, or `null`
   * @returns the organisation as it now is (`PATCH /v1/organisations/{id}`)
   */
  setOrganisationAuthority(id: string, laCode: string | null): Promise<Organisation>;
}

/**
 * Create a typed client for the API. Reads retry when safe (network errors, timeouts, 429 and 503,
 * with exponential backoff); record posts go in batches of 5,000 rows, each with an
 * `Idempotency-Key` derived from its content, so a retry after a dropped connection writes nothing
 * twice. Every failure rejects with `KpiClientError`.
 *
 * @param options - base URL, token, and optionally fetch, retries, timeout and backoff
 * @returns the client
 * @throws KpiClientError `invalid_argument` when the base URL is not an http(s) URL or the token is empty
 * @example
 * ```ts
 * const kpi = createClient({ baseUrl: "http://127.0.0.1:4000", token: process.env.KPI_TOKEN ?? "" });
 * await kpi.ingest("children", [{ child_id: "C1", date_of_birth: "2010-05-01", sex: "F" }]);
 * const { values } = await kpi.values("ffd.contacts_swa_pct", { from: "FY2018-19-Q1", to: "FY2019-20-Q2" });
 * ```
 */
export function createClient(options: ClientOptions): KpiClient {
  const transport = transportOf(options);
  const call = <R extends RouteDefinition>(route: R, input: RouteCallInput<R>) =>
    callRoute(transport, route, input);
  return {
    call,
    ingest: (dataset, records, ingestOptions) => ingestRecords(transport, dataset, records, ingestOptions),
    values: (indicator, query = {}) =>
      call(routes.indicatorValues, {
        params: { id: indicator },
        query: { from: query.from, to: query.to, window: query.window, by: query.by },
      }),
    targets: (financialYear) => call(routes.targets, { query: { financial_year: financialYear } }),
    reportIndex: () => call(routes.reportIndex, {}),
    report: (period) => call(routes.report, { params: { period } }),
    indicators: () => call(routes.listIndicators, {}),
    batches: (query = {}) =>
      call(routes.listBatches, { query: { dataset: query.dataset, limit: query.limit } }),
    dataQuality: (query = {}) => call(routes.dataQuality, { query: { as_at: query.asAt } }),
    datasets: () => call(routes.listDatasets, {}),
    importReturn: (kind, files, importOptions = {}) => {
      const form = new FormData();
      for (const f of files) form.append("file", new Blob([f.bytes as Uint8Array<ArrayBuffer>]), f.path);
      return call(routes.importReturn, {
        params: { kind },
        query: {
          year: importOptions.year,
          from: importOptions.from,
          to: importOptions.to,
          dry_run: importOptions.dryRun ? "true" : undefined,
          strict: importOptions.strict ? "true" : undefined,
        },
        body: form,
      });
    },
    organisation: (id) => call(routes.organisation, { params: { id } }),
    currentOrganisation: () => call(routes.currentOrganisation, {}),
    createOrganisation: (body) => call(routes.createOrganisation, { body }),
    setOrganisationAuthority: (id, laCode) =>
      call(routes.updateOrganisation, { params: { id }, body: { la_code: laCode } }),
  };
}

function transportOf(options: ClientOptions): Transport {
  let url: URL;
  try {
    url = new URL(options.baseUrl);
  } catch {
    throw new KpiClientError("invalid_argument", `baseUrl is not a URL: '${options.baseUrl}'`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new KpiClientError(
      "invalid_argument",
      `baseUrl must be an http:// or https:// URL (got '${options.baseUrl}')`,
    );
  if (options.token !== undefined && options.token.trim() === "")
    throw new KpiClientError("invalid_argument", "token is empty");
  const retries = options.retries ?? 3;
  if (!Number.isInteger(retries) || retries < 0)
    throw new KpiClientError("invalid_argument", `retries must be a whole number ≥ 0 (got ${retries})`);
  return {
    baseUrl: options.baseUrl,
    token: options.token,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    retries,
    timeoutMs: options.timeoutMs ?? 120_000,
    retryBaseMs: options.retryBaseMs ?? 500,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}
