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
  import ssda903 <folder|file…> import an SSDA903 return (every table, CSV or XML) through the API
  import cin-census <file.xml…> import the CIN census (every module) through the API
  import workforce-census <file.xml…>
                                import the social work workforce census through the API
  import published <file…>      post DfE's published statistics (LAIT, explore-education-statistics)
                                as the authority's benchmarks
  import annex-a <workbook.xlsx>
                                import Ofsted's Annex A workbook (lists 1–11) through the API

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
  --format <json|csv>  csv: the published table, one row per indicator and window, counts of
                       children from 1 to 5 shown as c (the portal's CSV download), then the
                       sources; json (default): the same table as JSON (columns, rows, notes,
                       sources)
  --internal           every figure shown, small counts too (not for publication); with json,
                       the whole report as the API answers it
  --out <file>         write to a file instead of standard output
  -h, --help           show this help

${CONNECTION}
`,
  import: `Usage: kpi import ssda903 <folder|file…> [options]
       kpi import cin-census <file.xml…> [options]
       kpi import workforce-census <file.xml…> [options]
       kpi import published <file|folder…> [--organisation ID | --la CODE] [--dry-run] [--json]
       kpi import annex-a <workbook.xlsx> [--covers from..to] [options]

Uploads a statutory return's files (every .csv/.xml under a folder, sub-folders included) to the API,
which maps them onto the datasets and answers a report: per table or element, rows read, mapped, kept
with a warning and dropped, each with its file, line (or element), the return's own columns or element
names and values, and the DfE rule. Exit status: 0 clean, 3 rows dropped (the rest written), 1 nothing
written (a whole-file problem, --strict with drops, an API error).
ssda903: the 903 tables (found by name or columns) or its XML message; a folder with a sub-folder or
name prefix per year imports several years at once.
cin-census: CIN census messages, every module (children, episodes of need, assessments and factors,
CIN plans, section 47 enquiries, CP plans and reviews, pre-proceedings); the year is the message's
ReferenceDate (cin is a shorter name for it).
workforce-census: children's social work workforce census messages; each worker is dated on the
census date, 30 September.
annex-a: Ofsted's Annex A workbook; each list is found by its sheet name or headings, in the
authority's own wording. Its span is the one its title says, else --covers first..last; each dataset's
rows replace only what was stored within that span (care leavers: their status on its last day).

Each dated dataset is recorded as a statutory return covering its collection year (1 April – 31 March;
the workforce census its census date) and replaces what was stored within that year: re-importing a
corrected return replaces that year's records and leaves other years alone. Children are added or
updated, never deleted.

published: DfE's published statistics as downloaded: explore-education-statistics CSVs (children looked
after, children in need, child protection, placement stability, care leavers, the workforce, ONS
populations), LAIT's bds_long_0.parquet and data dictionary, and a statistical-neighbour list (the 2021
groupings, the 2025 model CSV or LAIT's sn_may_2025.xlsx; the last given is used). Posts, for the
authority the organisation is (its la_code, --organisation) or --la names, each mapped indicator's
benchmarks: England (with the authority's rank and quartile band among all authorities), its region,
its neighbours' mean and median and each neighbour's figure, with the publication and year; DfE's
symbols (c, x, z, k, u, low, ..) are kept and never read as 0. Also its populations (0-17). Figures of a
different definition from the indicator's are listed and not posted. Benchmarks are upserted.

Options:
  --dry-run            map and report only; write nothing
  --organisation <id>  published: the organisation whose local-authority code says which authority
  --la <code>          published: the authority, 885 or E10000034 (instead of the organisation's)
  --year <year>        the collection year, 2018 or 2017-18 (the year of its 31 March; for the workforce
                       census the year of its 30 September); else the files must state it
  --strict             write nothing if any row would be dropped
  --covers <from..to>  annex-a: the days the workbook's lists cover, e.g. 2020-09-01..2021-02-28
  --json               print the API's report as JSON
  -h, --help           show this help

${CONNECTION}
`,
} as const;
