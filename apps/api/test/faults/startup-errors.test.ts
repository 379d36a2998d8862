import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runServerExpectingExit } from "./support/server-process.js";

// An operator who points the API at a store it cannot use must read one clear line, not a stack trace,
// and the process must exit non-zero so a supervisor notices.

let scratch: string;
const base = { KPI_ADMIN_TOKEN: "fault-admin-token-0123456789abc" };

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "kpi-fault-start-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function expectOneClearLine(run: { code: number | null; stdout: string; stderr: string }, mentions: RegExp) {
  expect(run.code).toBe(1);
  const lines = run.stderr.split("\n").filter((l) => l.trim() !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Could not start the API: /);
  expect(lines[0]).toMatch(mentions);
  expect(run.stderr).not.toMatch(/\n\s+at |\[object Object\]/);
  expect(run.stdout).not.toMatch(/listening/);
}

describe("start-up with an unusable store", () => {
  it("names the problem when the data directory is a file", async () => {
    const file = join(scratch, "a-file");
    writeFileSync(file, "not a directory\n");
    expectOneClearLine(await runServerExpectingExit({ ...base, KPI_DATA_DIR: file }), /a-file/);
  });

  it("names the problem when the data directory lies below a file", async () => {
    const file = join(scratch, "another-file");
    writeFileSync(file, "not a directory\n");
    expectOneClearLine(
      await runServerExpectingExit({ ...base, KPI_DATA_DIR: join(file, "data") }),
      /not a directory/,
    );
  });

  it("names the embedded store when its directory holds something that is not a database", async () => {
    const dir = join(scratch, "broken-store");
    mkdirSync(join(dir, "pglite", "base"), { recursive: true });
    writeFileSync(join(dir, "pglite", "global"), "x\n");
    expectOneClearLine(await runServerExpectingExit({ ...base, KPI_DATA_DIR: dir }), /\S/);
  });

  it("names the problem when nothing listens at the database URL", async () => {
    const run = await runServerExpectingExit({
      ...base,
      KPI_DATA_DIR: join(scratch, "pg-refused"),
      DATABASE_URL: "postgres://postgres@127.0.0.1:1/kpi",
      KPI_PSEUDONYM_KEY: "fault-pseudonym-key-0123456789",
    });
    expectOneClearLine(run, /ECONNREFUSED/);
  });

  it("names the problem when the database host does not resolve", async () => {
    const run = await runServerExpectingExit({
      ...base,
      KPI_DATA_DIR: join(scratch, "pg-unknown-host"),
      DATABASE_URL: "postgres://postgres@kpi-no-such-host.invalid:5432/kpi",
      KPI_PSEUDONYM_KEY: "fault-pseudonym-key-0123456789",
    });
    expectOneClearLine(run, /kpi-no-such-host\.invalid/);
  });

  it("refuses a URL that is not PostgreSQL's before opening anything", async () => {
    const run = await runServerExpectingExit({
      ...base,
      KPI_DATA_DIR: join(scratch, "mysql"),
      DATABASE_URL: "mysql://root@127.0.0.1/kpi",
    });
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      "Invalid configuration: DATABASE_URL must start with postgres:// or postgresql://",
    );
  });
});
