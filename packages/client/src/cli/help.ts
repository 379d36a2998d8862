const CONNECTION = `Connection (every command that talks to the API):
  --url <url>        API base URL            (or KPI_API_URL, or "url" in the config file)
  --token <token>    bearer token            (or KPI_TOKEN, or "token" in the config file)
  --config <file>    configuration file      (default ./kpi.config.json, then ~/.config/kpi/config.json)`;

/**
 * The `--help` text of every command, by command name (`kpi` for the overview).
 *
 * @example
 * ```ts
 * helpTexts.ingest.startsWith("Usage: kpi ingest"); // true
 * ```
 */
export const helpTexts = {
  kpi: `Usage: kpi <command> [options]

Commands:
  ingest <dataset> <file…>      post records from CSV, JSON or NDJSON files
  datasets                      list each dataset's coverage and sources
  values <indicator>            print an indicator's values as a table
  report <period>               fetch the quarterly report as JSON or CSV
  import ssda903 <folder>       map an SSDA903 extract (header, episodes, missing, oc3) and post it
  import cin <file.xml>         map a CIN census XML message and post it

Run "kpi <command> --help" for a command's options.

${CONNECTION}
`,
  ingest: `Usage: kpi ingest <dataset> <file…> [options]

Posts the records of one or more files (CSV with a header row, JSON { "records": [...] } or an array,
NDJSON one record per line; by extension, else by content) to a dataset, in atomic batches.

Options:
  --dry-run                  validate locally with the catalogue's schemas; post nothing
  --mode <upsert|replace>    replace makes the files the dataset's whole content, or with --covers or
                             --as-of its content within that coverage (one batch only)
  --covers <from..to>        the records are complete for these days, e.g. 2019-04-01..2019-09-30
  --source-kind <kind>       with --covers: declared (default) or statutory (a statutory return)
  --as-of <date>             an extract as at this date (its last complete day)
  --history-from <date>      with --as-of: the first day of the extract's history
  --source-name <name>       the source's name as staff will read it, e.g. "nightly extract"
  --batch-size <n>           rows per request (default 5000)
  --idempotency-key <run>    run id for the batches' Idempotency-Keys (default: random per run)
  -h, --help                 show this help

Without --covers or --as-of the API infers a coverage from the records' dates and shows it as
inferred; figures for periods outside what is covered have no value.

Every rejected row is shown as file:line field: message. Exit status 1 when any row is rejected.
A multi-batch ingest is not atomic as a whole: batches before a failed one stay written.

${CONNECTION}
`,
  values: `Usage: kpi values <indicator> [options]

Prints an indicator's values, oldest period first.

Options:
  --period <id>        one period (sets --from and --to), e.g. FY2019-20-Q2
  --window <w>         quarter (default), month, ytd, year or rolling12
  --from <id>          first period
  --to <id>            last period
  --by <field>         a breakdown the indicator lists, e.g. source
  --json               print the API's JSON instead of a table
  -h, --help           show this help

${CONNECTION}
`,
  datasets: `Usage: kpi datasets [options]

Lists each dataset with the spans of dates its records are complete for (its coverage) and the
sources behind them: kind (statutory, declared, extract, inferred), name and span.

Options:
  --json               print the API's JSON instead of a table
  -h, --help           show this help

${CONNECTION}
`,
  report: `Usage: kpi report <period> [options]

Fetches the quarterly report for a quarter, e.g. FY2019-20-Q2.

Options:
  --format <json|csv>  json (default): the whole report; csv: one row per indicator
  --out <file>         write to a file instead of standard output
  -h, --help           show this help

${CONNECTION}
`,
  import: `Usage: kpi import ssda903 <folder> [options]
       kpi import cin <file.xml> [options]

Maps a statutory return onto the data contract and posts it: SSDA903 CSV tables (header.csv,
episodes.csv, missing.csv, oc3.csv; dates DD/MM/YYYY) onto children, cla_episodes, missing_episodes and
care_leavers; a CIN census XML message onto children, referrals, assessments, s47_enquiries, cp_plans and
cin_plans. Prints what was mapped and what was dropped and why, per table and row.

Each dated dataset is posted as a statutory return for its collection year (1 April – 31 March, from
--year for SSDA903, from the message's reference date for CIN) with mode=replace within that year:
re-importing a corrected return replaces that year's records and leaves other years alone. Children
are added or updated, never deleted.

Options:
  --dry-run            map and report only; post nothing
  --year <yyyy>        ssda903: the year of the return's 31 March (2020 for 2019-20); needed for oc3.csv
                       and for the collection year (without it the records' coverage is inferred)
  --id-key <key>       secret for generated record ids (or KPI_ID_KEY, or "idKey" in the config file);
                       keep it the same for every import, or records will be duplicated
  --batch-size <n>     rows per request (default 5000)
  -h, --help           show this help

${CONNECTION}
`,
} as const;
