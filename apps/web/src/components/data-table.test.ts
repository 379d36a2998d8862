import fc from "fast-check";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataTableColumn, type DataTableProps } from "./data-table";

interface Batch {
  id: string;
  received: string;
  dataset: string;
  records: number;
}

const batches: Batch[] = [
  { id: "b1", received: "1 Oct 2019", dataset: "contacts", records: 1204 },
  { id: "b2", received: "2 Oct 2019", dataset: "referrals", records: 87 },
];

const columns: DataTableColumn<Batch>[] = [
  { key: "received", header: "Received", cell: (b) => b.received },
  { key: "dataset", header: "Dataset", cell: (b) => b.dataset },
  { key: "records", header: "Records", numeric: true, cell: (b) => b.records.toLocaleString("en-GB") },
];

function render<Row>(props: DataTableProps<Row>): string {
  return renderToStaticMarkup(createElement(DataTable<Row>, props));
}

describe("DataTable", () => {
  it("draws a captioned table with column headers, the first column as row headers and numbers right-aligned", () => {
    expect(render({ caption: "Ingested batches", columns, rows: batches, rowKey: (b) => b.id })).toBe(
      '<div class="table-wrap"><table><caption>Ingested batches</caption>' +
        '<thead><tr><th scope="col">Received</th><th scope="col">Dataset</th><th scope="col" class="num">Records</th></tr></thead>' +
        "<tbody>" +
        '<tr><th scope="row">1 Oct 2019</th><td>contacts</td><td class="num">1,204</td></tr>' +
        '<tr><th scope="row">2 Oct 2019</th><td>referrals</td><td class="num">87</td></tr>' +
        "</tbody></table></div>",
    );
  });

  it("makes the named column the row headers, or none", () => {
    const byDataset = render({
      caption: "Batches",
      columns,
      rows: batches.slice(0, 1),
      rowKey: (b) => b.id,
      rowHeader: "dataset",
    });
    expect(byDataset).toContain(
      '<tr><td>1 Oct 2019</td><th scope="row">contacts</th><td class="num">1,204</td></tr>',
    );
    const none = render({ caption: "Batches", columns, rows: batches, rowKey: (b) => b.id, rowHeader: null });
    expect(none).not.toContain('scope="row"');
  });

  it("can hide the caption visually and give it an id, keeping it for screen readers", () => {
    const html = render({
      caption: "Figures charted above",
      captionId: "series-table-caption",
      hideCaption: true,
      columns,
      rows: [],
      rowKey: (b) => b.id,
    });
    expect(html).toContain(
      '<caption id="series-table-caption" class="visually-hidden">Figures charted above</caption>',
    );
    expect(html).toContain("<tbody></tbody>");
  });

  it("escapes cell text", () => {
    const html = render({
      caption: "Findings",
      columns: [{ key: "m", header: "Message", cell: (r: { m: string }) => r.m }],
      rows: [{ m: '<script>alert("x")</script> & more' }],
      rowKey: (r) => r.m,
    });
    expect(html).toContain(
      '<th scope="row">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more</th>',
    );
  });

  it("has one row header and a cell per other column in every row, whatever the grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 8 }), (width, height) => {
        const cols: DataTableColumn<number>[] = Array.from({ length: width }, (_, c) => ({
          key: `c${c}`,
          header: `Column ${c}`,
          numeric: c % 2 === 1,
          cell: (row) => `${row}:${c}`,
        }));
        const rows = Array.from({ length: height }, (_, r) => r);
        const html = render({ caption: "Grid", columns: cols, rows, rowKey: (r) => String(r) });
        const count = (pattern: RegExp) => html.match(pattern)?.length ?? 0;
        expect(count(/<th scope="col"/g)).toBe(width);
        expect(count(/<th scope="row"/g)).toBe(height);
        expect(count(/<td/g)).toBe(height * (width - 1));
        expect(count(/class="num"/g)).toBe(Math.floor(width / 2) * (height + 1));
      }),
    );
  });
});
