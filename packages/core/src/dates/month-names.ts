/**
 * The months' short English names, January first, as staff read them in dates (`30 Sep 2019`) and
 * period labels (`Aug 2019`, `12 months to Sep 2019`): the one table of month names in the product.
 * Index it with the month number minus one.
 *
 * @example
 * ```ts
 * MONTH_ABBREVIATIONS[8]; // "Sep"
 * ```
 */
export const MONTH_ABBREVIATIONS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;
