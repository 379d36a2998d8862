/**
 * Starts the API: reads the configuration once, builds the app, listens, prints the URL, and shuts
 * down gracefully on SIGTERM/SIGINT. A bad configuration or a failure to start prints one line and
 * exits with status 1.
 */
import { buildApp } from "./app.js";
import { readConfig } from "./env.js";

/** One line saying why start-up failed: never a stack trace, never `[object Object]`. */
function startFailureReason(error: unknown, where: string): string {
  if (error instanceof Error && error.message.trim() !== "") return error.message.trim().split("\n")[0] ?? "";
  // The embedded store's file system layer throws plain objects such as { name: "ErrnoError", errno: 54 }.
  const errno = (error as { errno?: unknown } | null)?.errno;
  if (typeof errno === "number")
    return `${where} could not be opened (file system error ${errno}); is it a PGlite data directory?`;
  return `${where} could not be opened`;
}

async function main(): Promise<void> {
  const read = readConfig(process.env);
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    process.exit(1);
  }
  const { config } = read;
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp(config);
  } catch (error) {
    const where =
      config.databaseUrl === undefined ? `the embedded store in ${config.dataDir}` : "the PostgreSQL server";
    process.stderr.write(`Could not start the API: ${startFailureReason(error, where)}\n`);
    process.exit(1);
  }
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  try {
    const address = await app.listen({ port: config.port, host: config.host });
    process.stdout.write(
      `KPI API listening on ${address} (${app.database.kind === "pglite" ? `embedded store in ${config.dataDir}` : "PostgreSQL"})\n`,
    );
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    process.stderr.write(`Could not listen on ${config.host}:${config.port}: ${reason}\n`);
    await app.close();
    process.exit(1);
  }
}

void main();
