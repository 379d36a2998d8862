// The ceiling for GET /v1/reports/{period}: a bare Fastify route serving the same bytes from memory.
// Usage: node bench/bare-server.mjs <file with the body>; prints "listening on http://127.0.0.1:<port>".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { repoRoot } from "./lib/api-server.mjs";

const require = createRequire(join(repoRoot, "apps/api/package.json"));
const Fastify = require("fastify");
const body = readFileSync(process.argv[2]);
const app = Fastify({ logger: false });
app.get("/v1/reports/:period", (_request, reply) => {
  reply.type("application/json; charset=utf-8").send(body);
});
const address = await app.listen({ host: "127.0.0.1", port: 0 });
process.stdout.write(`listening on ${address}\n`);
process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
