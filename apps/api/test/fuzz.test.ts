import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// ≥ 2,000 malformed or hostile requests: none may produce a 5xx, a non-JSON error or a crash.
const runs = 2100;
let api: TestApi;
let tokens: Awaited<ReturnType<typeof tokensFor>>;

beforeAll(async () => {
  api = await startTestApi({ maxBodyBytes: 64 * 1024 });
  tokens = await tokensFor(api.app, "default");
});
afterAll(async () => {
  await api.close();
});

const hostile = [
  "'; DROP TABLE records; --",
  '" OR 1=1 --',
  "$(rm -rf /)",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "👶🏽",
  "%",
  "%00",
  "|",
  "\\",
  "a|b|c|d|e|f",
  "null",
  "__proto__",
  "constructor",
  " ",
  "",
  "x".repeat(5000),
];

const datasetName = fc.oneof(
  fc.constantFrom(
    "children",
    "contacts",
    "care_leavers",
    "workforce",
    "benchmarks",
    "populations",
    "cla_episodes",
  ),
  fc.constantFrom(...hostile),
  fc.string({ maxLength: 40 }),
);
const keySegment = fc.oneof(
  fc.constantFrom(...hostile),
  fc.string({ maxLength: 300 }),
  fc.string({ unit: "binary", maxLength: 20 }),
);

const fieldValue = fc.oneof(
  fc.constantFrom(...hostile),
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom("2019-02-30", "31/12/2019", "2019-13-01", "0000-00-00", "9999-12-31", "2019-09-30"),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);
const fieldName = fc.oneof(
  fc.constantFrom(
    "child_id",
    "contact_id",
    "sex",
    "date_of_birth",
    "contact_date",
    "source",
    "level_of_need",
    "team",
  ),
  fc.constantFrom(...hostile),
  fc.string({ maxLength: 12 }),
);
const record = fc.dictionary(fieldName, fieldValue, { maxKeys: 8 });
const plausibleChild = fc.record({
  child_id: fc.oneof(fc.constantFrom(...hostile), fc.string({ minLength: 1, maxLength: 70 })),
  sex: fc.constantFrom("M", "F", "U", "X", "m"),
  date_of_birth: fc.constantFrom("2010-01-01", "01/01/2010", null, "2010-02-30", 20100101),
});

function deep(depth: number, open: string, close: string): string {
  return `{"records":[${open.repeat(depth)}${close.repeat(depth)}]}`;
}

/** Percent-encodes a path segment; unpaired surrogates (which encodeURIComponent refuses) become U+FFFD. */
function segment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(Buffer.from(s, "utf8").toString("utf8"));
  }
}

function csvEscape(v: unknown): string {
  return String(v);
}

const body: fc.Arbitrary<{ payload: string | Buffer; type: string | undefined }> = fc.oneof(
  fc
    .array(fc.oneof(record, plausibleChild), { maxLength: 20 })
    .map((records) => ({ payload: JSON.stringify({ records }), type: "application/json" })),
  fc.jsonValue({ maxDepth: 4 }).map((v) => ({ payload: JSON.stringify(v), type: "application/json" })),
  fc
    .jsonValue({ maxDepth: 2 })
    .map((v) => ({ payload: JSON.stringify({ records: v }), type: "application/json" })),
  fc.integer({ min: 1, max: 20_000 }).map((d) => ({ payload: deep(d, "[", "]"), type: "application/json" })),
  fc
    .integer({ min: 1, max: 5_000 })
    .map((d) => ({ payload: deep(d, '{"a":', "}").replace(/}$/, "}"), type: "application/json" })),
  fc.integer({ min: 1, max: 90_000 }).map((n) => ({
    payload: JSON.stringify({ records: [{ child_id: "x".repeat(n), sex: "F" }] }),
    type: "application/json",
  })),
  fc.string({ maxLength: 200 }).map((s) => ({ payload: s, type: "application/json" })),
  fc
    .array(
      fc.oneof(
        record.map((r) => JSON.stringify(r)),
        fc.string({ maxLength: 60 }),
      ),
      { maxLength: 10 },
    )
    .map((lines) => ({ payload: lines.join("\n"), type: "application/x-ndjson" })),
  fc
    .tuple(
      fc.array(fc.oneof(fieldName, fc.constantFrom('"child_id', 'sex"', '"a""b"', "")), {
        minLength: 1,
        maxLength: 5,
      }),
      fc.array(
        fc.array(
          fc.oneof(fieldValue.map(csvEscape), fc.constantFrom('"', '""', '"x', 'x"y', "\r", "\n", ",")),
          { maxLength: 6 },
        ),
        {
          maxLength: 10,
        },
      ),
    )
    .map(([header, rows]) => ({
      payload: [header.join(","), ...rows.map((r) => r.join(","))].join("\n"),
      type: "text/csv",
    })),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ payload: Buffer.from(bytes), type: "text/csv" })),
  fc
    .uint8Array({ maxLength: 300 })
    .map((bytes) => ({ payload: Buffer.from(bytes), type: "application/json" })),
  fc
    .tuple(
      fc.string({ maxLength: 200 }),
      fc.constantFrom(
        undefined,
        "text/plain",
        "application/xml",
        "multipart/form-data; boundary=x",
        "application/json; charset=utf-16",
        'text/csv; charset="latin1"',
        "application/x-www-form-urlencoded",
        ";;;",
        "application/json\u0000",
        "*/*",
      ),
    )
    .map(([payload, type]) => ({ payload, type })),
);

const token = fc.constantFrom<"none" | "admin" | "ingest" | "read" | "analyst" | "garbage" | "huge">(
  "none",
  "admin",
  "ingest",
  "ingest",
  "read",
  "analyst",
  "garbage",
  "huge",
);

const request = fc.record({
  route: fc.constantFrom(
    "records",
    "records",
    "records",
    "delete",
    "batches",
    "data-quality",
    "tokens",
    "token-delete",
    "users",
    "sessions",
    "organisations",
    "raw",
  ),
  method: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH"),
  dataset: datasetName,
  key: keySegment,
  query: fc.oneof(
    fc.constant(""),
    fc.constantFrom(
      "?mode=replace",
      "?mode=upsert",
      "?mode=DROP",
      "?mode[]=x",
      "?limit=-1",
      "?limit=abc",
      "?as_at=2019-02-30",
    ),
    fc.string({ maxLength: 30 }).map((s) => `?mode=${segment(s)}&limit=${segment(s)}&as_at=${segment(s)}`),
  ),
  token,
  idempotencyKey: fc.option(
    fc.oneof(fc.constantFrom(...hostile.filter((h) => !h.includes("\u0000"))), fc.string({ maxLength: 300 })),
    {
      nil: undefined,
    },
  ),
  body,
  rawPath: fc.constantFrom(
    "/v1/datasets/%E0%A4%A/records",
    "/v1//records",
    "/v1/datasets/../tokens",
    "/%",
    "/v1/datasets/children/records/%ZZ",
  ),
});

function tokenValue(kind: string): string | undefined {
  switch (kind) {
    case "none":
      return undefined;
    case "admin":
      return adminToken;
    case "garbage":
      return "kpi_' OR '1'='1";
    case "huge":
      return "k".repeat(20_000);
    default:
      return tokens[kind as "ingest" | "read" | "analyst"];
  }
}

describe("fuzz: hostile requests", () => {
  it(`answers ${runs} malformed or hostile requests without a 5xx`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const ds = segment(r.dataset);
        const url = (() => {
          switch (r.route) {
            case "records":
              return `/v1/datasets/${ds}/records${r.query}`;
            case "delete":
              return `/v1/datasets/${ds}/records/${segment(r.key)}`;
            case "token-delete":
              return `/v1/tokens/${segment(r.key)}`;
            case "raw":
              return r.rawPath;
            default:
              return `/v1/${r.route}${r.query}`;
          }
        })();
        const method = r.route === "records" ? "POST" : r.route === "delete" ? "DELETE" : r.method;
        const headers: Record<string, string> = {};
        const t = tokenValue(r.token);
        if (t !== undefined) Object.assign(headers, bearer(t));
        if (r.body.type !== undefined) headers["content-type"] = r.body.type;
        if (r.idempotencyKey !== undefined) headers["idempotency-key"] = r.idempotencyKey;
        const hasBody = method !== "GET" && method !== "DELETE";
        const res = await api.app.inject({
          method: method as "GET",
          url,
          headers,
          ...(hasBody ? { payload: r.body.payload } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode >= 500) {
          throw new Error(`${method} ${url} (${r.body.type}) → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
        if (res.statusCode >= 400) {
          const parsed = JSON.parse(res.body);
          expect(typeof parsed.error.code).toBe("string");
          expect(res.body).not.toMatch(/\bat .+\.(ts|js):\d+/);
        }
      }),
      { seed: 20_191_002, numRuns: runs, endOnFailure: true },
    );
    // The mix really exercised the edges: rejections of every kind, and some accepted batches.
    for (const status of [200, 400, 401, 403, 404, 413, 415, 422]) {
      expect({ status, seen: (statuses.get(status) ?? 0) > 0 }).toEqual({ status, seen: true });
    }
    expect((await api.app.inject({ method: "GET", url: "/readyz" })).statusCode).toBe(200);
  });
});
