"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { endSession, setUserDisabled } from "../../lib/api";

/**
 * Disables a staff user (every session of theirs ends at once) or enables them again, then refreshes
 * the users page (admins).
 *
 * @param form - `id` of the user and `disabled` (`true` or `false`)
 * @example
 * ```tsx
 * <form action={setUserDisabledAction}><input type="hidden" name="id" value={u.id} />…</form>
 * ```
 */
export async function setUserDisabledAction(form: FormData): Promise<void> {
  const id = z.uuid().safeParse(form.get("id"));
  const disabled = z.enum(["true", "false"]).safeParse(form.get("disabled"));
  if (!id.success || !disabled.success) return;
  await setUserDisabled(id.data, disabled.data === "true");
  revalidatePath("/users");
}

/**
 * Ends someone's portal session, then refreshes the users page (admins).
 *
 * @param form - `id` of the session
 * @example
 * ```tsx
 * <form action={endSessionAction}><input type="hidden" name="id" value={s.id} /></form>
 * ```
 */
export async function endSessionAction(form: FormData): Promise<void> {
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return;
  await endSession(id.data);
  revalidatePath("/users");
}
