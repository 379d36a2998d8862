/**
 * Ethnicity codes of the 903 return and the CIN census (the DfE's extended categories), for checking
 * a child's `ETHNIC` / `<Ethnicity>` before it is posted.
 *
 * @example
 * ```ts
 * ethnicityCodes.has("WBRI"); // true
 * ```
 */
export const ethnicityCodes: ReadonlySet<string> = new Set([
  "WBRI",
  "WIRI",
  "WIRT",
  "WOTH",
  "WROM",
  "MWBC",
  "MWBA",
  "MWAS",
  "MOTH",
  "AIND",
  "APKN",
  "ABAN",
  "AOTH",
  "BCRB",
  "BAFR",
  "BOTH",
  "CHNE",
  "OOTH",
  "REFU",
  "NOBT",
]);
