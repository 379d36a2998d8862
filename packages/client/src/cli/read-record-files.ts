import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { IngestFormat } from "../client/ingest.js";
import { parseRecordFile, type SourcedRecord } from "../input/record-file.js";

/** Outcome of {@link readRecordFiles}. */
export type ReadRecordFilesResult =
  | { ok: true; format: IngestFormat; records: SourcedRecord[] }
  | { ok: false; error: string };

/**
 * Read the records of several files for one ingest, in order. CSV files are sent as CSV (the API
 * converts their text cells); JSON and NDJSON files as JSON. One ingest cannot mix the two, since the
 * API reads a batch in one format.
 *
 * @param files - the paths as the user typed them (shown in messages)
 * @param cwd - the directory relative paths start from
 * @returns the records with their file and line, or what is wrong
 * @example
 * ```ts
 * const read = await readRecordFiles(["children.csv"], process.cwd());
 * ```
 */
export async function readRecordFiles(files: readonly string[], cwd: string): Promise<ReadRecordFilesResult> {
  const records: SourcedRecord[] = [];
  let format: IngestFormat | null = null;
  for (const file of files) {
    let text: string;
    try {
      text = await readFile(resolve(cwd, file), "utf8");
    } catch (e) {
      return { ok: false, error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}` };
    }
    const parsed = parseRecordFile(file, text);
    if (!parsed.ok) return parsed;
    const fileFormat: IngestFormat = parsed.format === "csv" ? "csv" : "json";
    if (format !== null && format !== fileFormat)
      return {
        ok: false,
        error: `${file}: one ingest cannot mix CSV with JSON/NDJSON files; ingest them separately`,
      };
    format = fileFormat;
    for (const r of parsed.records) records.push(r);
  }
  return { ok: true, format: format ?? "json", records };
}
