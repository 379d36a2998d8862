/**
 * Contacts decided on the day they came in, at one level of need (4 leads to a social work
 * assessment), one per date, with ids `${prefix}0`, `${prefix}1`… and a different child each.
 *
 * @param prefix - start of every contact and child id, so batches do not collide
 * @param dates - one contact per date (repeat a date for several)
 * @param level - the level of need
 * @returns contacts records ready to post
 */
export function decidedContacts(prefix: string, dates: readonly string[], level: number) {
  return dates.map((date, i) => ({
    contact_id: `${prefix}${i}`,
    child_id: `${prefix}C${i}`,
    contact_date: date,
    source: "8",
    decision_date: date,
    level_of_need: level,
  }));
}
