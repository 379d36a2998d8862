import { tolerantErrorBodySchema } from "@kpi/contract";
import { KpiClientError, type KpiClientIssue } from "../errors/kpi-client-error.js";
import { retryDelay } from "./retry-delay.js";

/** How the client reaches the API (resolved from `createClient` options). */
export interface Transport {
  /** The API's base URL, e.g. `http://127.0.0.1:4000`. */
  readonly baseUrl: string;
  /** The bearer token; `undefined` for a client of public routes only (sign-in). */
  readonly token: string | undefined;
  /** Headers sent with every request besides the client's own (e.g. `x-forwarded-for`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch implementation. */
  readonly fetch: typeof globalThis.fetch;
  /** How many times a safe request is retried after a network error, a timeout, 429 or 503. */
  readonly retries: number;
  /** Time allowed for one attempt, in milliseconds. */
  readonly timeoutMs: number;
  /** First backoff delay, in milliseconds (doubled on each retry). */
  readonly retryBaseMs: number;
  /** Waits between attempts (replaced in tests). */
  readonly sleep: (ms: number) => Promise<void>;
}

/** One request to the API. */
export interface ApiRequest {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below the base URL, starting with `/`. */
  readonly path: string;
  /** Query parameters; `undefined` values are left out. */
  readonly query?: Readonly<Record<string, string | undefined>>;
  /** The body, already encoded (a `FormData` is sent as `multipart/form-data`, its boundary set by fetch). */
  readonly body?: string | FormData;
  /** Content-Type of the body. */
  readonly contentType?: string;
  /** Sent as `Idempotency-Key`; makes a POST safe to retry. */
  readonly idempotencyKey?: string;
}

/** A successful response: status, headers and parsed JSON body. */
export interface ApiResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: unknown;
}

/** 408: the API gave up waiting for the body (a stall on the way); 429 and 503 say when to retry. */
const RETRY_STATUSES = new Set([408, 429, 503]);

/**
 * Send one request to the API and return its JSON, retrying only when that is safe: a `GET`, or a
 * request carrying an `Idempotency-Key` (the API then answers a repeat with the first result and
 * writes nothing twice). Network errors, timeouts, `408`, `429` and `503` are retried with exponential
 * backoff (honouring `Retry-After`); other errors are not. Every failure rejects with
 * {@link KpiClientError}: the API's code, status and issues when it answered, `network_error` or
 * `timeout` when it never did.
 *
 * @param transport - base URL, token, fetch, retry and timeout settings
 * @param request - method, path, query, body, idempotency key
 * @returns the status, headers and parsed body of a 2xx response
 * @example
 * ```ts
 * const { body } = await sendRequest(transport, { method: "GET", path: pathOf(routes.listDatasets) });
 * ```
 */
export async function sendRequest(transport: Transport, request: ApiRequest): Promise<ApiResponse> {
  const url = requestUrl(transport.baseUrl, request);
  const retrySafe = request.method === "GET" || request.idempotencyKey !== undefined;
  const headers: Record<string, string> = { ...transport.headers, accept: "application/json" };
  if (transport.token !== undefined) headers.authorization = `Bearer ${transport.token}`;
  if (request.contentType !== undefined) headers["content-type"] = request.contentType;
  if (request.idempotencyKey !== undefined) headers["idempotency-key"] = request.idempotencyKey;

  for (let attempt = 0; ; attempt++) {
    const canRetry = retrySafe && attempt < transport.retries;
    let response: Response;
    try {
      response = await transport.fetch(url, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        signal: AbortSignal.timeout(transport.timeoutMs),
      });
    } catch (cause) {
      if (canRetry) {
        await transport.sleep(retryDelay(attempt + 1, transport.retryBaseMs, null, jitter()));
        continue;
      }
      throw noResponseError(cause, transport.timeoutMs, attempt + 1);
    }
    if (RETRY_STATUSES.has(response.status) && canRetry) {
      await response.body?.cancel().catch(() => undefined);
      const wait = retryDelay(
        attempt + 1,
        transport.retryBaseMs,
        response.headers.get("retry-after"),
        jitter(),
      );
      await transport.sleep(wait);
      continue;
    }
    return readResponse(response);
  }
}

/** `Retry-After` in seconds: a number of seconds, or an HTTP date from now; `null` when absent or unreadable. */
function retryAfterSeconds(header: string | null): number | null {
  if (header === null || header.trim() === "") return null;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

function requestUrl(baseUrl: string, request: ApiRequest): string {
  const url = new URL(baseUrl.replace(/\/+$/, "") + request.path);
  for (const [name, value] of Object.entries(request.query ?? {}))
    if (value !== undefined) url.searchParams.set(name, value);
  return url.toString();
}

function jitter(): number {
  return 0.5 + Math.random() / 2;
}

function noResponseError(cause: unknown, timeoutMs: number, attempts: number): KpiClientError {
  const name = (cause as { name?: string } | null)?.name;
  const tries = attempts === 1 ? "" : ` (${attempts} attempts)`;
  if (name === "TimeoutError" || name === "AbortError")
    return new KpiClientError("timeout", `The API did not answer within ${timeoutMs} ms${tries}`, { cause });
  const reason = cause instanceof Error ? causeText(cause) : String(cause);
  return new KpiClientError("network_error", `Could not reach the API${tries}: ${reason}`, { cause });
}

function causeText(error: Error): string {
  const inner = (error as { cause?: unknown }).cause;
  return inner instanceof Error && inner.message !== ""
    ? `${error.message} (${inner.message})`
    : error.message;
}

async function readResponse(response: Response): Promise<ApiResponse> {
  const text = await response.text();
  let body: unknown = null;
  let parsed = text === "";
  if (text !== "") {
    try {
      body = JSON.parse(text);
      parsed = true;
    } catch {
      parsed = false;
    }
  }
  if (response.ok) {
    if (!parsed)
      throw new KpiClientError(
        "invalid_response",
        `The API answered ${response.status} with a body that is not JSON`,
        {
          status: response.status,
        },
      );
    return { status: response.status, headers: response.headers, body };
  }
  const error = tolerantErrorBodySchema.safeParse(body);
  if (!error.success)
    throw new KpiClientError(
      "invalid_response",
      `The server answered ${response.status} ${response.statusText} without the API's error body (is the URL right?)`,
      { status: response.status },
    );
  const { code, message, issues, issue_count } = error.data.error;
  const mapped: KpiClientIssue[] = (issues ?? []).map((i) => ({
    row: i.row ?? null,
    field: i.field ?? null,
    message: i.message,
  }));
  throw new KpiClientError(code, message, {
    status: response.status,
    issues: mapped,
    ...(issue_count === undefined ? {} : { issueCount: issue_count }),
    retryAfterSeconds: retryAfterSeconds(response.headers.get("retry-after")),
  });
}
