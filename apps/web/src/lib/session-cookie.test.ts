import { describe, expect, it } from "vitest";
import { decodeSession, encodeSession, type PortalSession } from "./session-cookie";

const session: PortalSession = {
  token: "kpi_s_abc",
  username: "j.smith",
  displayName: "Jo Smith",
  role: "analyst",
  organisation: "demo-la",
  expiresAt: "2019-10-01T17:00:00.000Z",
};
const beforeExpiry = Date.parse("2019-10-01T09:00:00Z");

describe("session cookie", () => {
  it("round-trips a session before it expires", () => {
    expect(decodeSession(encodeSession(session), beforeExpiry)).toEqual(session);
  });

  it("keeps a session written before the cookie held the organisation", () => {
    const { organisation: _, ...before } = session;
    const value = Buffer.from(JSON.stringify(before)).toString("base64url");
    expect(decodeSession(value, beforeExpiry)).toEqual(before);
  });

  it("treats an expired session as signed out", () => {
    expect(decodeSession(encodeSession(session), Date.parse("2019-10-01T17:00:01Z"))).toBeNull();
  });

  it("treats a missing or garbled cookie as signed out", () => {
    expect(decodeSession(undefined, beforeExpiry)).toBeNull();
    expect(decodeSession("not-base64-json", beforeExpiry)).toBeNull();
    const wrongRole = Buffer.from(JSON.stringify({ ...session, role: "superuser" })).toString("base64url");
    expect(decodeSession(wrongRole, beforeExpiry)).toBeNull();
    const badOrganisation = Buffer.from(JSON.stringify({ ...session, organisation: "Demo LA" })).toString(
      "base64url",
    );
    expect(decodeSession(badOrganisation, beforeExpiry)).toBeNull();
  });
});
