import http from "node:http";
import { connect } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "../src/db/database.js";
import { listen, send, stalledUpload } from "./support/http.js";
import { adminToken, bearer, startTestApi, type TestApi, tokensFor } from "./support/test-api.js";

// Issue 12, defects 7, 8 and 9 and the smaller HTTP items, over real connections where it matters:
// a kept-alive connection stays usable after an upload answered before its body was read; a full disk
// is 503 with the reason; long keys can be deleted; Expect: 100-continue waits for authentication; two
// Authorization headers and malformed HTTP get the API's error shape; one organisation cannot start
// more than its allowance of batches.

let api: TestApi;
let port: number;
let tokens: Awaited<ReturnType<typeof tokensFor>>;
const logs: string[] = [];

beforeAll(async () => {
  api = await startTestApi(
    { maxBodyBytes: 4 * 1024 * 1024, maxBatchesPerOrganisation: 2, logLevel: "info" },
    { logStream: { write: (line: string) => void logs.push(line) } },
  );
  port = await listen(api.app);
  tokens = await tokensFor(api.app, "default");
});

afterAll(async () => {
  await api?.close();
});

/** Resolves with the answer, or with "hung" when none comes within `ms` (the test's own bound). */
function orHung<T>(work: Promise<T>, ms: number): Promise<T | "hung"> {
  return Promise.race([work, new Promise<"hung">((r) => setTimeout(() => r("hung"), ms))]);
}

/** Writes raw bytes on a new connection and returns everything the server sent back. */
function raw(bytes: string, waitMs = 2_000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = "";
    const done = () => {
      socket.destroy();
      resolve(received);
    };
    socket.on("data", (d) => {
      received += d.toString("utf8");
    });
    socket.on("end", done);
    socket.on("error", done);
    setTimeout(done, waitMs);
    socket.write(bytes);
  });
}

describe("a kept-alive connection", () => {
  it("answers the next request at once after an upload answered before its body was read", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const padding = Buffer.alloc(3 * 1024 * 1024, 0x20);
    const early = [
      // Malformed JSON at its first bytes.
      {
        headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
        body: Buffer.concat([Buffer.from("{not json"), padding]),
        status: 400,
      },
      // Refused before the body is read: an unknown token.
      {
        headers: { ...bearer("kpi_unknown"), "content-type": "application/json" },
        body: Buffer.concat([Buffer.from('{"records":['), padding]),
        status: 401,
      },
    ];
    for (const upload of early) {
      const answer = await send(port, {
        method: "POST",
        path: "/v1/datasets/contacts/records",
        headers: upload.headers,
        body: upload.body,
        agent,
      });
      expect(answer.status).toBe(upload.status);
      const next = await orHung(
        send(port, { path: "/v1/datasets", headers: bearer(tokens.read), agent }),
        20_000,
      );
      expect(next === "hung" ? "hung" : next.status).toBe(200);
    }
    agent.destroy();
  }, 60_000);
});

describe("limits on connections and batches", () => {
  it("refuses a third batch of one organisation while two are in progress, with Retry-After", async () => {
    const header = "contact_id,child_id,contact_date,source\nA1,C1,2019-08-01,2A\n";
    const uploads = [0, 1].map(() =>
      stalledUpload(
        port,
        "/v1/datasets/contacts/records",
        { ...bearer(tokens.ingest), "content-type": "text/csv" },
        header,
      ),
    );
    await new Promise((r) => setTimeout(r, 300));
    const third = await send(port, {
      method: "POST",
      path: "/v1/datasets/contacts/records",
      headers: { ...bearer(tokens.ingest), "content-type": "text/csv" },
      body: header,
    });
    for (const u of uploads) u.destroy();
    expect(third.status).toBe(429);
    expect(JSON.parse(third.body).error.code).toBe("rate_limited");
    expect(JSON.parse(third.body).error.message).toMatch(/already has 2 batches in progress/);
    expect(third.headers["retry-after"]).toBe("5");
    // Once they are gone, the organisation may post again.
    await Promise.all(uploads.map((u) => u.answer));
    await new Promise((r) => setTimeout(r, 100));
    const after = await send(port, {
      method: "POST",
      path: "/v1/datasets/contacts/records",
      headers: { ...bearer(tokens.ingest), "content-type": "text/csv" },
      body: header,
    });
    expect(after.status, after.body).toBe(200);
  });

  it("deletes a record whose key is longer than 100 characters in the URL", async () => {
    // 60 characters, written 155 in the URL once its spaces and accents are percent-encoded.
    const id = "Référence é ".repeat(5);
    const posted = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(tokens.ingest), "content-type": "application/json" },
      payload: JSON.stringify({
        records: [{ contact_id: id, child_id: "LK1", contact_date: "2019-07-01", source: "2A" }],
      }),
    });
    expect(posted.statusCode).toBe(200);
    const path = `/v1/datasets/contacts/records/${encodeURIComponent(id)}`;
    expect(encodeURIComponent(id).length).toBeGreaterThan(100);
    const deleted = await api.app.inject({ method: "DELETE", url: path, headers: bearer(tokens.ingest) });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json().deleted).toBe(1);
  });

  it("answers a full disk (SQLSTATE 53100) with 503 and the reason, storing nothing, logging only the code", async () => {
    // The database refuses the organisation's writes as PostgreSQL does when its disk is full.
    await tokensFor(api.app, "full-disk");
    const full = (await tokensFor(api.app, "full-disk-2")).ingest;
    await queryRows(
      api.app.database.db,
      sql.raw(`CREATE FUNCTION full_disk() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$`),
    );
    await queryRows(
      api.app.database.db,
      sql.raw(`CREATE TRIGGER full_disk BEFORE INSERT ON records FOR EACH ROW
        WHEN (NEW.organisation_id = 'full-disk-2') EXECUTE FUNCTION full_disk()`),
    );
    const res = await api.app.inject({
      method: "POST",
      url: "/v1/datasets/contacts/records",
      headers: { ...bearer(full), "content-type": "application/json" },
      payload: JSON.stringify({
        records: [
          { contact_id: "DISKFULL-7", child_id: "DISKFULL-CHILD", contact_date: "2019-07-01", source: "2A" },
        ],
      }),
    });
    await queryRows(api.app.database.db, sql.raw("DROP TRIGGER full_disk ON records"));
    expect(res.statusCode).toBe(503);
    expect(res.json().error).toEqual({
      code: "unavailable",
      message: expect.stringMatching(/no disk space left; nothing was stored/),
    });
    expect(res.headers["retry-after"]).toBe("5");
    expect(await api.count("records", "full-disk-2")).toBe(0);
    const text = logs.join("");
    expect(text).toContain('"sqlstate":"53100"');
    expect(text).not.toContain("DISKFULL");
    expect(text).not.toContain("No space left");
  });
});

describe("HTTP at the edge", () => {
  it("answers Expect: 100-continue only once the request is authenticated", async () => {
    const request = (token: string) =>
      `POST /v1/datasets/contacts/records HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${token}\r\n` +
      "Content-Type: text/csv\r\nContent-Length: 40\r\nExpect: 100-continue\r\n\r\n";
    const refused = await raw(request("kpi_not-a-token"));
    expect(refused.split("\r\n")[0]).toBe("HTTP/1.1 401 Unauthorized");
    expect(refused).not.toContain("100 Continue");
    const accepted = await raw(request(tokens.ingest), 1_000);
    expect(accepted.split("\r\n")[0]).toBe("HTTP/1.1 100 Continue");
  });

  it("refuses two Authorization headers with 400 in the API's error shape", async () => {
    const answer = await raw(
      `GET /v1/datasets HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.read}\r\nAuthorization: Bearer ${adminToken}\r\nConnection: close\r\n\r\n`,
    );
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body.error.code).toBe("malformed_body");
    expect(body.error.message).toMatch(/one Authorization header/);
  });

  it("answers what Node's HTTP parser refuses in the API's error shape", async () => {
    const answer = await raw("NOT HTTP AT ALL\r\n\r\n");
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    expect(answer.toLowerCase()).toContain("content-type: application/json");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4));
    expect(body).toEqual({ error: { code: "malformed_body", message: "The request is not valid HTTP" } });
  });
});
