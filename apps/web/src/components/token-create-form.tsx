"use client";

import { useActionState } from "react";
import { createTokenAction } from "../app/actions/tokens";
import { initialFormState } from "../lib/forms/form-state";
import { ErrorSummary, FieldError } from "./error-summary";

const ROLES = [
  { id: "read", label: "Read: figures and reports" },
  { id: "ingest", label: "Ingest: read and post records" },
  { id: "analyst", label: "Analyst: read, targets and analysis" },
  { id: "admin", label: "Admin: everything, including tokens" },
];

/**
 * The form that creates an API token; after success it shows the secret once, in a read-only field.
 *
 * @returns the form
 * @example
 * ```tsx
 * <TokenCreateForm />
 * ```
 */
export function TokenCreateForm() {
  const [state, action, pending] = useActionState(createTokenAction, initialFormState);
  const e = state.fieldErrors;
  return (
    <form action={action} noValidate>
      <ErrorSummary fieldErrors={e} labels={{ name: "Name", role: "Role" }} />
      {state.status === "ok" && state.values.token !== undefined ? (
        <div className="notice notice-success" role="status">
          <p>{state.message}</p>
          <label htmlFor="new-token">New token</label>
          <input id="new-token" type="text" readOnly value={state.values.token} size={60} />
        </div>
      ) : (
        <p role="status" className={state.status === "error" ? "field-error" : undefined}>
          {state.status === "error" && Object.keys(e).length === 0 ? state.message : ""}
        </p>
      )}
      <div className="field">
        <label htmlFor="field-name">Name</label>
        <p className="hint" id="hint-name">
          What the token is for, such as &ldquo;Nightly CIN extract&rdquo;
        </p>
        <FieldError name="name" messages={e.name} />
        <input
          id="field-name"
          name="name"
          type="text"
          defaultValue={state.status === "error" ? (state.values.name ?? "") : ""}
          aria-invalid={e.name ? true : undefined}
          aria-describedby={e.name ? "hint-name error-name" : "hint-name"}
        />
      </div>
      <div className="field">
        <label htmlFor="field-role">Role</label>
        <FieldError name="role" messages={e.role} />
        <select id="field-role" name="role" defaultValue="read" aria-invalid={e.role ? true : undefined}>
          {ROLES.map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
