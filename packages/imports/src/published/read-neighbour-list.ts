/** An authority's ten statistical neighbours, closest first, by old three-digit code. */
export interface NeighbourList {
  /** The file the list came from, to say which list was used. */
  readonly file: string;
  /** Authority → its neighbours (old codes), closest first. */
  readonly neighbours: ReadonlyMap<string, readonly string[]>;
}

/** The outcome of {@link readNeighbourList}. */
export type NeighbourRead =
  | ({ readonly ok: true } & NeighbourList)
  | { readonly ok: false; readonly problem: string };

// The two layouts DfE publishes: the 2021 groupings (and LAIT's sn_may_2025.xlsx) name the authority
// `LA num` and its neighbours `SN1`…`SN10`; the 2025 model CSV names them `old_la_code`, `SN_1`…`SN_10`.
const LAYOUTS = [
  { code: "la num", neighbour: (i: number) => `sn${i}` },
  { code: "old_la_code", neighbour: (i: number) => `sn_${i}` },
] as const;

/**
 * Read a statistical-neighbour list — DfE's 2021 groupings CSV, the 2025 model CSV, or LAIT's
 * `sn_may_2025.xlsx` sheet — from its cells: the header row is the first with the authority's code
 * column (`LA num` or `old_la_code`) and `SN1`…`SN10` (or `SN_1`…`SN_10`); every later row with a
 * three-digit code is an authority and its neighbours. A table without such a header is a whole-file
 * problem that names the columns expected.
 *
 * @param file - the file's name, for messages
 * @param cells - the table's rows of cell text (the header row need not be the first)
 * @returns the lists, or the problem
 * @example
 * ```ts
 * const header = ["LA num", "LA Name", ...Array.from({ length: 10 }, (_, i) => `SN${i + 1}`)];
 * const row = ["885", "Worcestershire", "860", "861", "862", "863", "864", "865", "866", "867", "868", "869"];
 * const read = readNeighbourList("sn.csv", [header, row]);
 * read.ok && read.neighbours.get("885")?.[0]; // "860"
 * ```
 */
export function readNeighbourList(file: string, cells: readonly (readonly string[])[]): NeighbourRead {
  for (let h = 0; h < Math.min(cells.length, 20); h++) {
    const header = (cells[h] ?? []).map((c) =>
      c
        .replace(/^\ufeff/, "")
        .trim()
        .toLowerCase(),
    );
    for (const layout of LAYOUTS) {
      const codeAt = header.indexOf(layout.code);
      const at = Array.from({ length: 10 }, (_, i) => header.indexOf(layout.neighbour(i + 1)));
      if (codeAt < 0 || at.some((i) => i < 0)) continue;
      const neighbours = new Map<string, string[]>();
      for (const row of cells.slice(h + 1)) {
        const code = (row[codeAt] ?? "").trim();
        if (!/^\d{3}$/.test(code)) continue;
        const list = at.map((i) => (row[i] ?? "").trim()).filter((c) => /^\d{3}$/.test(c));
        neighbours.set(code, list);
      }
      if (neighbours.size === 0)
        return { ok: false, problem: `${file}: a statistical-neighbour list with no authority rows` };
      return { ok: true, file, neighbours };
    }
  }
  return {
    ok: false,
    problem: `${file}: not a statistical-neighbour list: no header row with 'LA num' and SN1…SN10 (DfE's 2021 groupings, LAIT's sn_may_2025.xlsx) or 'old_la_code' and SN_1…SN_10 (the 2025 model)`,
  };
}
