import { describe, expect, it } from "vitest";
import { ApiError } from "../errors.js";
import { toApiError } from "./error-handler.js";

function fastifyError(statusCode: number, code: string): Error {
  return Object.assign(new Error("internal detail"), { statusCode, code });
}

describe("toApiError", () => {
  it("passes the app's own errors through", () => {
    const e = new ApiError("forbidden", "no");
    expect(toApiError(e)).toBe(e);
  });

  it("maps Fastify's body errors to their codes", () => {
    expect(toApiError(fastifyError(413, "FST_ERR_CTP_BODY_TOO_LARGE")).code).toBe("payload_too_large");
    expect(toApiError(fastifyError(415, "FST_ERR_CTP_INVALID_MEDIA_TYPE")).code).toBe(
      "unsupported_media_type",
    );
    expect(toApiError(fastifyError(400, "FST_ERR_CTP_INVALID_JSON_BODY")).code).toBe("malformed_body");
    expect(toApiError(fastifyError(429, "")).code).toBe("rate_limited");
  });

  it("maps database connection failures to unavailable, through wrapped causes", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(toApiError(refused).code).toBe("unavailable");
    const wrapped = Object.assign(new Error("Failed query: select ..."), { cause: refused });
    expect(toApiError(wrapped).code).toBe("unavailable");
    expect(toApiError(Object.assign(new Error("terminating connection"), { code: "57P01" })).code).toBe(
      "unavailable",
    );
  });

  it("hides anything else behind internal, without its message", () => {
    const e = toApiError(new TypeError("Cannot read properties of undefined (reading 'x') at /srv/app.js:1"));
    expect(e.code).toBe("internal");
    expect(e.status).toBe(500);
    expect(e.message).not.toContain("undefined");
    const sql = toApiError(
      Object.assign(new Error('duplicate key value violates "records_pk"'), { code: "23505" }),
    );
    expect(sql.code).toBe("internal");
    expect(sql.message).not.toContain("records");
  });
});
