import type { ImportReport, ImportRowIssue } from "@kpi/contract";
import { formatDisplayDate } from "@kpi/core";

/** Options of {@link importReportText}. */
export interface ImportReportTextOptions {
  /** The most warnings and the most drops shown per table (default 20; the counts per rule are always shown). */
  readonly perTable?: number;
}

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

function where(i: ImportRowIssue): string {
  return `${i.file}${i.line === undefined ? "" : `:${i.line}`}${i.element === undefined ? "" : ` ${i.element}`}`;
}

/**
 * An import report as text for people (what `kpi import` prints): the outcome first, every whole-file
 * problem, each file's format, encoding and table, then per table the counts (read, mapped, kept with a
 * warning, dropped), the counts per DfE rule, the columns not imported and why, and the first warnings
 * and drops as `file:line message`; then what each dataset received and what the import covers.
 *
 * @param report - the API's import report
 * @param options - how many row messages to show per table
 * @returns the text (lines end with `\n`)
 * @example
 * ```ts
 * importReportText({ kind: "ssda903", outcome: "failed", dry_run: false, strict: false, written: [],
 *   message: "Nothing was imported: a file has a problem (see problems).",
 *   problems: [{ file: "episodes.csv", message: "has a column PL …" }], files: [], tables: [], coverage: [] }).split("\n")[1];
 * // "problem: episodes.csv has a column PL …"
 * ```
 */
export function importReportText(report: ImportReport, options: ImportReportTextOptions = {}): string {
  const perTable = options.perTable ?? 20;
  const lines: string[] = [];
  const mode = report.dry_run ? " (dry run, nothing written)" : "";
  lines.push(`${report.kind} import${mode}: ${report.outcome}. ${report.message}`);
  for (const p of report.problems) lines.push(`problem: ${p.file} ${p.message}`);
  for (const f of report.files) {
    if (f.problem !== undefined) continue;
    const how = [
      f.format,
      f.encoding,
      f.delimiter === undefined ? undefined : `delimiter '${f.delimiter === "\t" ? "\\t" : f.delimiter}'`,
    ]
      .filter((x) => x !== undefined)
      .join(", ");
    lines.push(
      `file ${f.file}: ${how} → ${f.tables.join(", ")}${f.year === undefined ? "" : ` (${f.year})`}`,
    );
    for (const n of f.not_imported ?? []) lines.push(`  not imported: ${n.table} (${n.why})`);
  }
  for (const t of report.tables) {
    lines.push(
      `${t.dataset} ← ${t.file} ${t.table} (${t.year}): ${t.read} read, ${t.mapped} mapped, ${t.kept_with_warning} kept with a warning, ${t.dropped} dropped`,
    );
    for (const r of t.by_rule)
      lines.push(
        `  rule ${r.rule}: ${r.kept > 0 ? `${plural(r.kept, "row")} kept` : ""}${r.kept > 0 && r.dropped > 0 ? ", " : ""}${r.dropped > 0 ? `${plural(r.dropped, "row")} dropped` : ""}`,
      );
    for (const c of t.columns_not_imported) lines.push(`  not imported: ${c.column} (${c.why})`);
    for (const d of t.drops.slice(0, perTable)) lines.push(`  ${where(d)} dropped: ${d.message}`);
    if (t.dropped > perTable)
      lines.push(`  … ${plural(t.dropped - perTable, "more row")} dropped (--json lists up to 1,000)`);
    for (const w of t.warnings.slice(0, perTable)) lines.push(`  ${where(w)} ${w.message}`);
    const warnings =
      t.by_rule.reduce((n, r) => n + r.kept, 0) + t.warnings.filter((w) => w.rule === undefined).length;
    if (t.warnings.length > perTable || warnings > t.warnings.length)
      lines.push(
        `  … more warnings (${plural(Math.max(warnings, t.warnings.length) - Math.min(perTable, t.warnings.length), "more")}; --json lists up to 1,000)`,
      );
  }
  for (const w of report.written)
    lines.push(
      `written ${w.dataset}: ${w.received} received, ${w.inserted} inserted, ${w.updated} updated, ${w.unchanged} unchanged, ${w.deleted} deleted`,
    );
  const spans = new Map<string, string[]>();
  for (const c of report.coverage) {
    const span =
      c.from === c.to
        ? formatDisplayDate(c.from)
        : // An extract's span (Annex A) is its own label; a return's is its collection year.
          c.year === `${c.from} to ${c.to}`
          ? `${formatDisplayDate(c.from)} to ${formatDisplayDate(c.to)}`
          : `${c.year} (${formatDisplayDate(c.from)} to ${formatDisplayDate(c.to)})`;
    spans.set(span, [...(spans.get(span) ?? []), c.dataset]);
  }
  for (const [span, list] of spans) lines.push(`covers ${span}: ${[...new Set(list)].join(", ")}`);
  return lines.map((l) => `${l}\n`).join("");
}
