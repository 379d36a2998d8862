// Runs the runnable blocks of the documents `@kpi/docs-examples` assigns to the `api` runner
// (docs/api.md, docs/ingestion.md, docs/cli.md and the client and contract READMEs) against the real API
// of test/support/global-setup.ts, each document in its own scratch directory and organisation: `js` and
// `ts` blocks as ES modules with node (`ts` type-checked first), `sh` blocks with bash, `kpi` and `curl`
// on PATH. Each must exit as its marker says and print what its document shows after it.
import { execFileSync } from "node:child_process";
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  type ExampleBlock,
  exampleProblems,
  exampleRunners,
  readExamples,
  repositoryRoot,
} from "@kpi/docs-examples";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshOrganisation, KPI_BIN } from "./support/api-helpers.js";

const apiUrl = inject("apiUrl");
const adminToken = inject("adminToken");
const packageDir = fileURLToPath(new URL("../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

/** Whether curl is installed: docs/api.md's examples need it. `.ci/run` installs it, and under CI a missing curl fails them rather than skipping them. */
const hasCurl = (() => {
  try {
    execFileSync("curl", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/**
 * A scratch directory with the sample files the documents name without showing (`children.csv`,
 * `contacts.csv`, `contacts.ndjson`, an SSDA903 folder `903/` and `cin-census.xml`), the documents' own
 * `file:` blocks, `@kpi/client` and `@kpi/contract` importable and `kpi` on PATH.
 */
function workspace(files: readonly ExampleBlock[]): string {
  const dir = mkdtempSync(join(tmpdir(), "kpi-docs-"));
  writeFileSync(
    join(dir, "children.csv"),
    "child_id,date_of_birth,sex,ethnicity,disabled\nC1,01/05/2010,F,WBRI,N\nC2,2011-02-03,M,,\nC3,14/06/2008,F,APKN,Y\n",
  );
  writeFileSync(
    join(dir, "contacts.csv"),
    "contact_id,child_id,contact_date,source,decision_date,level_of_need\nK1,C1,02/07/2019,2A,03/07/2019,4\nK2,C2,12/08/2019,6,12/08/2019,2\n",
  );
  writeFileSync(
    join(dir, "contacts.ndjson"),
    [
      {
        contact_id: "K1",
        child_id: "C1",
        contact_date: "2019-07-02",
        source: "2A",
        decision_date: "2019-07-03",
        level_of_need: 4,
        team: null,
      },
      {
        contact_id: "K2",
        child_id: "C2",
        contact_date: "2019-08-12",
        source: "6",
        decision_date: "2019-08-12",
        level_of_need: 2,
        team: null,
      },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n"),
  );
  cpSync(join(fixtures, "ssda903"), join(dir, "903"), { recursive: true });
  cpSync(join(fixtures, "cin", "cin-census.xml"), join(dir, "cin-census.xml"));
  for (const file of files) if (file.kind === "file") writeFileSync(join(dir, file.name), `${file.code}\n`);
  mkdirSync(join(dir, "node_modules", "@kpi"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "@kpi", "client"), "dir");
  symlinkSync(
    join(packageDir, "node_modules", "@kpi", "contract"),
    join(dir, "node_modules", "@kpi", "contract"),
    "dir",
  );
  mkdirSync(join(dir, "bin"));
  writeFileSync(join(dir, "bin", "kpi"), `#!/bin/sh\nexec "${process.execPath}" "${KPI_BIN}" "$@"\n`);
  chmodSync(join(dir, "bin", "kpi"), 0o755);
  return dir;
}

for (const doc of exampleRunners.api) {
  const blocks = readExamples(join(repositoryRoot, doc));
  const runnable = blocks.flatMap((b) => (b.kind === "runnable" ? [b] : []));

  describe(doc, () => {
    let dir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      const { token } = await freshOrganisation(apiUrl, adminToken, "docs");
      dir = workspace(blocks);
      env = {
        KPI_API_URL: apiUrl,
        KPI_TOKEN: token,
        KPI_ADMIN_TOKEN: adminToken,
        HOME: dir,
        PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}`,
      };
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("has runnable examples", () => {
      expect(runnable.length).toBeGreaterThan(0);
    });

    for (const block of runnable) {
      const needsCurl = block.lang === "sh" && /\bcurl\b/.test(block.code);
      it.skipIf(needsCurl && !hasCurl && process.env.CI !== "true")(
        `runs the ${block.lang} example at line ${block.line}`,
        async () => {
          expect(await exampleProblems(block, { cwd: dir, env, typesFrom: packageDir })).toEqual([]);
        },
      );
    }
  });
}
