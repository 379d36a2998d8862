import { type ParseArgsConfig, parseArgs } from "node:util";
import type { CoverageOption } from "../client/ingest.js";
import type { CliIo, ExitCode } from "./cli-io.js";
import { runDatasets } from "./commands/datasets-command.js";
import { runImport } from "./commands/import-command.js";
import { runIngest } from "./commands/ingest-command.js";
import { runPublished } from "./commands/published-command.js";
import { runReport } from "./commands/report-command.js";
import { isWindow, runValues } from "./commands/values-command.js";
import { type CliConfig, resolveConfig } from "./config.js";
import { helpTexts } from "./help.js";

const CONNECTION_OPTIONS = {
  url: { type: "string" },
  token: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const satisfies ParseArgsConfig["options"];

const COMMAND_OPTIONS = {
  ingest: {
    ...CONNECTION_OPTIONS,
    "dry-run": { type: "boolean" },
    mode: { type: "string" },
    "batch-size": { type: "string" },
    "idempotency-key": { type: "string" },
    covers: { type: "string" },
    "as-of": { type: "string" },
    "history-from": { type: "string" },
    "source-name": { type: "string" },
    "source-kind": { type: "string" },
  },
  datasets: { ...CONNECTION_OPTIONS, json: { type: "boolean" } },
  values: {
    ...CONNECTION_OPTIONS,
    period: { type: "string" },
    window: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    by: { type: "string" },
    json: { type: "boolean" },
  },
  report: {
    ...CONNECTION_OPTIONS,
    format: { type: "string" },
    out: { type: "string" },
    internal: { type: "boolean" },
  },
  import: {
    ...CONNECTION_OPTIONS,
    "dry-run": { type: "boolean" },
    strict: { type: "boolean" },
    json: { type: "boolean" },
    year: { type: "string" },
    la: { type: "string" },
    organisation: { type: "string" },
    covers: { type: "string" },
  },
} as const satisfies Record<string, ParseArgsConfig["options"]>;

type Command = keyof typeof COMMAND_OPTIONS;
type Values = Record<string, string | boolean | undefined>;

class UsageError extends Error {}

/**
 * Run the `kpi` command line: `ingest`, `datasets`, `values`, `report` and `import`, each with `--help`.
 * Connection settings come from flags, then `KPI_API_URL` / `KPI_TOKEN`, then the configuration file.
 *
 * @param argv - the arguments after `kpi`
 * @param io - streams, environment, working and home directories
 * @returns the exit status: 0 success, 1 failure (rows rejected, API error), 2 usage error
 * @example
 * ```ts
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr,
 *   env: process.env, cwd: process.cwd(), home: os.homedir() });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h" || first === "help") {
    (first === undefined ? io.stderr : io.stdout).write(helpTexts.kpi);
    return first === undefined ? 2 : 0;
  }
  if (!(first in COMMAND_OPTIONS)) {
    io.stderr.write(`kpi: unknown command '${first}'\n\n${helpTexts.kpi}`);
    return 2;
  }
  const command = first as Command;
  let values: Values;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: COMMAND_OPTIONS[command],
      allowPositionals: true,
      strict: true,
    }) as { values: Values; positionals: string[] });
  } catch (e) {
    io.stderr.write(`kpi ${command}: ${e instanceof Error ? e.message : String(e)}\n\n${helpTexts[command]}`);
    return 2;
  }
  if (values.help === true) {
    io.stdout.write(helpTexts[command]);
    return 0;
  }
  const resolved = resolveConfig(
    {
      url: str(values.url),
      token: str(values.token),
      config: str(values.config),
    },
    io.env,
    io.cwd,
    io.home,
  );
  if (!resolved.ok) {
    io.stderr.write(`kpi ${command}: ${resolved.error}\n`);
    return 2;
  }
  try {
    return await dispatch(command, values, positionals, resolved.config, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr.write(`kpi ${command}: ${e.message}\n\n${helpTexts[command]}`);
    return 2;
  }
}

function dispatch(
  command: Command,
  values: Values,
  positionals: string[],
  config: CliConfig,
  io: CliIo,
): Promise<ExitCode> {
  switch (command) {
    case "ingest": {
      const [dataset, ...files] = positionals;
      if (dataset === undefined || files.length === 0)
        throw new UsageError("give a dataset and at least one file");
      const mode = str(values.mode) ?? "upsert";
      if (mode !== "upsert" && mode !== "replace")
        throw new UsageError(`--mode must be upsert or replace (got '${mode}')`);
      const batchSize = positiveInt(values["batch-size"], "--batch-size");
      const key = str(values["idempotency-key"]);
      const coverage = coverageOf(values);
      return runIngest(
        {
          dataset,
          files,
          dryRun: values["dry-run"] === true,
          mode,
          ...(batchSize === undefined ? {} : { batchSize }),
          ...(key === undefined ? {} : { idempotencyKey: key }),
          ...(coverage === undefined ? {} : { coverage }),
        },
        config,
        io,
      );
    }
    case "datasets": {
      if (positionals.length > 0) throw new UsageError("datasets takes no arguments");
      return runDatasets({ json: values.json === true }, config, io);
    }
    case "values": {
      const [indicator, ...extra] = positionals;
      if (indicator === undefined || extra.length > 0) throw new UsageError("give exactly one indicator id");
      const window = str(values.window);
      if (window !== undefined && !isWindow(window))
        throw new UsageError(`--window must be quarter, month, ytd, year or rolling12 (got '${window}')`);
      const period = str(values.period);
      if (period !== undefined && (values.from !== undefined || values.to !== undefined))
        throw new UsageError("give --period, or --from and --to, not both");
      const from = period ?? str(values.from);
      const to = period ?? str(values.to);
      const by = str(values.by);
      return runValues(
        {
          indicator,
          json: values.json === true,
          query: {
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
            ...(window === undefined ? {} : { window }),
            ...(by === undefined ? {} : { by }),
          },
        },
        config,
        io,
      );
    }
    case "report": {
      const [period, ...extra] = positionals;
      if (period === undefined || extra.length > 0)
        throw new UsageError("give exactly one quarter, e.g. FY2019-20-Q2");
      const format = str(values.format) ?? "json";
      if (format !== "json" && format !== "csv")
        throw new UsageError(`--format must be json or csv (got '${format}')`);
      const out = str(values.out);
      const audience = values.internal === true ? "internal" : "published";
      return runReport({ period, format, audience, ...(out === undefined ? {} : { out }) }, config, io);
    }
    case "import": {
      const [named, ...paths] = positionals;
      if (named === "published") {
        if (paths.length === 0) throw new UsageError("give DfE's published files: published <file|folder…>");
        if (values.year !== undefined || values.strict !== undefined)
          throw new UsageError("published takes no --year or --strict (each file states its years)");
        const la = str(values.la);
        const organisation = str(values.organisation);
        if (la !== undefined && organisation !== undefined)
          throw new UsageError("give --la or --organisation, not both");
        return runPublished(
          {
            paths,
            dryRun: values["dry-run"] === true,
            json: values.json === true,
            ...(la === undefined ? {} : { la }),
            ...(organisation === undefined ? {} : { organisation }),
          },
          config,
          io,
        );
      }
      if (values.la !== undefined || values.organisation !== undefined)
        throw new UsageError("--la and --organisation go with published");
      const kind = named === "cin" ? "cin-census" : named;
      if (kind !== "ssda903" && kind !== "cin-census" && kind !== "workforce-census" && kind !== "annex-a")
        throw new UsageError(
          "give the return: ssda903 <folder|files…>, cin-census <file.xml…>, workforce-census <file.xml…>, annex-a <workbook.xlsx> or published <files…>",
        );
      if (paths.length === 0)
        throw new UsageError(`give the return's folder or files: ${kind} <folder|files…>`);
      const yearValue = str(values.year);
      const yearText = yearValue === undefined ? undefined : String(returnYear(yearValue));
      const coversText = str(values.covers);
      const covers =
        coversText === undefined ? null : /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(coversText);
      if (coversText !== undefined && covers === null)
        throw new UsageError(
          `--covers must be two dates, first..last, e.g. 2020-09-01..2021-02-28 (got '${coversText}')`,
        );
      if (covers !== null && kind !== "annex-a")
        throw new UsageError(
          "--covers gives the span of an Annex A workbook: a statutory return covers its year",
        );
      return runImport(
        {
          kind,
          paths,
          dryRun: values["dry-run"] === true,
          strict: values.strict === true,
          json: values.json === true,
          ...(yearText === undefined ? {} : { year: yearText }),
          ...(covers === null ? {} : { from: covers[1] ?? "", to: covers[2] ?? "" }),
        },
        config,
        io,
      );
    }
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The coverage declared by `--covers from..to` or `--as-of date [--history-from date]`, with
 * `--source-name` and `--source-kind` (the API checks that the dates are real).
 */
function coverageOf(values: Values): CoverageOption | undefined {
  const covers = str(values.covers);
  const asOf = str(values["as-of"]);
  const historyFrom = str(values["history-from"]);
  const name = str(values["source-name"]);
  const kind = str(values["source-kind"]);
  const named = name === undefined ? {} : { name };
  if (covers !== undefined && asOf !== undefined) throw new UsageError("give --covers or --as-of, not both");
  if (historyFrom !== undefined && asOf === undefined)
    throw new UsageError("--history-from goes with --as-of");
  if (kind !== undefined && covers === undefined) throw new UsageError("--source-kind goes with --covers");
  if (kind !== undefined && kind !== "statutory" && kind !== "declared")
    throw new UsageError(`--source-kind must be statutory or declared (got '${kind}')`);
  if (name !== undefined && covers === undefined && asOf === undefined)
    throw new UsageError("--source-name names a declared coverage: give --covers or --as-of too");
  if (covers !== undefined) {
    const m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(covers);
    if (m === null)
      throw new UsageError(
        `--covers must be two dates, first..last, e.g. 2019-04-01..2019-09-30 (got '${covers}')`,
      );
    return { from: m[1] ?? "", to: m[2] ?? "", ...(kind === undefined ? {} : { kind }), ...named };
  }
  if (asOf === undefined) return undefined;
  for (const [flag, date] of [
    ["--as-of", asOf],
    ["--history-from", historyFrom],
  ] as const)
    if (date !== undefined && !ISO_DATE.test(date))
      throw new UsageError(`${flag} must be a date such as 2019-09-30 (got '${date}')`);
  return { asOf, ...(historyFrom === undefined ? {} : { historyFrom }), ...named };
}

function str(value: string | boolean | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

function positiveInt(value: string | boolean | undefined, flag: string): number | undefined {
  if (typeof value !== "string") return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new UsageError(`${flag} must be a positive whole number (got '${value}')`);
  return Number(value);
}

/** `2020` or `2019-20` → 2020 (the year of the return's 31 March). */
function returnYear(text: string): number {
  const single = /^(\d{4})$/.exec(text);
  if (single) return Number(single[1]);
  const span = /^(?:FY)?(\d{4})-(\d{2})$/.exec(text);
  if (span && (Number(span[1]) + 1) % 100 === Number(span[2])) return Number(span[1]) + 1;
  throw new UsageError(`--year must be a year such as 2020 or 2019-20 (got '${text}')`);
}
