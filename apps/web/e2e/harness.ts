import assert from "node:assert/strict";
import type { Browser, BrowserContext, Page } from "playwright-core";

/** A demo staff user created by the runner. */
export interface E2EUser {
  username: string;
  password: string;
  display_name: string;
  role: "read" | "analyst" | "admin";
}

/** What the runner hands every scenario. */
export interface E2EContext {
  browser: Browser;
  baseUrl: string;
  apiUrl: string;
  adminToken: string;
  users: { analyst: E2EUser; viewer: E2EUser; admin: E2EUser };
}

/** One end-to-end scenario: a name and what a person does. */
export interface Scenario {
  name: string;
  run(ctx: E2EContext): Promise<void>;
}

/** The quarter the demonstration authority ends in, and the one before. */
export const LATEST = "FY2019-20-Q2";
export const PREVIOUS = "FY2019-20-Q1";

/**
 * A fresh browser context (its own cookies) and page, signed in as `who` through the sign-in form.
 *
 * @param ctx - the run's context
 * @param who - which demo user
 * @returns the context and page, on the dashboard
 */
export async function signedIn(
  ctx: E2EContext,
  who: keyof E2EContext["users"],
): Promise<{ context: BrowserContext; page: Page }> {
  return signedInAs(ctx, ctx.users[who]);
}

/**
 * A fresh browser context and page, signed in through the sign-in form as any staff user.
 *
 * @param ctx - the run's context
 * @param user - the username and password
 * @returns the context and page, on the dashboard
 */
export async function signedInAs(
  ctx: E2EContext,
  user: { username: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await ctx.browser.newContext({ baseURL: ctx.baseUrl, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  await page.goto("/signin");
  await page.getByLabel("Username").fill(user.username);
  await page.getByLabel("Password").fill(user.password);
  await Promise.all([
    page.waitForURL((url) => !url.pathname.startsWith("/signin")),
    page.getByRole("button", { name: "Sign in" }).click(),
  ]);
  return { context, page };
}

/**
 * Calls the API as the admin token (for checking figures against what the portal shows).
 *
 * @param ctx - the run's context
 * @param path - e.g. `/v1/reports/FY2019-20-Q2`
 * @returns the parsed JSON
 */
export async function api<T = unknown>(ctx: E2EContext, path: string): Promise<T> {
  const r = await fetch(`${ctx.apiUrl}${path}`, { headers: { authorization: `Bearer ${ctx.adminToken}` } });
  assert.equal(r.status, 200, `GET ${path} answered ${r.status}`);
  return (await r.json()) as T;
}

/**
 * Sends a request to the API (as the admin token unless another is given) and checks its status: for
 * setting up an organisation a scenario needs.
 *
 * @param ctx - the run's context
 * @param method - `POST` or `PUT`
 * @param path - e.g. `/v1/organisations`
 * @param body - the JSON body
 * @param options - the token, and the status expected (default 200)
 * @returns the parsed JSON
 */
export async function apiSend<T = unknown>(
  ctx: E2EContext,
  method: "POST" | "PUT",
  path: string,
  body: unknown,
  options: { token?: string; status?: number } = {},
): Promise<T> {
  const r = await fetch(`${ctx.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${options.token ?? ctx.adminToken}`,
      "content-type": "application/json",
    },
    body: JSON.stringify(body),
  });
  const text = await r.text();
  assert.equal(r.status, options.status ?? 200, `${method} ${path} answered ${r.status}: ${text}`);
  return (text === "" ? null : JSON.parse(text)) as T;
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

export { assert };
