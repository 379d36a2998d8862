import { sourceRow } from "@kpi/catalogue";
import type { CoverageSource } from "@kpi/contract";
import { DataTable, type DataTableColumn } from "./data-table";

type Row = ReturnType<typeof sourceRow> & { sentBy?: string };

const COLUMNS: DataTableColumn<Row>[] = [
  { key: "dataset", header: "Dataset", cell: (r) => r.dataset },
  { key: "source", header: "Source", cell: (r) => r.name },
  { key: "kind", header: "Kind", cell: (r) => r.kind },
  { key: "covers", header: "Covers", cell: (r) => r.covers },
  { key: "received", header: "Received", cell: (r) => r.received },
];

/**
 * A table of sources (dataset, name, kind, the days covered, when received, and who sent it when
 * known), in the words of {@link sourceRow}: the data page's sources and an indicator's "Source data".
 *
 * @param props - the sources (with `actor` when the listing has it), the caption, and whether to hide it
 * @returns the table
 * @example
 * ```tsx
 * <SourcesTable sources={series.sources} caption="Sources of the figure" />
 * ```
 */
export function SourcesTable({
  sources,
  caption,
  hideCaption = false,
}: {
  sources: readonly (CoverageSource & { actor?: string })[];
  caption: string;
  hideCaption?: boolean;
}) {
  const rows: Row[] = sources.map((s) => ({
    ...sourceRow(s),
    ...(s.actor === undefined ? {} : { sentBy: s.actor }),
  }));
  const sent = rows.some((r) => r.sentBy !== undefined);
  return (
    <DataTable
      caption={caption}
      hideCaption={hideCaption}
      columns={
        sent ? [...COLUMNS, { key: "sent-by", header: "Sent by", cell: (r) => r.sentBy ?? "–" }] : COLUMNS
      }
      rows={rows}
      rowKey={(r) => r.id}
      rowHeader="source"
    />
  );
}
