import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, bearer, startTestApi, type TestApi } from "./support/test-api.js";

// The editorial workflow of a section's analysis: staff versions with display names, revert, sign-off
// by an admin, and an edit after sign-off returning the section to draft.

let api: TestApi;
const sessions: Record<"analyst" | "manager" | "viewer", string> = { analyst: "", manager: "", viewer: "" };
const base = "/v1/reports/FY2019-20-Q2/sections/through_care/analysis";

async function signIn(username: string, role: string, display_name: string): Promise<string> {
  const password = `${username}-password-123`;
  const created = await api.app.inject({
    method: "POST",
    url: "/v1/users",
    headers: bearer(adminToken),
    payload: { username, password, display_name, role },
  });
  expect(created.statusCode, created.body).toBe(201);
  const session = await api.app.inject({
    method: "POST",
    url: "/v1/sessions",
    payload: { username, password },
  });
  expect(session.statusCode, session.body).toBe(201);
  return session.json().token;
}

const put = (token: string, text: string) =>
  api.app.inject({ method: "PUT", url: base, headers: bearer(token), payload: { text } });
const post = (token: string, action: "revert" | "approve", version: unknown) =>
  api.app.inject({ method: "POST", url: `${base}/${action}`, headers: bearer(token), payload: { version } });
const analysis = async (token: string) => {
  const r = await api.app.inject({ method: "GET", url: "/v1/reports/FY2019-20-Q2", headers: bearer(token) });
  expect(r.statusCode).toBe(200);
  return r.json().sections.find((s: { id: string }) => s.id === "through_care").analysis;
};
const history = async (token: string) =>
  (await api.app.inject({ method: "GET", url: `${base}/history`, headers: bearer(token) })).json().history;

beforeAll(async () => {
  api = await startTestApi();
  sessions.analyst = await signIn("a.analyst", "analyst", "Ann Analyst");
  sessions.manager = await signIn("m.manager", "admin", "Max Manager");
  sessions.viewer = await signIn("v.viewer", "read", "Val Viewer");
}, 60_000);

afterAll(async () => {
  await api.close();
});

describe("the analysis workflow", () => {
  it("shows authors by display name, reverts to any version, and lets only an admin sign off the latest", async () => {
    // Nothing saved yet: there is nothing to approve.
    expect((await post(sessions.manager, "approve", 1)).statusCode).toBe(409);
    const v1 = (await put(sessions.analyst, "First draft.")).json();
    const v2 = (await put(sessions.analyst, "Second draft.")).json();
    expect(v1).toMatchObject({ author: "Ann Analyst", text: "First draft." });

    // Revert to version 1: a new version, by the person reverting, saying which it restored.
    expect((await post(sessions.viewer, "revert", v1.version)).statusCode).toBe(403);
    expect((await post(sessions.analyst, "revert", 999_999)).statusCode).toBe(404);
    const v3 = (await post(sessions.analyst, "revert", v1.version)).json();
    expect(v3).toMatchObject({ text: "First draft.", author: "Ann Analyst", reverted_from: v1.version });
    expect(v3.version).toBeGreaterThan(v2.version);

    // Only an admin approves, and only the latest version.
    expect((await post(sessions.analyst, "approve", v3.version)).statusCode).toBe(403);
    expect((await post(sessions.viewer, "approve", v3.version)).statusCode).toBe(403);
    const stale = await post(sessions.manager, "approve", v2.version);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain(`(${v3.version} is)`);
    const approved = await post(sessions.manager, "approve", v3.version);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().approval).toMatchObject({ approved_by: "Max Manager" });
    // Approving again changes nothing.
    expect((await post(sessions.manager, "approve", v3.version)).json().approval).toEqual(
      approved.json().approval,
    );

    const shown = await analysis(sessions.viewer);
    expect(shown).toMatchObject({
      text: "First draft.",
      draft: false,
      source: "staff",
      version: v3.version,
      author: "Ann Analyst",
      approval: { approved_by: "Max Manager" },
    });
    expect(Date.parse(shown.approval.approved_at)).not.toBeNaN();

    const versions = await history(sessions.viewer);
    expect(
      versions.map((v: { version: number; author: string; approval: unknown }) => [
        v.version,
        v.author,
        v.approval !== null,
      ]),
    ).toEqual([
      [v3.version, "Ann Analyst", true],
      [v2.version, "Ann Analyst", false],
      [v1.version, "Ann Analyst", false],
    ]);
  });

  it("returns the section to draft when it is edited after sign-off", async () => {
    const v4 = (await put(sessions.analyst, "Edited after sign-off.")).json();
    const shown = await analysis(sessions.viewer);
    expect(shown).toMatchObject({
      text: "Edited after sign-off.",
      draft: true,
      version: v4.version,
      approval: null,
    });
    // The earlier sign-off stays in the history.
    expect(
      (await history(sessions.viewer)).filter((v: { approval: unknown }) => v.approval !== null),
    ).toHaveLength(1);
    const again = await post(sessions.manager, "approve", v4.version);
    expect(again.statusCode).toBe(200);
    expect((await analysis(sessions.viewer)).draft).toBe(false);
  });

  it("refuses a version that is not a positive whole number", async () => {
    for (const version of [0, -2, 1.5, "3"])
      expect((await post(sessions.manager, "approve", version)).statusCode, String(version)).toBe(422);
  });
});
