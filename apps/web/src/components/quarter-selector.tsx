import type { QuarterOption } from "../lib/quarter-options";

/**
 * Chooses the quarter with a plain GET form, so the choice lives in the URL (`?period=…`), can be
 * bookmarked and shared, and works without JavaScript.
 *
 * @param props - `action` (the page's path), the `options` and the `current` quarter id; any `hidden`
 *   parameters to keep
 * @returns the form
 * @example
 * ```tsx
 * <QuarterSelector action="/" options={quarterOptions(latest, 12)} current="FY2019-20-Q2" />
 * ```
 */
export function QuarterSelector({
  action,
  options,
  current,
  name = "period",
  hidden = {},
}: {
  action: string;
  options: QuarterOption[];
  current: string;
  name?: string;
  hidden?: Readonly<Record<string, string>>;
}) {
  return (
    <form method="get" action={action} className="inline-form no-print" aria-label="Choose a quarter">
      {Object.entries(hidden).map(([key, value]) => (
        <input key={key} type="hidden" name={key} value={value} />
      ))}
      <div className="field">
        <label htmlFor="quarter-select">Quarter</label>
        <select id="quarter-select" name={name} defaultValue={current}>
          {options.map((o) => (
            <option key={o.id} value={o.id}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="secondary">
        Show quarter
      </button>
    </form>
  );
}
