"use client";

import { useActionState } from "react";
import { signInAction } from "../app/actions/session";
import { initialFormState } from "../lib/forms/form-state";
import { ErrorSummary, FieldError } from "./error-summary";

/**
 * The sign-in form. Works without JavaScript (a plain POST to the server action); with it, errors
 * appear without a reload.
 *
 * @param props - `next`: the page to go to after signing in
 * @returns the form
 * @example
 * ```tsx
 * <SignInForm next="/reports/FY2019-20-Q2" />
 * ```
 */
export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState(signInAction, initialFormState);
  const errors = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary
        fieldErrors={errors}
        labels={{ username: "Username", password: "Password", organisation: "Organisation" }}
      />
      {state.status === "error" && Object.keys(errors).length === 0 ? (
        <div className="error-summary" role="alert">
          <p>{state.message}</p>
        </div>
      ) : null}
      <input type="hidden" name="next" value={state.values.next ?? next} />
      <div className="field">
        <label htmlFor="field-username">Username</label>
        <FieldError name="username" messages={errors.username} />
        <input
          id="field-username"
          name="username"
          type="text"
          autoComplete="username"
          spellCheck={false}
          defaultValue={state.values.username ?? ""}
          aria-invalid={errors.username ? true : undefined}
          aria-describedby={errors.username ? "error-username" : undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="field-password">Password</label>
        <FieldError name="password" messages={errors.password} />
        <input
          id="field-password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "error-password" : undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="field-organisation">Organisation (optional)</label>
        <p className="hint" id="hint-organisation">
          Only if your administrator gave you one, such as &ldquo;barnet&rdquo;
        </p>
        <FieldError name="organisation" messages={errors.organisation} />
        <input
          id="field-organisation"
          name="organisation"
          type="text"
          autoComplete="organization"
          spellCheck={false}
          defaultValue={state.values.organisation ?? ""}
          aria-invalid={errors.organisation ? true : undefined}
          aria-describedby={
            errors.organisation ? "hint-organisation error-organisation" : "hint-organisation"
          }
        />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
