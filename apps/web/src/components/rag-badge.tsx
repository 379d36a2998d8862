import type { RagStatus } from "@kpi/core";
import { ragPresentation } from "../lib/rag-status";

const SHAPES = {
  circle: <circle cx="7" cy="7" r="6" />,
  triangle: <path d="M7 1 13 13H1Z" />,
  square: <rect x="1.5" y="1.5" width="11" height="11" />,
  dash: <rect x="1" y="5.5" width="12" height="3" />,
} as const;

/**
 * A RAG status shown three ways at once: a coloured shape (circle, triangle, square), the word, and a
 * description for assistive technology. Colour is never the only carrier of meaning.
 *
 * @param props - `status`: `green`, `amber`, `red` or `null`
 * @returns the badge
 * @example
 * ```tsx
 * <RagBadge status="amber" />
 * ```
 */
export function RagBadge({ status }: { status: RagStatus | null }) {
  const p = ragPresentation(status);
  return (
    <span className={`rag rag-${p.tone}`} title={p.description}>
      <svg
        width="14"
        height="14"
        viewBox="0 0 14 14"
        aria-hidden="true"
        focusable="false"
        fill="currentColor"
      >
        {SHAPES[p.shape]}
      </svg>
      <span className="rag-word">
        {p.word}
        <span className="visually-hidden">: {p.description.toLowerCase()}</span>
      </span>
    </span>
  );
}
