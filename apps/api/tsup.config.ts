import { defineConfig } from "tsup";
import { nodeProgramBuild } from "../../tsup.base.js";

export default defineConfig(nodeProgramBuild(["src/server.ts", "src/app.ts"]));
