import { z } from "zod";

/** What the API answers about text it cannot keep (named beside the field in a `422`). */
export const unstorableTextMessage = "must not contain a NUL character or an unpaired surrogate";

/**
 * Whether a string can be stored as PostgreSQL text and read back unchanged: no NUL character (which
 * PostgreSQL refuses) and no unpaired UTF-16 surrogate (which UTF-8 cannot encode, so the driver would
 * silently store U+FFFD instead).
 *
 * @param value - the text
 * @returns `false` for text that would be refused or changed by the store
 * @example
 * ```ts
 * isStorableText("Contacts rose."); // true
 * isStorableText("a\u0000b"); // false
 * isStorableText("\ud83d"); // false
 * isStorableText("\ud83d\ude00"); // true
 * ```
 */
export function isStorableText(value: string): boolean {
  // The cheap test rules out nearly every string; only text with surrogates pays for the exact one.
  if (!/[\0\uD800-\uDFFF]/.test(value)) return true;
  return !value.includes("\u0000") && !/\p{Cs}/u.test(value);
}

/**
 * A string the API may store, compare or send to its database: every text field of every request
 * schema (bodies, paths, query strings) is built from it, so a NUL or a lone surrogate anywhere is
 * answered `422 validation_failed` naming the field, never a `500` or a silently changed value.
 * Chain the field's own rules after it.
 *
 * @returns a zod string schema that refuses unstorable text
 * @example
 * ```ts
 * storedText().max(5).safeParse("fine").success; // true
 * storedText().safeParse("a\u0000b").error?.issues[0]?.message; // "must not contain a NUL character or an unpaired surrogate"
 * ```
 */
export function storedText() {
  return z.string().refine(isStorableText, unstorableTextMessage);
}
