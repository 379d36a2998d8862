"use server";

import { revalidatePath } from "next/cache";
import { setOrganisationAuthority } from "../../lib/api";
import { authorityFormSchema } from "../../lib/forms/authority-form";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";
import { requireSession } from "../../lib/session";

function refused(status: number, message: string): string {
  if (status === 403) return "Only administrators can set the local authority.";
  if (status === 404) return "Sign in again to change your organisation.";
  return message;
}

/**
 * Sets the local authority the signed-in person's organisation is (admins): validates the code with
 * the API's schema, asks the API, and refreshes the organisation page.
 *
 * @param _previous - the form's previous state
 * @param form - `la_code`
 * @returns the form state: the authority's name on success, the field's error otherwise
 * @example
 * ```tsx
 * const [state, action] = useActionState(setAuthorityAction, initialFormState);
 * ```
 */
export async function setAuthorityAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["la_code"]);
  const parsed = authorityFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, input);
  const { organisation } = await requireSession();
  if (organisation === undefined)
    return { status: "error", message: refused(404, ""), fieldErrors: {}, values: input };
  const outcome = await setOrganisationAuthority(organisation, parsed.data.la_code);
  if (!outcome.ok) {
    return {
      status: "error",
      message: refused(outcome.status, outcome.message),
      fieldErrors: outcome.fieldErrors,
      values: input,
    };
  }
  revalidatePath("/organisation");
  const name = outcome.data.authority?.la_name ?? parsed.data.la_code;
  return { status: "ok", message: `The organisation is now set as ${name}.`, fieldErrors: {}, values: {} };
}

/**
 * Clears the local authority the organisation is (admins), then refreshes the organisation page.
 *
 * @example
 * ```tsx
 * <form action={clearAuthorityAction}><button type="submit">Remove</button></form>
 * ```
 */
export async function clearAuthorityAction(): Promise<void> {
  const { organisation } = await requireSession();
  if (organisation === undefined) return;
  await setOrganisationAuthority(organisation, null);
  revalidatePath("/organisation");
}
