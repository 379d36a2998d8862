import { type Browser, type BrowserContext, test as base, expect, type Page } from "@playwright/test";
import { STACK_ENV } from "./global-setup";
import type { StackUser } from "./stack.mjs";

/** A demo staff user created by the global setup. */
export type E2EUser = StackUser;

/** The stack the global setup started: where it listens, the API's admin token and the demo staff. */
export interface E2EStack {
  baseUrl: string;
  apiUrl: string;
  adminToken: string;
  users: { analyst: E2EUser; viewer: E2EUser; admin: E2EUser };
}

/** What every scenario is handed as `ctx`: the stack, the browser, and helpers for both. */
export interface E2EContext extends E2EStack {
  browser: Browser;
  /**
   * A fresh browser context (its own cookies) on the portal, signed out; closed after the test.
   *
   * @returns the context
   */
  newContext(): Promise<BrowserContext>;
  /**
   * A fresh browser context and page, signed in as `who` through the sign-in form; closed after the test.
   *
   * @param who - which demo user
   * @returns the context and page, on the dashboard
   */
  signedIn(who: keyof E2EStack["users"]): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * A fresh browser context and page, signed in through the sign-in form as any staff user.
   *
   * @param user - the username and password
   * @returns the context and page, on the dashboard
   */
  signedInAs(user: { username: string; password: string }): Promise<{ context: BrowserContext; page: Page }>;
  /**
   * Calls the API as the admin token (for checking figures against what the portal shows) and checks
   * that it answered 200.
   *
   * @param path - e.g. `/v1/reports/FY2019-20-Q2`
   * @returns the parsed JSON
   */
  api<T = unknown>(path: string): Promise<T>;
  /**
   * Sends a request to the API (as the admin token unless another is given) and checks its status: for
   * setting up an organisation a scenario needs.
   *
   * @param method - `POST` or `PUT`
   * @param path - e.g. `/v1/organisations`
   * @param body - the JSON body
   * @param options - the token, and the status expected (default 200)
   * @returns the parsed JSON
   */
  apiSend<T = unknown>(
    method: "POST" | "PUT",
    path: string,
    body: unknown,
    options?: { token?: string; status?: number },
  ): Promise<T>;
}

/** The quarter the demonstration authority ends in, and the one before. */
export const LATEST = "FY2019-20-Q2";
export const PREVIOUS = "FY2019-20-Q1";

/** How long a page action or wait may take: the machine running the suite is often loaded. */
const ACTION_TIMEOUT = 60_000;

function readStack(): E2EStack {
  const raw = process.env[STACK_ENV];
  if (raw === undefined)
    throw new Error(
      `${STACK_ENV} is not set: run the suite with \`playwright test\` (its global setup starts the stack)`,
    );
  return JSON.parse(raw) as E2EStack;
}

/**
 * Playwright's `test` with the suite's fixtures: `stack` (once per worker) and `ctx` (per test), and
 * `baseURL` pointing at the stack's portal so the built-in `page` and `request` reach it too.
 *
 * @example
 * test("the dashboard opens", async ({ ctx }) => {
 *   const { page } = await ctx.signedIn("viewer");
 *   await page.goto("/");
 * });
 */
export const test = base.extend<{ ctx: E2EContext }, { stack: E2EStack }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  stack: [async ({}, use) => use(readStack()), { scope: "worker" }],
  baseURL: async ({ stack }, use) => use(stack.baseUrl),
  ctx: async ({ browser, stack }, use) => {
    const opened: BrowserContext[] = [];
    const newContext = async (options: { acceptDownloads?: boolean } = {}) => {
      const context = await browser.newContext({ baseURL: stack.baseUrl, ...options });
      opened.push(context);
      return context;
    };
    const signedInAs = async (user: { username: string; password: string }) => {
      const context = await newContext({ acceptDownloads: true });
      const page = await context.newPage();
      page.setDefaultTimeout(ACTION_TIMEOUT);
      await page.goto("/signin");
      await page.getByLabel("Username").fill(user.username);
      await page.getByLabel("Password").fill(user.password);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith("/signin")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      return { context, page };
    };
    const api = async <T>(path: string): Promise<T> => {
      const r = await fetch(`${stack.apiUrl}${path}`, {
        headers: { authorization: `Bearer ${stack.adminToken}` },
      });
      expect(r.status, `GET ${path} answered ${r.status}`).toBe(200);
      return (await r.json()) as T;
    };
    const apiSend = async <T>(
      method: "POST" | "PUT",
      path: string,
      body: unknown,
      options: { token?: string; status?: number } = {},
    ): Promise<T> => {
      const r = await fetch(`${stack.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${options.token ?? stack.adminToken}`,
          "content-type": "application/json",
        },
        body: JSON.stringify(body),
      });
      const text = await r.text();
      expect(r.status, `${method} ${path} answered ${r.status}: ${text}`).toBe(options.status ?? 200);
      return (text === "" ? null : JSON.parse(text)) as T;
    };
    await use({
      ...stack,
      browser,
      newContext: () => newContext(),
      signedIn: (who) => signedInAs(stack.users[who]),
      signedInAs,
      api,
      apiSend,
    });
    // Contexts a scenario did not close itself (it failed part-way) are closed here.
    for (const context of opened) await context.close().catch(() => undefined);
  },
});

export { expect };

/**
 * Checks that a value is there (not `undefined` or `null`) and returns it, typed as present: a failed
 * check fails the test with `message`.
 *
 * @param value - the value found
 * @param message - what is wrong when it is missing
 * @returns the value
 * @example
 * const cookie = present(cookies.find((c) => c.name === "session"), "no session cookie");
 */
export function present<T>(value: T | null | undefined, message: string): T {
  expect(value, message).toBeDefined();
  expect(value, message).not.toBeNull();
  return value as T;
}

/**
 * Rounds half away from zero, as the report prints figures (worked out here independently of
 * `@kpi/core`).
 *
 * @param value - the value
 * @param decimals - decimals
 * @returns the rounded value
 */
export function roundAway(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(value) * f).toPrecision(15));
  return (Math.sign(value) * Math.floor(scaled + 0.5)) / f;
}

/** The report's shape, as far as the scenarios read it. */
export interface ApiReport {
  period: string;
  label: string;
  sections: {
    id: string;
    title: string;
    analysis: {
      text: string;
      draft: boolean;
      source: "drafted" | "staff";
      version: number | null;
      author: string | null;
      approval: { approved_by: string; approved_at: string } | null;
    };
    positive: { indicator: string; complements: string[] }[];
    negative: { indicator: string; complements: string[] }[];
    indicators: {
      id: string;
      title: string;
      unit: string;
      decimals: number;
      quarter: {
        value: number | null;
        numerator: number | null;
        denominator: number | null;
        status: string | null;
      };
      ytd: { value: number | null; numerator: number | null; denominator: number | null };
      judgement: { verdict: "positive" | "negative" | "neither"; sentence: string };
    }[];
  }[];
}
