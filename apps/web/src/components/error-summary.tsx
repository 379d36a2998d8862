/** Field labels for the error summary, by field name. */
export type FieldLabels = Record<string, string>;

/**
 * The error summary shown at the top of a form after a failed submit: a heading and a link to each
 * field with a problem, as people using screen readers and magnifiers expect (GOV.UK pattern).
 *
 * @param props - `fieldErrors` by field name; `labels` for link order and ids (`field-<name>`)
 * @returns the summary, or nothing when there are no field errors
 * @example
 * ```tsx
 * <ErrorSummary fieldErrors={state.fieldErrors} labels={{ username: "Username" }} />
 * ```
 */
export function ErrorSummary({
  fieldErrors,
  labels,
}: {
  fieldErrors: Record<string, string[]>;
  labels: FieldLabels;
}) {
  const entries = Object.entries(fieldErrors).filter(([, m]) => m.length > 0);
  if (entries.length === 0) return null;
  return (
    <div className="error-summary" role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      <ul>
        {entries.map(([field, messages]) => (
          <li key={field}>{field in labels ? <a href={`#field-${field}`}>{messages[0]}</a> : messages[0]}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The message shown above a field with a problem; its id is what the field's `aria-describedby` names.
 *
 * @param props - `name` of the field and its `messages`
 * @returns the message, or nothing
 * @example
 * ```tsx
 * <FieldError name="username" messages={state.fieldErrors.username} />
 * ```
 */
export function FieldError({ name, messages }: { name: string; messages: string[] | undefined }) {
  if (messages === undefined || messages.length === 0) return null;
  return (
    <p className="field-error" id={`error-${name}`}>
      <span className="visually-hidden">Error:</span> {messages[0]}
    </p>
  );
}
