"use client";

import { useActionState } from "react";
import { setAuthorityAction } from "../app/actions/organisation";
import { initialFormState } from "../lib/forms/form-state";
import { ErrorSummary, FieldError } from "./error-summary";

/**
 * The form an administrator sets the organisation's local authority with: one code, three-digit or
 * nine-character.
 *
 * @param props - `current`: the code set now, if any (the field starts with it)
 * @returns the form
 * @example
 * ```tsx
 * <AuthorityForm current="885" />
 * ```
 */
export function AuthorityForm({ current }: { current: string | null }) {
  const [state, action, pending] = useActionState(setAuthorityAction, initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary fieldErrors={e} labels={{ la_code: "Local-authority code" }} />
      <p
        role="status"
        className={state.status === "error" ? "field-error" : state.status === "ok" ? "notice" : undefined}
      >
        {state.status === "ok" || Object.keys(e).length === 0 ? (state.message ?? "") : ""}
      </p>
      <div className="field">
        <label htmlFor="field-la_code">Local-authority code</label>
        <p className="hint" id="hint-la_code">
          The old three-digit code (such as 885) or the nine-character code (such as E10000034), as in
          DfE&rsquo;s published statistics
        </p>
        <FieldError name="la_code" messages={e.la_code} />
        <input
          id="field-la_code"
          name="la_code"
          type="text"
          autoComplete="off"
          spellCheck={false}
          size={12}
          defaultValue={state.status === "error" ? (state.values.la_code ?? "") : (current ?? "")}
          aria-invalid={e.la_code ? true : undefined}
          aria-describedby={e.la_code ? "hint-la_code error-la_code" : "hint-la_code"}
        />
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save the local authority"}
      </button>
    </form>
  );
}
