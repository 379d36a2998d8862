/**
 * The themes the drafted analysis groups indicators by (an indicator's `theme` names one): the words
 * used in sentences, and whether the name takes a plural verb. Members of a theme in one section are
 * told in one sentence ("Timeliness fell: …"), and the theme's usual seasonal dip is stated once.
 *
 * @example
 * ```ts
 * indicatorThemes.timeliness.name; // "timeliness"
 * indicatorThemes.missing.plural; // true
 * ```
 */
export const indicatorThemes = {
  timeliness: { name: "timeliness", plural: false },
  missing: { name: "missing episodes", plural: true },
} as const satisfies Readonly<Record<string, { name: string; plural: boolean }>>;
