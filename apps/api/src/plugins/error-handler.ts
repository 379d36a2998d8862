import type { FastifyError } from "fastify";
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
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const connectionMessages =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed|Client was closed|not queryable/i;

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

function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    if (code !== undefined && (connectionCodes.has(code) || /^08/.test(code))) return true;
    return e instanceof Error && connectionMessages.test(e.message);
  });
}

/** True when the error came from the database (its message may quote SQL parameters: never log it). */
function isDatabaseError(error: unknown): boolean {
  return causes(error).some((e) => {
    const code = codeOf(e);
    return (
      (code !== undefined && /^[0-9A-Z]{5}$/.test(code)) ||
      (e instanceof Error && e.name === "DrizzleQueryError")
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
 * rate limiting and database outages get their codes; anything else is `internal`.
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
  if (isDatabaseUnavailable(error))
    return new ApiError("unavailable", "The database is unavailable; try again");
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
    case 413:
      return new ApiError("payload_too_large", "The request body is too large");
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
 * Infrastructure plugin: the one error handler (every error is `{ error: { code, message, issues?,
 * issue_count? } }` with the status of its code, never a stack trace or SQL) and the JSON 404 for
 * unknown routes. 5xx are logged with the error's type and code only when it came from the database
 * (whose messages can quote record values), and never with request bodies.
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
        const err = error as Error & { code?: unknown };
        const safe = isDatabaseError(error)
          ? {
              type: err.name,
              code: causes(error)
                .map(codeOf)
                .find((c) => c !== undefined),
            }
          : { type: err?.name, code: err?.code, message: err?.message, stack: err?.stack };
        request.log.error({ err: safe, errorCode: apiError.code }, "request failed");
      }
      if (apiError.code === "rate_limited") {
        const retryAfter = (error as { headers?: Record<string, string> }).headers?.["retry-after"];
        if (retryAfter !== undefined) reply.header("retry-after", retryAfter);
      }
      return reply.status(apiError.status).type("application/json; charset=utf-8").send(apiError.toBody());
    });
    app.setNotFoundHandler((_request, reply) =>
      reply
        .status(404)
        .type("application/json; charset=utf-8")
        .send(new ApiError("not_found", "No such route").toBody()),
    );
  },
  { name: "kpi-errors" },
);
