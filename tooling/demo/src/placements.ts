import type { ClaEpisodeRecord } from "@kpi/catalogue";
import type { Random } from "./random.js";

type PlacementType = ClaEpisodeRecord["placement_type"];
type Provider = ClaEpisodeRecord["placement_provider"];
type LegalStatus = ClaEpisodeRecord["legal_status"];

/** A placement: its 903 type and provider, and its weekly cost (null where none is paid). */
export interface Placement {
  /** 903 placement type. */
  readonly type: PlacementType;
  /** 903 placement provider. */
  readonly provider: Provider;
  /** Pounds per week, or null. */
  readonly cost: number | null;
}

const YOUNG: readonly (readonly [PlacementType, number])[] = [
  ["U1", 6],
  ["U3", 12],
  ["U4", 33],
  ["U6", 37],
  ["P1", 5],
  ["R3", 2],
];
const MIDDLE: readonly (readonly [PlacementType, number])[] = [
  ["U1", 6],
  ["U3", 9],
  ["U4", 34],
  ["U6", 32],
  ["K2", 12],
  ["S1", 2],
  ["K1", 1],
  ["P1", 4],
];
const OLDER: readonly (readonly [PlacementType, number])[] = [
  ["U4", 22],
  ["U6", 22],
  ["H5", 30],
  ["K2", 14],
  ["K3", 5],
  ["P2", 4],
  ["Z1", 1],
  ["R5", 2],
];

function money(rng: Random, lo: number, hi: number): number {
  return Math.round((lo + rng.next() * (hi - lo)) * 100) / 100;
}

/**
 * Choose a placement for a child of an age and legal status: foster care for most, the authority's
 * own foster carers with the given probability, residential and semi-independent placements for
 * older children, adoption placements for children with a placement order.
 *
 * @param rng - random source
 * @param age - the child's age in whole years
 * @param status - the legal status of the episode
 * @param internalFosterShare - chance a foster placement is with the authority's own carers
 * @param priceIndex - multiplier of the weekly cost (commissioning prices at the placement's start)
 * @returns the placement
 * @example
 * ```ts
 * choosePlacement(new Random(1), 3, "C1", 0.6).type; // e.g. "U6"
 * ```
 */
export function choosePlacement(
  rng: Random,
  age: number,
  status: LegalStatus,
  internalFosterShare: number,
  priceIndex = 1,
): Placement {
  const p = basePlacement(rng, age, status, internalFosterShare);
  return p.cost === null || priceIndex === 1
    ? p
    : { ...p, cost: Math.round(p.cost * priceIndex * 100) / 100 };
}

function basePlacement(
  rng: Random,
  age: number,
  status: LegalStatus,
  internalFosterShare: number,
): Placement {
  if (status === "E1" && age < 8 && rng.chance(0.6)) {
    const type = rng.pick<PlacementType>(["A3", "A4", "A5", "A6"]);
    return rng.chance(0.7)
      ? { type, provider: "PR1", cost: money(rng, 300, 420) }
      : { type, provider: "PR5", cost: money(rng, 500, 700) };
  }
  if (status === "J1" || status === "J2" || status === "J3")
    return rng.chance(0.2)
      ? { type: "K1", provider: "PR2", cost: money(rng, 6000, 7500) }
      : { type: "K2", provider: "PR4", cost: money(rng, 3200, 5200) };
  const type = rng.weighted(age < 5 ? YOUNG : age < 16 ? MIDDLE : OLDER);
  switch (type) {
    case "U1":
    case "U3":
      return { type, provider: "PR1", cost: money(rng, 190, 300) };
    case "U4":
    case "U6":
      return rng.chance(internalFosterShare)
        ? { type, provider: "PR1", cost: money(rng, 280, 430) }
        : { type, provider: rng.chance(0.85) ? "PR4" : "PR5", cost: money(rng, 760, 990) };
    case "P1":
      return { type, provider: "PR0", cost: null };
    case "P2":
      return { type, provider: "PR1", cost: money(rng, 150, 260) };
    case "R3":
      return { type, provider: "PR4", cost: money(rng, 1800, 2600) };
    case "K1":
      return { type, provider: "PR2", cost: money(rng, 6000, 7500) };
    case "K2":
      return rng.chance(0.22)
        ? { type, provider: "PR1", cost: money(rng, 2600, 3600) }
        : { type, provider: "PR4", cost: money(rng, 3200, 5400) };
    case "K3":
    case "H5":
      return { type, provider: rng.chance(0.3) ? "PR1" : "PR4", cost: money(rng, 850, 1800) };
    case "S1":
      return { type, provider: rng.chance(0.5) ? "PR4" : "PR5", cost: money(rng, 2500, 4000) };
    case "R5":
      return { type, provider: "PR3", cost: null };
    default:
      return { type, provider: "PR4", cost: money(rng, 450, 650) };
  }
}
