import {
  type BodyOf,
  type ParamsOf,
  pathOf,
  type QueryOf,
  type ResponseOf,
  type RouteDefinition,
  successSchemaOf,
} from "@kpi/contract";
import { KpiClientError } from "../errors/kpi-client-error.js";
import { sendRequest, type Transport } from "./transport.js";

/** A body that is not JSON: bytes already encoded (CSV, NDJSON) with their content type. */
export interface EncodedBody {
  /** The encoded body. */
  readonly text: string;
  /** Its Content-Type, e.g. `text/csv`. */
  readonly contentType: string;
}

type Field<K extends string, T> = [T] extends [never]
  ? { readonly [P in K]?: undefined }
  : Record<string, never> extends T
    ? { readonly [P in K]?: T }
    : { readonly [P in K]: T };

type BodyField<R extends RouteDefinition> = [BodyOf<R>] extends [never]
  ? { readonly body?: FormData; readonly encoded?: EncodedBody }
  : { readonly body: BodyOf<R>; readonly encoded?: undefined };

/**
 * What a call of a route takes, typed by the route of the contract: `params` for the path (required
 * when the path has parameters), `query`, `body` (JSON for a route with a body schema, `FormData` for
 * a multipart upload) or `encoded` (an {@link EncodedBody}: streamed records) and an `idempotencyKey`.
 */
export type RouteCallInput<R extends RouteDefinition> = Field<"params", ParamsOf<R>> &
  Field<"query", QueryOf<R>> &
  BodyField<R> & {
    /** Sent as `Idempotency-Key`: makes a POST safe to retry (the API answers a repeat with the first result). */
    readonly idempotencyKey?: string;
  };

/**
 * Calls one route of the contract's table: builds the path from `params` (percent-encoded), the
 * query string from `query` (values as text; `undefined` left out), sends the body as JSON (or the
 * form or encoded body given), retries when safe, and parses the answer with the route's own success
 * schema. Errors reject with `KpiClientError` as `sendRequest` says; an answer of the wrong shape is
 * `invalid_response` (naming the route's path pattern, never its parameters).
 *
 * @param transport - base URL, token, fetch, retry and timeout settings
 * @param route - the route, e.g. `routes.indicatorValues` of `@kpi/contract`
 * @param input - params, query, body and idempotency key, typed by the route
 * @returns the route's successful answer, parsed
 * @example
 * ```ts
 * const series = await callRoute(transport, routes.indicatorValues, {
 *   params: { id: "ffd.contacts_swa_pct" },
 *   query: { window: "quarter", from: "FY2018-19-Q1" },
 * });
 * ```
 */
export async function callRoute<R extends RouteDefinition>(
  transport: Transport,
  route: R,
  input: RouteCallInput<R>,
): Promise<ResponseOf<R>> {
  const { params, query, body, encoded, idempotencyKey } = input as {
    params?: Record<string, string | number>;
    query?: Record<string, unknown>;
    body?: unknown;
    encoded?: EncodedBody;
    idempotencyKey?: string;
  };
  const response = await sendRequest(transport, {
    method: route.method,
    path: pathOf(route, params),
    query: queryText(query),
    ...encodeBody(body, encoded),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  });
  const parsed = successSchemaOf(route).safeParse(response.body);
  if (!parsed.success)
    throw new KpiClientError(
      "invalid_response",
      `The API's answer to ${route.method} ${route.path} did not have the expected shape`,
      { status: response.status },
    );
  return parsed.data;
}

function queryText(query: Record<string, unknown> | undefined): Record<string, string | undefined> {
  const text: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(query ?? {}))
    if (value !== undefined && value !== null) text[name] = String(value);
  return text;
}

function encodeBody(
  body: unknown,
  encoded: EncodedBody | undefined,
): { body?: string | FormData; contentType?: string } {
  if (encoded !== undefined) return { body: encoded.text, contentType: encoded.contentType };
  if (body === undefined) return {};
  if (body instanceof FormData) return { body };
  return { body: JSON.stringify(body), contentType: "application/json" };
}
