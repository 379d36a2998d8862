import { existsSync } from "node:fs";
import { CHROMIUM, startStack } from "./stack.mjs";

/** The environment variable that carries the running stack (URLs, admin token, demo staff) to the workers. */
export const STACK_ENV = "KPI_E2E_STACK";

/**
 * Playwright's global setup: starts the stack once for the whole run (the built API on a temporary
 * data directory with the demonstration authority and demo staff, then the built portal) and hands it
 * to the workers through `process.env`. Returns the teardown, which stops every process and removes
 * the data directory.
 *
 * @returns the global teardown
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium`);
  const stack = await startStack({ portal: true });
  // Stop the stack even when the runner is interrupted before its teardown runs.
  process.once("exit", () => stack.stop());
  const { apiUrl, baseUrl, adminToken, users } = stack;
  process.env[STACK_ENV] = JSON.stringify({ apiUrl, baseUrl, adminToken, users });
  return async () => {
    stack.stop();
  };
}
