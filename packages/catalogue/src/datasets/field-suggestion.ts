/**
 * The known field name closest to a misspelt one, for "did you mean …?" messages. Case is ignored. A
 * candidate is close when its edit distance (insertions, deletions, substitutions and swaps of two
 * neighbouring letters) is at most a third of the name's length (at least 1, at most 3), or when one
 * name begins with the other (at least 4 letters, e.g. `ethnic` for `ethnicity`). The closest wins;
 * `null` when nothing is close.
 *
 * @param name - the unknown field name
 * @param candidates - the dataset's field names
 * @returns the suggestion or `null`
 * @example
 * ```ts
 * suggestField("stat_date", ["start_date", "end_date"]); // "start_date"
 * suggestField("yaer", ["year", "count"]); // "year"
 * suggestField("colour", ["start_date", "end_date"]); // null
 * ```
 */
export function suggestField(name: string, candidates: readonly string[]): string | null {
  const lower = name.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(lower.length / 3)));
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const prefix = Math.min(c.length, lower.length) >= 4 && (c.startsWith(lower) || lower.startsWith(c));
    const d = editDistance(lower, c);
    if ((d <= limit || prefix) && d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

/** Optimal string alignment distance: Levenshtein plus swaps of two neighbouring characters. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const up = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((up[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (up[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}
