import { describe, expect, it } from "vitest";
import { errorBodySchema } from "./error-body.js";
import { healthSchema } from "./health.js";
import { indicatorListSchema } from "./indicators.js";
import { defineRoute, errorResponses, pathOf, successSchemaOf } from "./route-definition.js";
import { routes } from "./routes.js";

describe("pathOf", () => {
  it("puts each parameter in its place, percent-encoded", () => {
    // encodeURIComponent by hand: "|" is %7C, "/" is %2F, " " is %20.
    expect(pathOf(routes.deleteRecord, { dataset: "children", key: "C 1|a/b" })).toBe(
      "/v1/datasets/children/records/C%201%7Ca%2Fb",
    );
    expect(pathOf(routes.setTarget, { id: "ffd.x", financial_year: "FY2019-20" })).toBe(
      "/v1/indicators/ffd.x/targets/FY2019-20",
    );
    expect(pathOf(routes.listIndicators)).toBe("/v1/indicators");
  });

  it("refuses a missing parameter", () => {
    expect(() => pathOf(routes.indicator, {})).toThrow(/'id'/);
  });
});

describe("defineRoute", () => {
  it("refuses a path parameter without a params schema", () => {
    expect(() =>
      defineRoute({
        method: "GET",
        path: "/v1/x/:id",
        access: "read",
        tags: [],
        summary: "x",
        responses: { 200: healthSchema },
      }),
    ).toThrow(/params/);
  });
});

describe("the route table", () => {
  it("names each method and path once", () => {
    const keys = Object.values(routes).map((r) => `${r.method} ${r.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("answers every route's errors with the error body and its success with a schema", () => {
    for (const [name, route] of Object.entries(routes)) {
      expect(() => successSchemaOf(route), name).not.toThrow();
      for (const [status, schema] of Object.entries(route.responses))
        if (Number(status) >= 400) expect(schema, `${name} ${status}`).toBe(errorBodySchema);
    }
    expect(successSchemaOf(routes.listIndicators)).toBe(indicatorListSchema);
    expect(errorResponses(401, 404)).toEqual({ 401: errorBodySchema, 404: errorBodySchema });
  });
});
