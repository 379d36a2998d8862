"use server";

import { redirect } from "next/navigation";
import { signIn, signOut } from "../../lib/api";
import { type FormState, formText, invalidForm } from "../../lib/forms/form-state";
import { signInFormSchema } from "../../lib/forms/sign-in-form";
import { safeReturnPath } from "../../lib/safe-return-path";
import { clearSessionCookie, readSession, writeSessionCookie } from "../../lib/session";

/** "Try again in 8 s" from the API's message, or a general request to wait. */
function retryText(message: string): string {
  const seconds = /try again in (\d+) s/.exec(message)?.[1];
  return seconds === undefined ? "Wait a minute and try again." : `Try again in ${seconds} seconds.`;
}

/**
 * Signs a person in: validates the form, asks the API for a session token, stores it in the
 * http-only session cookie and goes to the page they asked for. Wrong details give one message that
 * does not say which part was wrong.
 *
 * @param _previous - the form's previous state
 * @param form - the submitted form (`username`, `password`, `organisation`, `next`)
 * @returns the form state when sign-in fails (it redirects when it succeeds)
 * @example
 * ```tsx
 * const [state, action] = useActionState(signInAction, initialFormState);
 * ```
 */
export async function signInAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formText(form, ["username", "password", "organisation", "next"]);
  const values = { username: input.username, organisation: input.organisation, next: input.next };
  const parsed = signInFormSchema.safeParse(input);
  if (!parsed.success) return invalidForm(parsed.error, values);
  const outcome = await signIn(parsed.data.username, parsed.data.password, parsed.data.organisation);
  if (!outcome.ok) {
    const message =
      outcome.status === 401
        ? "The username or password is not right."
        : outcome.status === 429
          ? `Too many attempts. ${retryText(outcome.message)}`
          : outcome.message;
    return { status: "error", message, fieldErrors: {}, values };
  }
  const { token, expires_at, user, organisation } = outcome.data;
  await writeSessionCookie({
    token,
    username: user.username,
    displayName: user.display_name,
    role: user.role,
    organisation,
    expiresAt: expires_at,
  });
  redirect(safeReturnPath(input.next));
}

/**
 * Signs the person out: revokes the session token at the API (if it still works), removes the
 * cookie, and goes to the sign-in page.
 *
 * @example
 * ```tsx
 * <form action={signOutAction}><button>Sign out</button></form>
 * ```
 */
export async function signOutAction(): Promise<void> {
  const session = await readSession();
  if (session !== null) await signOut(session.token);
  await clearSessionCookie();
  redirect("/signin?reason=signed-out");
}
