import { defineConfig } from "tsup";
import { nodeProgramBuild } from "../../tsup.base.js";

// Private: ESM for Node with type declarations, used by npm start, the tests and the benchmarks.
export default defineConfig(nodeProgramBuild(["src/index.ts"], { dts: true }));
