"use client";

import { useActionState, useState } from "react";
import { setTargetAction } from "../app/actions/targets";
import { initialFormState } from "../lib/forms/form-state";
import { ErrorSummary, FieldError } from "./error-summary";

const LABELS = {
  indicator: "Indicator",
  financial_year: "Financial year",
  kind: "Kind of target",
  value: "Target",
  low: "Low end",
  high: "High end",
  tolerance: "Tolerance",
};

function Field({
  name,
  label,
  hint,
  errors,
  defaultValue,
}: {
  name: keyof typeof LABELS;
  label: string;
  hint?: string;
  errors: string[] | undefined;
  defaultValue: string;
}) {
  const describedBy = [hint === undefined ? null : `hint-${name}`, errors ? `error-${name}` : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="field">
      <label htmlFor={`field-${name}`}>{label}</label>
      {hint === undefined ? null : (
        <p className="hint" id={`hint-${name}`}>
          {hint}
        </p>
      )}
      <FieldError name={name} messages={errors} />
      <input
        id={`field-${name}`}
        name={name}
        type="text"
        inputMode="decimal"
        defaultValue={defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy === "" ? undefined : describedBy}
      />
    </div>
  );
}

/**
 * The form that sets an indicator's target for a financial year: a single value (polarity decides
 * which side is good) or a range, with an optional tolerance in the indicator's unit.
 *
 * @param props - the `indicators` to choose from, and the preselected `indicator` and `financialYear`
 * @returns the form
 * @example
 * ```tsx
 * <TargetForm indicators={[{ id: "ffd.contacts_swa_pct", title: "…" }]} indicator="" financialYear="FY2019-20" />
 * ```
 */
export function TargetForm({
  indicators,
  indicator,
  financialYear,
}: {
  indicators: { id: string; title: string }[];
  indicator: string;
  financialYear: string;
}) {
  const [state, action, pending] = useActionState(setTargetAction, initialFormState);
  const v = state.values;
  const [kind, setKind] = useState(v.kind === "range" ? "range" : "value");
  const e = state.fieldErrors;
  return (
    <form action={action} id="target-form" noValidate>
      <ErrorSummary fieldErrors={e} labels={LABELS} />
      <div className="field">
        <label htmlFor="field-indicator">Indicator</label>
        <FieldError name="indicator" messages={e.indicator} />
        <select
          id="field-indicator"
          name="indicator"
          defaultValue={v.indicator ?? indicator}
          aria-invalid={e.indicator ? true : undefined}
          aria-describedby={e.indicator ? "error-indicator" : undefined}
        >
          <option value="">Choose an indicator</option>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="financial_year"
        label="Financial year"
        hint="For example, FY2019-20"
        errors={e.financial_year}
        defaultValue={v.financial_year ?? financialYear}
      />
      <fieldset className="radios">
        <legend>Kind of target</legend>
        <input
          type="radio"
          id="kind-value"
          name="kind"
          value="value"
          checked={kind === "value"}
          onChange={() => setKind("value")}
        />
        <label htmlFor="kind-value">A single value</label>
        <input
          type="radio"
          id="kind-range"
          name="kind"
          value="range"
          checked={kind === "range"}
          onChange={() => setKind("range")}
        />
        <label htmlFor="kind-range">A range (both extremes are bad)</label>
      </fieldset>
      {kind === "value" ? (
        <Field name="value" label="Target" errors={e.value} defaultValue={v.value ?? ""} />
      ) : (
        <>
          <Field name="low" label="Low end" errors={e.low} defaultValue={v.low ?? ""} />
          <Field name="high" label="High end" errors={e.high} defaultValue={v.high ?? ""} />
        </>
      )}
      <Field
        name="tolerance"
        label="Tolerance (optional)"
        hint="How far short still counts as amber, in the indicator's unit. Leave blank for 5% of the target."
        errors={e.tolerance}
        defaultValue={v.tolerance ?? ""}
      />
      <button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save target"}
      </button>
      <p role="status" className={state.status === "error" ? "field-error" : undefined}>
        {state.message ?? ""}
      </p>
    </form>
  );
}
