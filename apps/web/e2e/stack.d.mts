// Types for stack.mjs (plain JavaScript so that scripts/screenshots.mjs and serve.mjs run it with node).

/** A demo staff user the stack creates. */
export interface StackUser {
  username: string;
  password: string;
  display_name: string;
  role: "read" | "analyst" | "admin";
}

/** A running stack: where it listens, how to reach the API as its admin, and its demo staff. */
export interface Stack {
  apiUrl: string;
  baseUrl: string | null;
  adminToken: string;
  users: { analyst: StackUser; viewer: StackUser; admin: StackUser };
  dataDir: string;
  /** Ends every process the stack started and removes its temporary data directory. */
  stop(): void;
}

/** The portal's directory (apps/web). */
export const webDir: string;
/** The repository's root. */
export const root: string;
/** Debian's Chromium: the only browser the suite uses. */
export const CHROMIUM: string;
/** Chromium's flags for a headless run as root with no network of its own. */
export const CHROMIUM_ARGS: string[];

/**
 * Starts the API (with demo data and users) and, when `portal` is true, the built portal.
 *
 * @param options - start the portal; echo child output
 * @returns the running stack
 */
export function startStack(options: { portal: boolean; echo?: boolean }): Promise<Stack>;
