import { describe, expect, inject, it } from "vitest";
import { createClient } from "../src/client/create-client.js";
import { KpiClientError } from "../src/errors/kpi-client-error.js";

// The client's organisation methods against the real API (global-setup.ts). Leeds is 383 /
// E08000035 in Yorkshire and The Humber (E12000003) in DfE's b1_children_in_need_2013_to_2025.csv.
const apiUrl = inject("apiUrl");
const adminToken = inject("adminToken");
const leeds = {
  old_la_code: "383",
  new_la_code: "E08000035",
  la_name: "Leeds",
  region_code: "E12000003",
  region_name: "Yorkshire and The Humber",
};

describe("the client's organisation methods", () => {
  it("create with a code, read, set by the other code, clear, and refuse an unknown code", async () => {
    const admin = createClient({ baseUrl: apiUrl, token: adminToken });
    const id = `client-org-${Date.now().toString(36)}`;
    const created = await admin.createOrganisation({ id, name: "Leeds City Council", la_code: "383" });
    expect(created).toMatchObject({ id, name: "Leeds City Council", authority: leeds });
    expect((await admin.organisation(id)).authority).toEqual(leeds);
    expect((await admin.setOrganisationAuthority(id, null)).authority).toBeNull();
    expect((await admin.setOrganisationAuthority(id, "E08000035")).authority).toEqual(leeds);
    const refused = await admin.setOrganisationAuthority(id, "999").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(KpiClientError);
    expect(refused).toMatchObject({
      status: 422,
      issues: [{ field: "la_code", message: "no local authority in England has the code 999" }],
    });
    expect((await admin.organisation(id)).authority).toEqual(leeds);
  });
});
