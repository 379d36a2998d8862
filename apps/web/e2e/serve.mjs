#!/usr/bin/env node
// Starts the end-to-end stack by hand, for development and for debugging a scenario: the built API on
// a temporary data directory with the demonstration authority and demo staff (analyst, viewer, admin),
// and with --portal the built portal too, all on free loopback ports (see stack.mjs). Prints the
// addresses and sign-ins, echoes the servers' output, and runs until Ctrl+C, which stops everything and
// removes the data directory. Build first: `pnpm build`.
//
//   node apps/web/e2e/serve.mjs            the API with the demo authority
//   node apps/web/e2e/serve.mjs --portal   the API and the built portal
//
// The suite itself (`pnpm --filter @kpi/web exec playwright test`) starts its own stack.
import { startStack } from "./stack.mjs";

const stack = await startStack({ portal: process.argv.includes("--portal"), echo: true });
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stack.stop();
    process.exit(signal === "SIGINT" ? 130 : 143);
  });
}
console.log(`API:    ${stack.apiUrl}  (admin token ${stack.adminToken})`);
if (stack.baseUrl) console.log(`Portal: ${stack.baseUrl}`);
for (const u of Object.values(stack.users))
  console.log(`  ${u.role.padEnd(8)} ${u.username} / ${u.password}`);
console.log("Press Ctrl+C to stop.");
