import { defineConfig } from "tsup";
import { libraryBuild, nodeProgramBuild } from "../../tsup.base.js";

export default defineConfig([
  libraryBuild(["src/index.ts", "src/http.ts"]),
  // The `kpi` command: one ESM file with a shebang; dependencies stay external.
  nodeProgramBuild({ cli: "src/cli/main.ts" }, { clean: false, banner: { js: "#!/usr/bin/env node" } }),
]);
