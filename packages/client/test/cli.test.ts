import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { datasets, toCsv } from "@kpi/catalogue";
import { generateDemoAuthority } from "@kpi/demo";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { batchesOf, freshOrganisation, kpi } from "./support/api-helpers.js";

const apiUrl = inject("apiUrl");
const adminToken = inject("adminToken");
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const demo = generateDemoAuthority({ scale: 0.05 });
const dir = mkdtempSync(join(tmpdir(), "kpi-cli-test-"));

let token: string;
let env: Record<string, string>;

function writeCsv(name: string, dataset: keyof typeof datasets, rows: readonly object[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    toCsv(
      datasets[dataset].fields.map((f) => f.name),
      rows as Record<string, unknown>[],
    ),
  );
  return file;
}

beforeAll(async () => {
  ({ token } = await freshOrganisation(apiUrl, adminToken, "cli"));
  env = { KPI_API_URL: apiUrl, KPI_TOKEN: token, HOME: dir };
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("kpi --help", () => {
  it("prints the overview and each command's options", async () => {
    const overview = await kpi(["--help"]);
    expect(overview.code).toBe(0);
    expect(overview.stdout).toContain("import ssda903 <folder|file…>");
    for (const command of ["ingest", "datasets", "values", "report", "import"]) {
      const r = await kpi([command, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: kpi ${command}`));
    }
  });

  it("refuses an unknown option with status 2 and the command's help", async () => {
    const r = await kpi(["ingest", "children", "x.csv", "--mdoe", "replace"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: kpi ingest");
  });
});

describe("kpi ingest", () => {
  it("posts demo-authority CSV files in batches and prints the summary", async () => {
    const children = writeCsv("children.csv", "children", demo.children);
    const first = await kpi(["ingest", "children", children, "--batch-size", "500"], { env });
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    const n = demo.children.length;
    expect(first.stdout).toBe(
      `children: ${n} received, ${n} inserted, 0 updated, 0 unchanged, 0 rejected (3 batches)\n`,
    );

    const again = await kpi(["ingest", "children", children, "--batch-size", "500"], { env });
    expect(again.stdout).toBe(
      `children: ${n} received, 0 inserted, 0 updated, ${n} unchanged, 0 rejected (3 batches)\n`,
    );

    const contacts = writeCsv("contacts.csv", "contacts", demo.contacts);
    const posted = await kpi(["ingest", "contacts", contacts], { env });
    expect(posted.code).toBe(0);
    expect(posted.stdout).toContain(`${demo.contacts.length} inserted`);
  });

  it("declares what the files cover with --covers or --as-of, and kpi datasets shows it", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "clicover");
    const ownEnv = { ...env, KPI_TOKEN: own };
    const rows = demo.contacts.filter(
      (c) => c.contact_date >= "2019-07-01" && c.contact_date <= "2019-09-30",
    );
    const file = writeCsv("q2-contacts.csv", "contacts", rows);
    const r = await kpi(
      ["ingest", "contacts", file, "--covers", "2019-07-01..2019-09-30", "--source-name", "Q2 contacts"],
      { env: ownEnv },
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[1]).toBe(
      'coverage recorded (declared): 1 Jul 2019 – 30 Sep 2019, "Q2 contacts"',
    );
    const extract = await kpi(
      [
        "ingest",
        "referrals",
        writeCsv("referrals.csv", "referrals", demo.referrals),
        "--as-of",
        "2019-09-30",
        "--history-from",
        "2016-04-01",
      ],
      { env: ownEnv },
    );
    expect(extract.stdout.split("\n")[1]).toBe(
      'coverage recorded (extract): 1 Apr 2016 – 30 Sep 2019, "Referrals: extract at 30 Sep 2019"',
    );
    const listed = await kpi(["datasets"], { env: ownEnv });
    expect(listed.stdout).toMatch(
      /\ncontacts\s+1 Jul 2019 – 30 Sep 2019\s*\n\s+1 Jul 2019 – 30 Sep 2019\s+declared: Q2 contacts\n/,
    );
    const json = JSON.parse((await kpi(["datasets", "--json"], { env: ownEnv })).stdout) as {
      datasets: { name: string; coverage: { spans: unknown[] } }[];
    };
    expect(json.datasets.find((d) => d.name === "referrals")?.coverage.spans).toEqual([
      { from: "2016-04-01", to: "2019-09-30" },
    ]);
  });

  it("refuses a coverage it cannot read, with status 2, before posting anything", async () => {
    const file = writeCsv("one-contact.csv", "contacts", demo.contacts.slice(0, 1));
    for (const flags of [
      ["--covers", "2019-07-01"],
      ["--covers", "2019-07-01..2019-09-30", "--as-of", "2019-09-30"],
      ["--history-from", "2016-04-01"],
      ["--as-of", "30/09/2019"],
      ["--covers", "2019-07-01..2019-09-30", "--source-kind", "census"],
    ]) {
      const r = await kpi(["ingest", "contacts", file, ...flags], { env });
      expect(r.code, flags.join(" ")).toBe(2);
      expect(r.stderr).toContain("Usage: kpi ingest");
    }
  });

  it("validates locally on a dry run, shows every bad row as file:line and posts nothing", async () => {
    const file = join(dir, "bad-children.csv");
    writeFileSync(
      file,
      "child_id,date_of_birth,sex\nD1,01/05/2010,F\nD2,31/02/2011,M\n\nD3,2012-01-01,Q\nD1,2010-05-01,F\n",
    );
    const before = (await batchesOf(apiUrl, token, "children")).length;
    const r = await kpi(["ingest", "children", file, "--dry-run"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `${file}:3 date_of_birth: must be a date such as 2019-09-30 or 30/09/2019 (got '31/02/2011')`,
    );
    expect(r.stderr).toMatch(new RegExp(`${file}:5 sex: .*'Q'`));
    expect(r.stderr).toMatch(new RegExp(`${file}:6 child_id: duplicate key`));
    expect(r.stdout).toBe("children (dry run, nothing posted): 4 rows read, 1 valid, 3 rejected\n");
    expect((await batchesOf(apiUrl, token, "children")).length).toBe(before);
  });

  it("accepts a valid dry run with status 0", async () => {
    const file = join(dir, "good.ndjson");
    writeFileSync(file, '{"child_id":"N1","date_of_birth":"2010-05-01","sex":"F"}\n');
    const r = await kpi(["ingest", "children", file, "--dry-run"], { env });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("1 valid, 0 rejected");
  });

  it("stops at a failed batch: exit 1, the row shown by file and line, earlier batches kept", async () => {
    const rows = demo.children.slice(0, 250).map((c) => ({ ...c, child_id: `F${c.child_id}` }));
    const bad = rows[179];
    if (bad) rows[179] = { ...bad, sex: "X" as "F" };
    const file = writeCsv("failing-children.csv", "children", rows);
    const before = (await batchesOf(apiUrl, token, "children")).length;
    const r = await kpi(["ingest", "children", file, "--batch-size", "100"], { env });
    expect(r.code).toBe(1);
    // Row 179 (0-based) is on line 181 (header on line 1).
    expect(r.stderr).toMatch(new RegExp(`${file}:181 sex: .*'X'`));
    expect(r.stdout).toContain(
      "children: 100 received, 100 inserted, 0 updated, 0 unchanged, 1 rejected (1 batch)",
    );
    expect(r.stdout).toContain("1 earlier batch was written");
    expect((await batchesOf(apiUrl, token, "children")).length).toBe(before + 1);
  });

  it("refuses --mode replace over more than one batch before sending anything", async () => {
    const file = writeCsv("replace.csv", "children", demo.children.slice(0, 30));
    const before = (await batchesOf(apiUrl, token, "children")).length;
    const r = await kpi(["ingest", "children", file, "--mode", "replace", "--batch-size", "10"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("mode=replace needs the whole input in one batch");
    expect((await batchesOf(apiUrl, token, "children")).length).toBe(before);
  });

  it("says which setting is missing when there is no token", async () => {
    const file = writeCsv("one.csv", "children", demo.children.slice(0, 1));
    const r = await kpi(["ingest", "children", file], { env: { KPI_API_URL: apiUrl, HOME: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("no token");
  });
});

describe("a retry after a dropped connection", () => {
  let proxy: Server;
  let proxyUrl: string;
  const seenKeys: string[] = [];

  beforeAll(async () => {
    let dropped = false;
    const upstream = new URL(apiUrl);
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (req.method === "POST") seenKeys.push(String(req.headers["idempotency-key"]));
        const forward = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (answer) => {
            const body: Buffer[] = [];
            answer.on("data", (c: Buffer) => body.push(c));
            answer.on("end", () => {
              if (req.method === "POST" && !dropped) {
                // The API has written the batch; the client never hears about it.
                dropped = true;
                req.socket.destroy();
                return;
              }
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              res.end(Buffer.concat(body));
            });
          },
        );
        forward.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => proxy.close(resolve));
  });

  it("re-sends the same Idempotency-Key and writes nothing twice", async () => {
    const rows = demo.missing_episodes.slice(0, 40);
    const file = writeCsv("missing.csv", "missing_episodes", rows);
    const r = await kpi(["ingest", "missing_episodes", file], { env: { ...env, KPI_API_URL: proxyUrl } });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(seenKeys).toHaveLength(2);
    expect(seenKeys[1]).toBe(seenKeys[0]);
    // The answer to the retry is the first result: 40 inserted, not 40 unchanged.
    const [summary, coverage] = r.stdout.split("\n");
    expect(summary).toBe(
      "missing_episodes: 40 received, 40 inserted, 0 updated, 0 unchanged, 0 rejected (1 batch)",
    );
    // Posted without a declaration: the coverage is inferred from the episodes' dates.
    expect(coverage).toMatch(
      /^coverage recorded \(inferred\): .+ – .+, "missing episodes posted .+ \(inferred\)"$/,
    );
    const batches = await batchesOf(apiUrl, token, "missing_episodes");
    expect(batches).toHaveLength(1);
    expect(batches[0]).toMatchObject({ received: 40, inserted: 40 });
  });
});

describe("kpi values and kpi report", () => {
  it("prints an indicator's values as a table", async () => {
    const r = await kpi(["values", "ffd.contacts_swa_pct", "--period", "FY2019-20-Q2"], { env });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("ffd.contacts_swa_pct (quarter)");
    expect(lines[1]).toMatch(/^period\s+value\s+numerator\s+denominator\s+target\s+status\s+note$/);
    expect(lines[3]).toMatch(/^FY2019-20-Q2\s+\d+\.\d%\s+\d+\s+\d+/);
  });

  it("reports an unknown indicator with status 1", async () => {
    const r = await kpi(["values", "no.such_indicator"], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kpi values: /);
  });

  it("writes the quarterly report as CSV to a file and as JSON (published table, or with --internal the whole report) to standard output", async () => {
    const out = join(dir, "q2.csv");
    const csv = await kpi(["report", "FY2019-20-Q2", "--format", "csv", "--out", out], { env });
    expect(csv.code).toBe(0);
    const text = readFileSync(out, "utf8");
    expect(text.split("\r\n")[0]).toBe(
      "Section,Indicator id,Indicator,Window,Period,Unit,Numerator,Denominator,Value,Target,Status,Judgement",
    );
    expect(text).toMatch(/\r\nFamily Front Door,ffd\.contacts_swa_pct,[^\r]*,Quarter,Q2 2019-20,percent,/);
    expect(text).toMatch(/\r\nSources\r\nDataset,Source,Kind,Covers,Received\r\n/);

    const published = await kpi(["report", "FY2019-20-Q2"], { env });
    expect(published.code).toBe(0);
    const table = JSON.parse(published.stdout) as { period: string; audience: string; columns: string[] };
    expect(table.period).toBe("FY2019-20-Q2");
    expect(table.audience).toBe("published");
    expect(table.columns.slice(0, 3)).toEqual(["Section", "Indicator id", "Indicator"]);

    const json = await kpi(["report", "FY2019-20-Q2", "--internal"], { env });
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as {
      period: string;
      sections: {
        id: string;
        indicators: { id: string; unit: string; quarter: { numerator: number | null } }[];
      }[];
    };
    expect(report.period).toBe("FY2019-20-Q2");
    expect(report.sections.map((s) => s.id)).toEqual([
      "ffd",
      "through_care",
      "cp",
      "cin",
      "vulnerabilities",
      "staffing",
    ]);
  });

  it("publishes a small count as c in the CSV and shows it with --internal", async () => {
    // Three contacts in Q2 2019-20, the quarter declared complete: ffd.contacts is 3, a count of
    // children from 1 to 5.
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "clismall");
    const ownEnv = { ...env, KPI_TOKEN: own };
    const file = join(dir, "three-contacts.csv");
    writeFileSync(
      file,
      "contact_id,child_id,contact_date,source\nK1,C1,2019-07-03,2A\nK2,C2,2019-08-14,2A\nK3,C3,2019-09-20,2A\n",
    );
    const posted = await kpi(["ingest", "contacts", file, "--covers", "2019-07-01..2019-09-30"], {
      env: ownEnv,
    });
    expect(posted.code).toBe(0);
    const row = (text: string) =>
      text.split("\r\n").find((l) => l.includes(",ffd.contacts,") && l.includes(",Quarter,"));
    // Numerator and Value: the 6th and 4th cells from the end (then Target, Status, Judgement).
    const cells = (line: string | undefined) => {
      const c = line?.split(",") ?? [];
      return [c.at(-6), c.at(-4)];
    };
    const published = await kpi(["report", "FY2019-20-Q2", "--format", "csv"], { env: ownEnv });
    expect(published.code).toBe(0);
    expect(cells(row(published.stdout))).toEqual(["c", "c"]);
    const internal = await kpi(["report", "FY2019-20-Q2", "--format", "csv", "--internal"], { env: ownEnv });
    expect(internal.code).toBe(0);
    expect(cells(row(internal.stdout))).toEqual(["3", "3"]);
    // JSON: the published table has c in both cells; --internal is the API's report with the 3.
    const jsonRow = (text: string) =>
      (JSON.parse(text) as { rows: unknown[][] }).rows.find(
        (r) => r[1] === "ffd.contacts" && r[3] === "Quarter",
      );
    const publishedJson = await kpi(["report", "FY2019-20-Q2"], { env: ownEnv });
    expect(publishedJson.code).toBe(0);
    expect([jsonRow(publishedJson.stdout)?.[6], jsonRow(publishedJson.stdout)?.[8]]).toEqual(["c", "c"]);
    const internalJson = await kpi(["report", "FY2019-20-Q2", "--internal"], { env: ownEnv });
    const contacts = (
      JSON.parse(internalJson.stdout) as {
        sections: { indicators: { id: string; quarter: { numerator: number | null } }[] }[];
      }
    ).sections
      .flatMap((s) => s.indicators)
      .find((i) => i.id === "ffd.contacts");
    expect(contacts?.quarter.numerator).toBe(3);
  });
});

describe("kpi import", () => {
  it("uploads the sample 903 extract: exit 3 when rows are dropped, each named by file, line and rule", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "imp903");
    const run = (...extra: string[]) =>
      kpi(["import", "ssda903", join(fixtures, "ssda903"), "--year", "2019-20", ...extra], {
        env: { ...env, KPI_TOKEN: own },
      });
    // Worked out from the fixture: header 6 rows (line 7 has no CHILD), episodes 8 (line 5 LS Q9, line 7
    // DECOM 32/01/2019, line 9 DEC without REC), missing 4 (X; an end before the start), oc3 5 (MAYBE).
    const strict = await run("--strict");
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain(
      "ssda903 import: failed. Nothing was imported: --strict, and 7 rows would be dropped.",
    );
    const r = await run();
    expect(r.stderr).toBe("");
    expect(r.code).toBe(3);
    expect(r.stdout).toContain(
      "cla_episodes ← ssda903/episodes.csv episodes (2019-20): 8 read, 5 mapped, 1 kept with a warning, 3 dropped",
    );
    expect(r.stdout).toContain(
      "ssda903/episodes.csv:5 dropped: LS 'Q9' is not a 2019-20 903 code (rule 144): the row cannot be read without the legal status",
    );
    expect(r.stdout).toContain("written children: 5 received, 5 inserted, 0 updated, 0 unchanged");
    expect(r.stdout).toContain("written cla_episodes: 5 received, 5 inserted, 0 updated, 0 unchanged");
    expect(r.stdout).toContain("written missing_episodes: 2 received, 2 inserted");
    expect(r.stdout).toContain("written care_leavers: 4 received, 4 inserted");
    expect(r.stdout).toContain(
      "covers 2019-20 (1 Apr 2019 to 31 Mar 2020): children, cla_episodes, missing_episodes, care_leavers",
    );
    // Each dated dataset is the 2019-20 return, replacing what was stored within its year (decision 130).
    expect(r.stdout).toContain(
      "written cla_episodes: 5 received, 5 inserted, 0 updated, 0 unchanged, 0 deleted",
    );
    const listed = await kpi(["datasets"], { env: { ...env, KPI_TOKEN: own } });
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /\ncla_episodes\s+1 Apr 2019 – 31 Mar 2020\s*\n\s+1 Apr 2019 – 31 Mar 2020\s+statutory: SSDA903 return 2019-20\n/,
    );
    expect(listed.stdout).toMatch(/\nchildren\s+\(no date coverage\)/);
    expect(listed.stdout).toMatch(/\ncontacts\s+nothing loaded/);

    // The same extract again updates nothing and duplicates nothing.
    const again = await run();
    expect(again.stdout).toContain("written cla_episodes: 5 received, 0 inserted, 0 updated, 5 unchanged");
  });

  it("fails with exit 1 and writes nothing when a file lacks a mandatory column", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "imp903bad");
    const dir = mkdtempSync(join(tmpdir(), "kpi-903-"));
    writeFileSync(
      join(dir, "SSDA903_2018_episodes.csv"),
      "CHILD,DECOM,RNE,LS,CIN,PLACE,DEC,REC\n1,01/05/2017,S,C2,N1,U1,,\n",
    );
    const r = await kpi(["import", "ssda903", dir], { env: { ...env, KPI_TOKEN: own } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `problem: ${basename(dir)}/SSDA903_2018_episodes.csv is the 903 episodes table but has no column PLACE_PROVIDER`,
    );
    expect(r.stdout).not.toContain("written");
  });

  it("exits 0 for a clean import, the year taken from the file name", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "imp903ok");
    const dir = mkdtempSync(join(tmpdir(), "kpi-903-"));
    writeFileSync(join(dir, "903_2017-18_uasc.csv"), "CHILD,SEX,DOB,DUC\n1,1,01/01/2004,01/01/2022\n");
    const r = await kpi(["import", "ssda903", join(dir, "903_2017-18_uasc.csv")], {
      env: { ...env, KPI_TOKEN: own },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("written uasc: 1 received, 1 inserted, 0 updated, 0 unchanged");
  });

  it("imports the sample CIN census through the API: rows dropped, the rest written, exit 3", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "impcin");
    const r = await kpi(["import", "cin-census", join(fixtures, "cin", "cin-census.xml")], {
      env: { ...env, KPI_TOKEN: own },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("cin-census import: partial.");
    expect(r.stdout).toContain("file cin-census.xml: xml, UTF-8 → Child, CINdetails");
    // The third child has no LAchildID: dropped, and its referral with it.
    expect(r.stdout).toMatch(/cin-census\.xml:\d+ Child\[3\] dropped: LAchildID is empty \(rule 8500\)/);
    expect(r.stdout).toMatch(
      /cin-census\.xml:\d+ Child\[3\]\/CINdetails\[1\] dropped: dropped with its Child row/,
    );
    expect(r.stdout).toContain("written referrals: 3 received, 3 inserted");
    expect(r.stdout).toContain("written cp_reviews: 1 received, 1 inserted");
    expect(r.stdout).toContain("covers 2019-20 (1 Apr 2019 to 31 Mar 2020): children, referrals");
  });

  it("takes cin as the CIN census's shorter name; a dry run writes nothing", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "impcindry");
    const r = await kpi(["import", "cin", join(fixtures, "cin", "cin-census.xml"), "--dry-run"], {
      env: { ...env, KPI_TOKEN: own },
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("cin-census import (dry run, nothing written): partial.");
    expect(r.stdout).not.toContain("written ");
  });

  it("imports the workforce census, every worker dated on 30 September", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "impcsww");
    const r = await kpi(["import", "workforce-census", join(fixtures, "workforce-census", "csww-2022.xml")], {
      env: { ...env, KPI_TOKEN: own },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("written workforce: 30 received, 30 inserted, 0 updated, 0 unchanged");
    expect(r.stdout).toContain("covers 30 Sep 2022: workforce");
  });

  it("imports an Annex A workbook over the span given with --covers", async () => {
    const { token: own } = await freshOrganisation(apiUrl, adminToken, "impannexa");
    const book = fileURLToPath(
      new URL("../../imports/test/fixtures/annex-a/liia-Annex_A.xlsx", import.meta.url),
    );
    const r = await kpi(["import", "annex-a", book, "--covers", "2020-09-01..2021-03-31"], {
      env: { ...env, KPI_TOKEN: own },
    });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("annex-a import: clean.");
    expect(r.stdout).toContain("file liia-Annex_A.xlsx: xlsx → List 1 (Contacts): sheet 'List 1'");
    expect(r.stdout).toContain("  not imported: List 11: Adopters (list 11 is about adopters");
    // List 1 holds five contacts (the import package's test reads them from the workbook).
    expect(r.stdout).toContain("written contacts: 5 received, 5 inserted, 0 updated, 0 unchanged, 0 deleted");
    expect(r.stdout).toContain("covers 1 Sep 2020 to 31 Mar 2021: contacts, early_help, referrals");
    expect(r.stdout).toContain("covers 31 Mar 2021: care_leavers");
  });

  it("says --covers is for Annex A only", async () => {
    const r = await kpi(["import", "ssda903", "x.csv", "--covers", "2020-09-01..2021-03-31"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--covers gives the span of an Annex A workbook");
  });

  it("refuses a kind it does not know", async () => {
    const r = await kpi(["import", "cin-cencus", "x.xml"], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      "give the return: ssda903 <folder|files…>, cin-census <file.xml…>, workforce-census <file.xml…>, annex-a <workbook.xlsx> or published <files…>",
    );
  });
});
