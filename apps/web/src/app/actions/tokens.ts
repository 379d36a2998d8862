"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createToken, revokeToken } from "../../lib/api";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";
import { tokenFormSchema } from "../../lib/forms/token-form";

/**
 * Creates an API token (admins): validates the form, asks the API, and returns the secret once so
 * the page can show it.
 *
 * @param _previous - the form's previous state
 * @param form - `name`, `role`
 * @returns the form state; on success `values.token` holds the secret (shown once, never stored)
 * @example
 * ```tsx
 * const [state, action] = useActionState(createTokenAction, initialFormState);
 * ```
 */
export async function createTokenAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["name", "role"]);
  const parsed = tokenFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const outcome = await createToken(parsed.data.name, parsed.data.role);
  if (!outcome.ok) {
    const message = outcome.status === 403 ? "Only administrators can create tokens." : outcome.message;
    return { status: "error", message, fieldErrors: outcome.fieldErrors, values: input };
  }
  revalidatePath("/tokens");
  return {
    status: "ok",
    message: `Token “${outcome.data.name}” created. Copy it now: it will not be shown again.`,
    fieldErrors: {},
    values: { token: outcome.data.token },
  };
}

/**
 * Revokes an API token (admins) and refreshes the list.
 *
 * @param form - `id` of the token
 * @example
 * ```tsx
 * <form action={revokeTokenAction}><input type="hidden" name="id" value={t.id} /></form>
 * ```
 */
export async function revokeTokenAction(form: FormData): Promise<void> {
  const id = z.uuid().safeParse(form.get("id"));
  if (!id.success) return;
  await revokeToken(id.data);
  revalidatePath("/tokens");
}
