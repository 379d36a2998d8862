import type { AnalysisVersion } from "@kpi/contract";
import { getAnalysisHistory } from "../lib/api";
import { displayTime } from "../lib/display-time";
import { textChanges } from "../lib/text-changes";
import { AnalysisVersionForm } from "./analysis-version-form";

function Changes({ before, after }: { before: string | null; after: string }) {
  return (
    <p className="changes">
      {textChanges(before, after).map((c, i) =>
        c.kind === "added" ? (
          <ins key={i}>{c.text}</ins>
        ) : c.kind === "removed" ? (
          <del key={i}>{c.text}</del>
        ) : (
          <span key={i}>{c.text}</span>
        ),
      )}
    </p>
  );
}

function describeVersion(v: AnalysisVersion): string {
  const restored = v.reverted_from === null ? "" : `, restoring version ${v.reverted_from}`;
  return `Version ${v.version}: ${v.author}, ${displayTime(v.updated_at)}${restored}`;
}

/**
 * The history of a section's analysis: every version newest first, who wrote it (display name), when,
 * what changed from the version before (words added and removed), whether it was approved; with a
 * button to restore any earlier version (analysts and admins). An async server component.
 *
 * @param props - the `period`, `sectionId`, `sectionTitle`, and whether the person may `edit`
 * @returns the history, or nothing when no staff version is stored
 * @example
 * ```tsx
 * <AnalysisHistory period="FY2019-20-Q2" sectionId="ffd" sectionTitle="Family Front Door" edit />
 * ```
 */
export async function AnalysisHistory({
  period,
  sectionId,
  sectionTitle,
  edit,
}: {
  period: string;
  sectionId: string;
  sectionTitle: string;
  edit: boolean;
}) {
  const { history } = await getAnalysisHistory(period, sectionId);
  if (history.length === 0) return null;
  return (
    <details className="analysis-history no-print">
      <summary>
        History of the {sectionTitle} analysis ({history.length}{" "}
        {history.length === 1 ? "version" : "versions"})
      </summary>
      <ol reversed>
        {history.map((v, i) => (
          <li key={v.version}>
            <h4>{describeVersion(v)}</h4>
            {v.approval === null ? null : (
              <p>
                <strong>
                  Approved by {v.approval.approved_by} on {displayTime(v.approval.approved_at)}
                </strong>
              </p>
            )}
            <Changes before={history[i + 1]?.text ?? null} after={v.text} />
            {edit && i > 0 ? (
              <AnalysisVersionForm
                kind="revert"
                period={period}
                sectionId={sectionId}
                version={v.version}
                label={`Restore version ${v.version}`}
              />
            ) : null}
          </li>
        ))}
      </ol>
    </details>
  );
}
