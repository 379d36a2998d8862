// `@kpi/client/http`: the typed HTTP client alone, without the `kpi` command line and its file
// reading, for servers and bundlers (the portal). `@kpi/client` exports all of this too.
export * from "./client/batches.js";
export * from "./client/call-route.js";
export * from "./client/create-client.js";
export * from "./client/idempotency-key.js";
export * from "./client/ingest.js";
export * from "./client/retry-delay.js";
export * from "./client/transport.js";
export * from "./errors/kpi-client-error.js";
