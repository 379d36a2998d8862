/**
 * The demonstration authority: a generated council (about 160,000 records of every dataset, 1 April
 * 2016 to 30 September 2019) whose figures tell the reference report's story, its targets and what
 * each extract covers. Private to the workspace: `npm start`, the tests and the benchmarks load it.
 *
 * @module
 */
export { demoCoverage } from "./demo-coverage.js";
export { DEFAULT_DEMO_SEED, type DemoAuthorityOptions, generateDemoAuthority } from "./generate.js";
export { type DemoTarget, demoTargets } from "./targets.js";
