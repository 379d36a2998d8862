import { createBatchValidator } from "./batch-validator.js";
import type { FieldType } from "./fields.js";
import { datasets } from "./registry.js";
import type { RecordFormat } from "./row-issue.js";
import type { DatasetName } from "./schemas.js";
import { validRows } from "./valid-rows.fixture.js";

/**
 * Test fixture: a deterministic corpus of rows for every dataset, most of them invalid, and what the
 * batch validator says about each, as text. `message-corpus.fixture.txt` holds that text as recorded
 * from the validator when the corpus was made (scripts/record-message-corpus.ts); the corpus test
 * checks that the validator still writes exactly those bytes: every message, field and row number,
 * the normalised record of a valid row, and the key values (through the duplicate-key message of the
 * same row pushed twice).
 */
export interface CorpusCase {
  readonly dataset: DatasetName;
  readonly format: RecordFormat;
  /** What was done to the dataset's valid fixture row. */
  readonly label: string;
  readonly row: unknown;
}

type Values = readonly [string, unknown][];

/** Wrong kinds of JSON value, put into every field. */
const jsonWrongKinds: Values = [
  ["null", null],
  ["''", ""],
  ["true", true],
  ["0", 0],
  ["[]", []],
  ["{}", {}],
];

/** JSON values near the edges of each type of field. */
const jsonEdges: { readonly [T in FieldType | "period" | "age_band"]: Values } = {
  string: [
    ["' '", " "],
    ["'a'×65", "a".repeat(65)],
    ["'a'×63+astral", `${"a".repeat(63)}😀`],
    ["astral×33", "😀".repeat(33)],
    ["lone surrogate", "\uD800"],
    ["'b'×201", "b".repeat(201)],
    ["'line\\nbreak'", "line\nbreak"],
  ],
  period: [
    ["'FY2019-21'", "FY2019-21"],
    ["'FY2019-20-Q2'", "FY2019-20-Q2"],
    ["'2019-13'", "2019-13"],
  ],
  age_band: [
    ["'18+'", "18+"],
    ["'1000-2'", "1000-2"],
    ["'0 -17'", "0 -17"],
  ],
  date: [
    ["'2019-02-29'", "2019-02-29"],
    ["'30/09/2019'", "30/09/2019"],
    ["'2019-9-1'", "2019-9-1"],
    ["'1990-01-01'", "1990-01-01"],
    ["'2030-12-31'", "2030-12-31"],
  ],
  code: [
    ["'x'", "x"],
    ["'toString'", "toString"],
    ["4", 4],
    ["'4'", "4"],
  ],
  integer: [
    ["-1", -1],
    ["1.5", 1.5],
    ["-0", -0],
    ["5", 5],
    ["1899", 1899],
    ["2201", 2201],
    ["2^53", 2 ** 53],
    ["NaN", Number.NaN],
    ["Infinity", Number.POSITIVE_INFINITY],
    ["'4'", "4"],
  ],
  number: [
    ["-1", -1],
    ["1.6", 1.6],
    ["-0", -0],
    ["NaN", Number.NaN],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["'0.8'", "0.8"],
  ],
  boolean: [
    ["'Y'", "Y"],
    ["1", 1],
    ["'true'", "true"],
  ],
};

/** CSV cells put into every field (a number and a null too: callers may pass any value). */
const csvWrongKinds: Values = [
  ["''", ""],
  ["' '", " "],
  ["'x'", "x"],
  ["number 4", 4],
  ["null", null],
];

/** CSV cells near the edges of each type of field. */
const csvEdges: { readonly [T in FieldType | "period" | "age_band"]: Values } = {
  string: [
    ["'c'×70", "c".repeat(70)],
    ["'a'×63+astral", `${"a".repeat(63)}😀`],
    ["' padded '", " padded "],
  ],
  period: [
    ["'FY2019-21'", "FY2019-21"],
    ["' FY2019-20 '", " FY2019-20 "],
  ],
  age_band: [
    ["' 0-17 '", " 0-17 "],
    ["'0-'", "0-"],
  ],
  date: [
    ["'31/02/2019'", "31/02/2019"],
    ["'1/9/2019'", "1/9/2019"],
    ["'2019-02-29'", "2019-02-29"],
    ["'01/01/1990'", "01/01/1990"],
    ["'31/12/2030'", "31/12/2030"],
  ],
  code: [
    ["'toString'", "toString"],
    ["' 2A '", " 2A "],
  ],
  integer: [
    ["'18.5'", "18.5"],
    ["'+5'", "+5"],
    ["'-1'", "-1"],
    ["'1,000'", "1,000"],
    ["'1899'", "1899"],
    ["'9007199254740993'", "9007199254740993"],
  ],
  number: [
    ["'1,0'", "1,0"],
    ["'1e3'", "1e3"],
    ["'.5'", ".5"],
    ["'-1'", "-1"],
    ["'1.6'", "1.6"],
  ],
  boolean: [
    ["'Y'", "Y"],
    ["'maybe'", "maybe"],
    ["'YES'", "YES"],
  ],
};

function valuesFor(format: RecordFormat, field: { name: string; type: FieldType }): Values {
  const edges = format === "json" ? jsonEdges : csvEdges;
  const kind = field.name === "period" || field.name === "age_band" ? field.name : field.type;
  return [...(format === "json" ? jsonWrongKinds : csvWrongKinds), ...edges[kind]];
}

/** Unknown fields added to a valid row: close to a field name, far from all, or a prototype name. */
const extraKeys = [
  "childid",
  "start_dat",
  "notes",
  "x".repeat(60),
  "constructor",
  "toString",
  "hasOwnProperty",
];

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** Rows of one dataset in one format, in a fixed order. */
function casesOf(dataset: DatasetName, format: RecordFormat, combinations: number): CorpusCase[] {
  const base = format === "json" ? validRows[dataset].json : validRows[dataset].csv;
  const specs = datasets[dataset].fields;
  const fields = specs.map((f) => f.name);
  const out: CorpusCase[] = [];
  const add = (label: string, row: unknown) => out.push({ dataset, format, label, row });

  add("valid", { ...base });
  for (const spec of specs) {
    const { [spec.name]: _, ...without } = base;
    add(`${spec.name} absent`, without);
    for (const [label, value] of valuesFor(format, spec))
      add(`${spec.name}=${label}`, { ...base, [spec.name]: value });
  }
  for (const key of extraKeys) add(`+${key.slice(0, 12)}`, { ...base, [key]: "1" });
  add("+__proto__ (JSON)", JSON.parse(`{"__proto__":{"a":1},${JSON.stringify(base).slice(1)}`));
  add("+constructor and a bad field", { ...base, constructor: 1, [fields[0] ?? "x"]: "" });
  add("inherited enumerable key", Object.assign(Object.create({ colour: "red" }), base));
  add("inherited field values", Object.create(base));
  add("null prototype", Object.assign(Object.create(null), base));
  add("class instance", Object.assign(new (class Row {})(), base));
  for (const row of [null, undefined, 1, "x", true, [], [base]]) add(`row=${String(row)}`, row);

  // Combinations: each field kept, broken or left out, sometimes an unknown field added.
  const random = mulberry32(fields.length * 7919 + dataset.length + (format === "csv" ? 1 : 0));
  for (let i = 0; i < combinations; i++) {
    const row: Record<string, unknown> = {};
    const parts: string[] = [];
    for (const spec of specs) {
      const field = spec.name;
      const r = random();
      if (r < 0.55) row[field] = base[field];
      else if (r < 0.9) {
        const [label, value] = pick(random, valuesFor(format, spec));
        row[field] = value;
        parts.push(`${field}=${label}`);
      } else parts.push(`-${field}`);
    }
    if (random() < 0.25) {
      const key = pick(random, extraKeys);
      row[key] = "1";
      parts.push(`+${key.slice(0, 12)}`);
    }
    add(`mix ${parts.join(" ")}`, row);
  }
  return out;
}

/**
 * Every case of the corpus: for each dataset the valid row, each field left out and given each odd
 * value, unknown fields, rows that are not plain objects or not objects at all, and seeded random
 * combinations; in JSON form and in CSV form.
 *
 * @param only - the datasets to make cases for (default: every dataset)
 * @returns the cases, in a fixed order
 */
export function messageCorpusCases(only: readonly DatasetName[]): CorpusCase[] {
  return only.flatMap((dataset) => [...casesOf(dataset, "json", 40), ...casesOf(dataset, "csv", 40)]);
}

const replacer = (_: string, v: unknown) =>
  typeof v === "number" && (Object.is(v, -0) || !Number.isFinite(v)) ? `<number ${String(v)}>` : v;

/**
 * What the batch validator says about one case, as text: a header line (format and label), `ok` and
 * the record when the row is valid, then one JSON line per issue of the row (`[field, message]`). An
 * invalid row is pushed a second time and `again` gives the issue that adds (its duplicate key, when
 * the key is readable); for a valid row the key is the record's.
 *
 * @param c - the case
 * @returns the lines
 */
export function describeCase(c: CorpusCase): string {
  const validator = createBatchValidator(c.dataset, { format: c.format });
  const record = validator.push(c.row);
  const lines = [`## ${c.format} ${c.label}`];
  if (record !== null) {
    lines.push(`ok ${JSON.stringify(record, replacer)}`);
    return lines.join("\n");
  }
  validator.push(c.row);
  const { issues } = validator.finish();
  const first = issues.filter((i) => i.row === 0).map((i) => JSON.stringify([i.field, i.message]));
  const again = issues.filter((i) => i.row === 1).map((i) => JSON.stringify([i.field, i.message]));
  lines.push(...first);
  // The second row repeats the first row's issues (same order) and may add the duplicate key.
  if (again.slice(0, first.length).join("\n") !== first.join("\n")) lines.push("again differs:", ...again);
  else lines.push(...again.slice(first.length).map((l) => `again ${l}`));
  return lines.join("\n");
}

/** The datasets whose corpus text starts a `# dataset` section in a recorded corpus. */
export function corpusSections(text: string): Map<DatasetName, string> {
  const sections = new Map<DatasetName, string>();
  for (const part of text.split(/^# /m).slice(1)) {
    const newline = part.indexOf("\n");
    sections.set(part.slice(0, newline) as DatasetName, part.slice(newline + 1));
  }
  return sections;
}

/**
 * The corpus text of the given datasets: a `# dataset` line, then each case's description.
 *
 * @param only - the datasets
 * @returns the text, ending with a newline
 */
export function corpusText(only: readonly DatasetName[]): string {
  return only
    .map(
      (dataset) =>
        `# ${dataset}\n${messageCorpusCases([dataset])
          .map((c) => `${describeCase(c)}\n`)
          .join("")}`,
    )
    .join("");
}
