import { z } from "zod";

/**
 * A local authority in England as DfE's published statistics name it: its old three-digit code (LAIT,
 * the statistical-neighbour lists), its nine-character ONS code, its name and its region.
 *
 * @example
 * ```ts
 * authoritySchema.parse({
 *   oldCode: "885", newCode: "E10000034", name: "Worcestershire",
 *   regionCode: "E12000005", regionName: "West Midlands", lastYear: 2025,
 * }).name; // "Worcestershire"
 * ```
 */
export const authoritySchema = z.object({
  /** The old three-digit code, e.g. `885`. */
  oldCode: z.string().regex(/^\d{3}$/),
  /** The nine-character ONS code, e.g. `E10000034`. */
  newCode: z.string().regex(/^E\d{8}$/),
  /** The authority's name as published. */
  name: z.string().min(1),
  /** The region's nine-character code, e.g. `E12000005`. */
  regionCode: z.string().regex(/^E\d{8}$/),
  /** The region's name, e.g. `West Midlands`. */
  regionName: z.string().min(1),
  /** The latest year (`time_period`) of the published statistics that name it. */
  lastYear: z.number().int(),
});
/** See {@link authoritySchema}. */
export type Authority = z.infer<typeof authoritySchema>;
