// Runs every block marked <!-- runnable --> in docs/ingestion.md and docs/cli.md against the real API
// (test/support/global-setup.ts): `js` blocks as ES modules with node (resolving "@kpi/client" to this
// package), `sh` blocks with bash and the built `kpi` on PATH. A block marked `exit=N` must exit with N;
// a ```text block right after a runnable block lists lines its output must contain ("…" lines skipped).
import {
  chmodSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { freshOrganisation, KPI_BIN, run } from "./support/api-helpers.js";

const apiUrl = inject("apiUrl");
const adminToken = inject("adminToken");
const packageDir = fileURLToPath(new URL("../", import.meta.url));
const docsDir = fileURLToPath(new URL("../../../docs/", import.meta.url));

interface Block {
  readonly lang: "js" | "sh";
  readonly code: string;
  readonly exit: number;
  readonly expected: readonly string[];
  readonly line: number;
}

/** The runnable blocks of a markdown document, with the output lines documented after them. */
function runnableBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re =
    /<!-- runnable(?: exit=(\d+))? -->\n```(js|sh)\n([\s\S]*?)\n```\n(?:\n```text\n([\s\S]*?)\n```)?/g;
  for (const m of markdown.matchAll(re)) {
    const expected = (m[4] ?? "")
      .split("\n")
      .map((l) => l.trimEnd())
      .filter((l) => l.trim() !== "…" && l.trim() !== "");
    blocks.push({
      lang: m[2] as "js" | "sh",
      code: m[3] ?? "",
      exit: Number(m[1] ?? 0),
      expected,
      line: markdown.slice(0, m.index).split("\n").length + 1,
    });
  }
  return blocks;
}

/** A working directory with the files the documents name, `@kpi/client` resolvable and `kpi` on PATH. */
function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "kpi-docs-"));
  writeFileSync(
    join(dir, "children.csv"),
    "child_id,date_of_birth,sex,ethnicity,disabled\nC1,01/05/2010,F,WBRI,N\nC2,2011-02-03,M,,\nC3,14/06/2008,F,APKN,Y\n",
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
  cpSync(fileURLToPath(new URL("./fixtures/ssda903/", import.meta.url)), join(dir, "903"), {
    recursive: true,
  });
  cpSync(
    fileURLToPath(new URL("./fixtures/cin/cin-census.xml", import.meta.url)),
    join(dir, "cin-census.xml"),
  );
  mkdirSync(join(dir, "node_modules", "@kpi"), { recursive: true });
  symlinkSync(packageDir, join(dir, "node_modules", "@kpi", "client"), "dir");
  mkdirSync(join(dir, "bin"));
  writeFileSync(join(dir, "bin", "kpi"), `#!/bin/sh\nexec "${process.execPath}" "${KPI_BIN}" "$@"\n`);
  chmodSync(join(dir, "bin", "kpi"), 0o755);
  return dir;
}

for (const doc of ["ingestion.md", "cli.md"]) {
  const blocks = runnableBlocks(readFileSync(join(docsDir, doc), "utf8"));

  describe(`docs/${doc}`, () => {
    let dir: string;
    let env: Record<string, string>;

    beforeAll(async () => {
      const { token } = await freshOrganisation(apiUrl, adminToken, "docs");
      dir = workspace();
      env = {
        KPI_API_URL: apiUrl,
        KPI_TOKEN: token,
        HOME: dir,
        PATH: `${join(dir, "bin")}:${process.env.PATH ?? ""}`,
      };
    });

    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("has runnable examples, some with their output", () => {
      expect(blocks.length).toBeGreaterThanOrEqual(4);
      expect(blocks.filter((b) => b.expected.length > 0).length).toBeGreaterThanOrEqual(2);
    });

    blocks.forEach((block, i) => {
      it(`runs example ${i + 1} (line ${block.line}, ${block.lang})`, async () => {
        let result: Awaited<ReturnType<typeof run>>;
        if (block.lang === "js") {
          const file = join(dir, `example-${i + 1}.mjs`);
          writeFileSync(file, block.code);
          result = await run(process.execPath, [file], { cwd: dir, env });
        } else {
          result = await run("bash", ["-eo", "pipefail", "-c", block.code], { cwd: dir, env });
        }
        const output = `${result.stdout}${result.stderr}`;
        expect(result.code, output).toBe(block.exit);
        for (const line of block.expected) expect(output).toContain(line);
      });
    });
  });
}
