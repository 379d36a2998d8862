import { describe, expect, it } from "vitest";
import { ApiError, apiErrorCodes, apiErrorStatus } from "./errors.js";

describe("ApiError", () => {
  it("maps each code to its HTTP status", () => {
    expect(apiErrorStatus).toEqual({
      unauthorized: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      validation_failed: 422,
      malformed_body: 400,
      unsupported_media_type: 415,
      payload_too_large: 413,
      idempotency_key_reused: 422,
      request_timeout: 408,
      rate_limited: 429,
      unavailable: 503,
      internal: 500,
    });
    expect(Object.keys(apiErrorStatus).sort()).toEqual([...apiErrorCodes].sort());
  });

  it("renders { error: { code, message, issues?, issue_count? } }", () => {
    expect(new ApiError("not_found", "No such dataset").toBody()).toEqual({
      error: { code: "not_found", message: "No such dataset" },
    });
    const e = new ApiError("validation_failed", "2 problems", {
      issues: [{ row: 3, field: "start_date", message: "bad" }],
      issueCount: 2,
    });
    expect(e.status).toBe(422);
    expect(e.toBody()).toEqual({
      error: {
        code: "validation_failed",
        message: "2 problems",
        issues: [{ row: 3, field: "start_date", message: "bad" }],
        issue_count: 2,
      },
    });
  });
});
