import { diffWords } from "diff";

/** A run of text in a comparison of two versions: kept, added or removed. */
export interface TextChange {
  /** `same`, `added` or `removed`. */
  kind: "same" | "added" | "removed";
  /** The words. */
  text: string;
}

/**
 * What changed from one version of a text to the next, word by word (jsdiff's `diffWords`), for the
 * analysis history: the runs in order, each kept, added or removed.
 *
 * @param before - the earlier version, or `null` for the first
 * @param after - the later version
 * @returns the runs; the whole text as `added` when there was no earlier version
 * @example
 * ```ts
 * textChanges("Visits fell.", "Visits rose."); // [{ kind: "same", text: "Visits " }, { kind: "removed", text: "fell" }, { kind: "added", text: "rose" }, { kind: "same", text: "." }]
 * ```
 */
export function textChanges(before: string | null, after: string): TextChange[] {
  if (before === null) return [{ kind: "added", text: after }];
  return diffWords(before, after).map((part) => ({
    kind: part.added ? "added" : part.removed ? "removed" : "same",
    text: part.value,
  }));
}
