import type { RagStatus } from "@kpi/core";

/** How a RAG status is shown: a word, a shape and a colour, so colour never carries the meaning alone. */
export interface RagPresentation {
  /** The word shown beside the shape. */
  word: string;
  /** A plain-English explanation for assistive technology and tooltips. */
  description: string;
  /** The shape drawn: circle (green), triangle (amber), square (red), dash (no target). */
  shape: "circle" | "triangle" | "square" | "dash";
  /** The CSS modifier carrying the colour. */
  tone: "green" | "amber" | "red" | "none";
}

/**
 * The presentation of a RAG status.
 *
 * @param status - `green`, `amber`, `red`, or `null` when there is no target or value
 * @returns word, description, shape and tone
 * @example
 * ```ts
 * ragPresentation("amber").shape; // "triangle"
 * ragPresentation(null).word; // "No target"
 * ```
 */
export function ragPresentation(status: RagStatus | null): RagPresentation {
  switch (status) {
    case "green":
      return { word: "Green", description: "On or better than target", shape: "circle", tone: "green" };
    case "amber":
      return { word: "Amber", description: "Just short of target", shape: "triangle", tone: "amber" };
    case "red":
      return { word: "Red", description: "Well short of target", shape: "square", tone: "red" };
    default:
      return {
        word: "No target",
        description: "No target or no value to judge",
        shape: "dash",
        tone: "none",
      };
  }
}
