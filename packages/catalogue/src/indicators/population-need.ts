import type { DataNeed } from "../coverage/data-need.js";

/** What a rate per 10,000 reads besides its count: the 0–17 population estimate for its year. */
export const POPULATION: DataNeed = { dataset: "populations", days: "estimate_year" };
