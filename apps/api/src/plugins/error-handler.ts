import type { Socket } from "node:net";
import type { FastifyError, FastifyReply } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { ApiError, type Issue } from "../errors.js";

const connectionCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "57P01",
  "57P02",
  "57P03",
  "53300",
  // idle_in_transaction_session_timeout: the server ended a transaction left waiting.
  "25P03",
]);
const connectionMessages =
  /Connection terminated|connection timeout|Cannot use a pool after calling end|PGlite is closed|Client was closed|not queryable/i;
/** node-postgres's message when no pooled connection came free within `connectionTimeoutMillis`. */
const poolTimeoutMessage = /timeout exceeded when trying to connect/i;
/** SQLSTATEs of a server out of a resource: answered 503 with the reason, not 500. */
const resourceMessages: Readonly<Record<string, string>> = {
  "53100":
    "The database has no disk space left; nothing was stored. Try again once the operators have freed space",
  "53200": "The database ran out of memory; nothing was stored. Try again later",
  "53400": "The database refused the work (a configured limit was reached); try again later",
  "57014": "The database did not finish in time; nothing was stored. Try again, or send a smaller batch",
};

/** Seconds a client is told to wait after a 503 (`Retry-After`). */
const retryAfterSeconds = 5;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current !== undefined && current !== null && chain.length < 8) {
    chain.push(current);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown })?.code;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "";
}

function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    if (code !== undefined && (connectionCodes.has(code) || /^08/.test(code))) return true;
    return connectionMessages.test(messageOf(e));
  });
}

/** The SQLSTATE of a database error anywhere in the chain (five digits or capitals), if any. */
function sqlStateOf(error: unknown): string | undefined {
  return causes(error)
    .map(codeOf)
    .find((c) => c !== undefined && /^[0-9A-Z]{5}$/.test(c) && /\d/.test(c));
}

/**
 * True when anything in the chain came from the database or its connection: drizzle's wrapper (which
 * quotes the SQL and its parameters: record values, usernames, analysis text), a driver error, a
 * socket error, a closed pool. Such errors are logged by type and code only.
 */
function isDatabaseError(error: unknown): boolean {
  return causes(error).some((e) => {
    if (e === null || typeof e !== "object") return false;
    const fields = e as Record<string, unknown>;
    return (
      "query" in fields ||
      "params" in fields ||
      ("severity" in fields && "routine" in fields) ||
      typeof fields.syscall === "string" ||
      sqlStateOf(e) !== undefined ||
      connectionMessages.test(messageOf(e)) ||
      poolTimeoutMessage.test(messageOf(e))
    );
  });
}

function zodIssues(error: FastifyError): Issue[] {
  return (error.validation ?? []).map((v) => {
    const where = (v.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
    const context = (error as { validationContext?: string }).validationContext ?? "body";
    return { field: where.length > 0 ? where : context, message: v.message ?? "is invalid" };
  });
}

/**
 * Turns anything thrown while handling a request into an {@link ApiError}: the app's own errors pass
 * through; schema validation becomes `validation_failed`; Fastify's body and content-type errors,
 * rate limiting and database outages get their codes (a pool with no free connection, a full disk or
 * a statement timeout is `503 unavailable` saying so, with `Retry-After`); anything else is `internal`.
 *
 * @param error - what was thrown
 * @returns the error to send
 * @example
 * ```ts
 * toApiError(new ApiError("not_found", "x")).code; // "not_found"
 * ```
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const e = error as FastifyError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = zodIssues(e);
    return new ApiError("validation_failed", "The request does not match the schema", {
      issues,
      issueCount: issues.length,
    });
  }
  const retry = { retryAfterSeconds };
  if (causes(error).some((c) => poolTimeoutMessage.test(messageOf(c))))
    return new ApiError("unavailable", "Every database connection is busy; try again shortly", retry);
  const sqlState = sqlStateOf(error);
  const resource = sqlState === undefined ? undefined : resourceMessages[sqlState];
  if (resource !== undefined) return new ApiError("unavailable", resource, retry);
  if (isDatabaseUnavailable(error))
    return new ApiError("unavailable", "The database is unavailable; try again", retry);
  const status = typeof e?.statusCode === "number" ? e.statusCode : 500;
  switch (status) {
    case 400:
      return new ApiError(
        "malformed_body",
        e.code === "FST_ERR_CTP_EMPTY_JSON_BODY" ? "The body is empty" : "The body could not be parsed",
      );
    case 401:
      return new ApiError("unauthorized", "Authentication is required");
    case 403:
      return new ApiError("forbidden", "Not allowed");
    case 404:
      return new ApiError("not_found", "Not found");
    case 408:
      return new ApiError("request_timeout", "The request was not received in time");
    case 413:
      return new ApiError("payload_too_large", "The request body is too large for this route");
    case 415:
      return new ApiError("unsupported_media_type", "This Content-Type is not accepted here");
    case 429:
      return new ApiError("rate_limited", "Too many requests; slow down");
    default:
      if (status >= 400 && status < 500)
        return new ApiError("malformed_body", "The request could not be understood");
      return new ApiError("internal", "Something went wrong; the error has been logged");
  }
}

/**
 * What may be logged about a server-side failure. Database errors (whatever wraps them) give only
 * their types and codes, never a message: drizzle's quotes the SQL and its parameters. Other errors
 * are bugs and keep their message and stack.
 *
 * @param error - what was thrown
 * @returns the fields for the log line
 * @example
 * ```ts
 * loggableError(Object.assign(new Error("Failed query: select … params: jsmith"), { cause: refused }));
 * // { types: ["Error", "Error"], codes: ["ECONNREFUSED"], sqlstate: undefined }
 * ```
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const chain = causes(error);
  if (isDatabaseError(error)) {
    return {
      types: chain.map((c) => (c as { constructor?: { name?: string } })?.constructor?.name ?? typeof c),
      codes: chain.map(codeOf).filter((c) => c !== undefined),
      sqlstate: sqlStateOf(error),
    };
  }
  const err = error as Error & { code?: unknown };
  return { type: err?.name, code: err?.code, message: err?.message, stack: err?.stack };
}

/**
 * Sends an error in the API's one shape, with `Retry-After` when the error says when to try again.
 *
 * @param reply - the reply
 * @param apiError - the error
 * @returns the reply, sent
 * @example
 * ```ts
 * return sendApiError(reply, new ApiError("forbidden", "Not allowed"));
 * ```
 */
export function sendApiError(reply: FastifyReply, apiError: ApiError): FastifyReply {
  if (apiError.retryAfterSeconds !== undefined)
    reply.header("retry-after", String(apiError.retryAfterSeconds));
  return reply.status(apiError.status).type("application/json; charset=utf-8").send(apiError.toBody());
}

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (malformed request line or
 * headers, headers over the size limit, a request not received within `requestTimeout`) in the API's
 * error shape, then closes the connection: the `clientErrorHandler` of the app.
 *
 * @param error - the parser's error (`HPE_…`, `ERR_HTTP_REQUEST_TIMEOUT`)
 * @param socket - the client's connection
 * @example
 * ```ts
 * Fastify({ clientErrorHandler: answerClientError });
 * ```
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const apiError =
    error.code === "ERR_HTTP_REQUEST_TIMEOUT"
      ? new ApiError("request_timeout", "The request was not received in time; send it again")
      : error.code === "HPE_HEADER_OVERFLOW"
        ? new ApiError("malformed_body", "The request's headers are too large")
        : new ApiError("malformed_body", "The request is not valid HTTP");
  const body = JSON.stringify(apiError.toBody());
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${apiError.status} ${apiError.status === 408 ? "Request Timeout" : "Bad Request"}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Connection: close\r\n\r\n${body}`,
    );
  }
  socket.destroySoon();
}

/**
 * Infrastructure plugin: the one error handler (every error is `{ error: { code, message, issues?,
 * issue_count? } }` with the status of its code, never a stack trace or SQL) and the JSON 404 for
 * unknown routes. 5xx are logged by {@link loggableError} (database errors by type and code only),
 * and never with request bodies.
 *
 * @example
 * ```ts
 * await app.register(errorHandlerPlugin);
 * ```
 */
export const errorHandlerPlugin = fp(
  async (app) => {
    app.setErrorHandler((error, request, reply) => {
      const apiError = toApiError(error);
      if (apiError.status >= 500) {
        request.log.error({ err: loggableError(error), errorCode: apiError.code }, "request failed");
      }
      return sendApiError(reply, apiError);
    });
    app.setNotFoundHandler((_request, reply) =>
      sendApiError(reply, new ApiError("not_found", "No such route")),
    );
  },
  { name: "kpi-errors" },
);
