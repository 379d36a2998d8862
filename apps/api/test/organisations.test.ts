import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../src/errors.js";
import { createOrganisation, setOrganisationAuthority } from "../src/services/organisations.js";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 14, part 1: the organisation knows which local authority it is. Either code is accepted and
// both are kept; the name and region come from DfE's published statistics. The expected authorities
// are read by hand from ../shared/data/dfe-published/b1_children_in_need_2013_to_2025.csv:
//   2025,Reporting year,Local authority,E92000001,England,E12000005,West Midlands,885,E10000034,Worcestershire,…
//   2025,Reporting year,Local authority,E92000001,England,E12000003,Yorkshire and The Humber,383,E08000035,Leeds,…
const worcestershire = {
  old_la_code: "885",
  new_la_code: "E10000034",
  la_name: "Worcestershire",
  region_code: "E12000005",
  region_name: "West Midlands",
};
const leeds = {
  old_la_code: "383",
  new_la_code: "E08000035",
  la_name: "Leeds",
  region_code: "E12000003",
  region_name: "Yorkshire and The Humber",
};

let api: TestApi;
let worcs: Awaited<ReturnType<typeof tokensFor>>;
let other: Awaited<ReturnType<typeof tokensFor>>;

const inject = (options: InjectOptions) => api.app.inject(options);
const asAdminToken = bearer(adminToken);

function create(payload: Record<string, unknown>) {
  return inject({ method: "POST", url: "/v1/organisations", headers: asAdminToken, payload });
}
function read(id: string, token: string) {
  return inject({ method: "GET", url: `/v1/organisations/${id}`, headers: bearer(token) });
}
function patch(id: string, token: string, payload: Record<string, unknown>) {
  return inject({ method: "PATCH", url: `/v1/organisations/${id}`, headers: bearer(token), payload });
}

beforeAll(async () => {
  api = await startTestApi();
  // Two organisations created without a code, each with a token per role.
  worcs = await tokensFor(api.app, "worcs");
  other = await tokensFor(api.app, "other-la");
});
afterAll(async () => {
  await api.close();
});

describe("POST /v1/organisations with la_code", () => {
  it("takes the three-digit code and keeps both codes, with the name and region", async () => {
    const res = await create({ id: "worcs-3", name: "Worcestershire County Council", la_code: "885" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({
      id: "worcs-3",
      name: "Worcestershire County Council",
      created_at: expect.any(String),
      authority: worcestershire,
    });
  });

  it("takes the nine-character code (either case) for the same authority", async () => {
    const res = await create({ id: "worcs-9", name: "Worcestershire Children First", la_code: "e10000034" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().authority).toEqual(worcestershire);
  });

  it("leaves the authority unset without la_code", async () => {
    const res = await create({ id: "no-code", name: "Not yet known" });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().authority).toBeNull();
  });

  it("refuses a code no authority has with 422 naming la_code, and creates nothing", async () => {
    // 999 and E10000099 have the right shape but are in none of DfE's files.
    for (const la_code of ["999", "E10000099"]) {
      const res = await create({ id: "unknown-code", name: "Unknown", la_code });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().error.code).toBe("validation_failed");
      expect(res.json().error.issues).toEqual([
        { field: "la_code", message: `no local authority in England has the code ${la_code}` },
      ]);
    }
    const malformed = await create({ id: "unknown-code", name: "Unknown", la_code: "Worcs" });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.issues).toEqual([
      {
        field: "la_code",
        message: "use the three-digit code (such as 885) or the nine-character code (such as E10000034)",
      },
    ]);
    expect((await read("unknown-code", adminToken)).statusCode).toBe(404);
  });
});

describe("GET /v1/organisations/{id}", () => {
  it("shows any role its own organisation, with the authority once set", async () => {
    const before = await read("worcs", worcs.read);
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json()).toEqual({
      id: "worcs",
      name: "Organisation worcs",
      created_at: expect.any(String),
      authority: null,
    });
    expect((await patch("worcs", worcs.admin, { la_code: "885" })).statusCode).toBe(200);
    for (const role of ["read", "ingest", "analyst", "admin"] as const) {
      const res = await read("worcs", worcs[role]);
      expect(res.statusCode, role).toBe(200);
      expect(res.json().authority, role).toEqual(worcestershire);
    }
  });

  it("answers 404 for another organisation, as for one that does not exist", async () => {
    const res = await read("worcs", other.admin);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    expect((await read("nowhere", other.admin)).json()).toEqual(res.json());
  });

  it("shows KPI_ADMIN_TOKEN every organisation", async () => {
    const res = await read("worcs-9", adminToken);
    expect(res.statusCode).toBe(200);
    expect(res.json().authority).toEqual(worcestershire);
  });
});

describe("GET /v1/organisation", () => {
  it("shows every role its own organisation without being told its id", async () => {
    for (const [tokens, id] of [
      [worcs, "worcs"],
      [other, "other-la"],
    ] as const)
      for (const role of ["read", "ingest", "analyst", "admin"] as const) {
        const res = await inject({ method: "GET", url: "/v1/organisation", headers: bearer(tokens[role]) });
        expect(res.statusCode, `${id} ${role}`).toBe(200);
        expect(res.json(), `${id} ${role}`).toEqual((await read(id, tokens.admin)).json());
      }
    // worcs had its code set above; other-la has none.
    const own = await inject({ method: "GET", url: "/v1/organisation", headers: bearer(worcs.read) });
    expect(own.json().authority).toEqual(worcestershire);
    const none = await inject({ method: "GET", url: "/v1/organisation", headers: bearer(other.read) });
    expect(none.json().authority).toBeNull();
    expect((await inject({ method: "GET", url: "/v1/organisation" })).statusCode).toBe(401);
  });
});

describe("PATCH /v1/organisations/{id}", () => {
  it("lets the organisation's admin set it by either code, change it and clear it", async () => {
    const nine = await patch("other-la", other.admin, { la_code: "E08000035" });
    expect(nine.statusCode, nine.body).toBe(200);
    expect(nine.json()).toMatchObject({ id: "other-la", authority: leeds });
    expect((await read("other-la", other.read)).json().authority).toEqual(leeds);

    const three = await patch("other-la", other.admin, { la_code: "885" });
    expect(three.json().authority).toEqual(worcestershire);

    const cleared = await patch("other-la", other.admin, { la_code: null });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().authority).toBeNull();
    expect((await read("other-la", other.read)).json().authority).toBeNull();
  });

  it("refuses every role but admin with 403, and changes nothing", async () => {
    await patch("other-la", other.admin, { la_code: "383" });
    for (const role of ["read", "ingest", "analyst"] as const) {
      const res = await patch("other-la", other[role], { la_code: "885" });
      expect(res.statusCode, role).toBe(403);
      expect(res.json().error.code, role).toBe("forbidden");
    }
    expect((await read("other-la", other.read)).json().authority).toEqual(leeds);
  });

  it("refuses another organisation's admin with 404, and changes nothing", async () => {
    const res = await patch("other-la", worcs.admin, { la_code: "885" });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    expect((await read("other-la", other.read)).json().authority).toEqual(leeds);
  });

  it("lets KPI_ADMIN_TOKEN set it for any organisation", async () => {
    const res = await patch("no-code", adminToken, { la_code: "383" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().authority).toEqual(leeds);
  });

  it("refuses an unknown code, a missing la_code and other fields with 422, and keeps the code", async () => {
    const unknown = await patch("other-la", other.admin, { la_code: "000" });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues).toEqual([
      { field: "la_code", message: "no local authority in England has the code 000" },
    ]);
    expect((await patch("other-la", other.admin, {})).statusCode).toBe(422);
    expect((await patch("other-la", other.admin, { la_code: "383", name: "Renamed" })).statusCode).toBe(422);
    expect((await read("other-la", other.read)).json()).toMatchObject({
      name: "Organisation other-la",
      authority: leeds,
    });
  });
});

describe("the organisations service", () => {
  it("refuses a code no authority has even when no schema checked it first", async () => {
    const db = api.app.database.db;
    const refused = { code: "validation_failed", message: "no local authority in England has the code 999" };
    await expect(createOrganisation(db, { id: "direct", name: "Direct", laCode: "999" })).rejects.toSatisfy(
      (e) => e instanceof ApiError && e.code === refused.code && e.message === refused.message,
    );
    await expect(setOrganisationAuthority(db, "other-la", "999")).rejects.toBeInstanceOf(ApiError);
    expect((await read("direct", adminToken)).statusCode).toBe(404);
    expect((await read("other-la", other.read)).json().authority).toEqual(leeds);
  });
});
