import type { FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { ApiError } from "../errors.js";
import { createPasswordHasher, type PasswordHasher } from "../services/passwords.js";
import { type Caller, hasRole, type Role } from "../services/roles.js";
import {
  createSignInThrottle,
  type SignInLimits,
  type SignInThrottle,
} from "../services/sign-in-throttle.js";
import { createTokenCache, type TokenCache } from "../services/token-cache.js";
import { adminCaller, findLiveToken, hashToken } from "../services/tokens.js";

/**
 * Who may call a route: anyone (`public`), any valid token (`authenticated`), a role or higher, or
 * only the deployment's `KPI_ADMIN_TOKEN` (`admin_token`).
 */
export type Access = "public" | "authenticated" | Role | "admin_token";

/** The database channel every revocation is announced on (a trigger on `tokens`, decision 145). */
export const revocationChannel = "kpi_token_revoked";

declare module "fastify" {
  interface FastifyInstance {
    /** The token look-ups of this process; revoking a token must call `forget` (decision 115). */
    tokenCache: TokenCache;
    /** Hashes and checks passwords, a few at a time. */
    passwords: PasswordHasher;
    /** Holds back sign-in attempts that come too fast (decision 142). */
    signInThrottle: SignInThrottle;
  }
  interface FastifyContextConfig {
    /** Who may call the route; every `/v1` route must say. */
    access?: Access;
  }
  interface FastifyRequest {
    /** The authenticated caller (set by the auth plugin before the body is read). */
    caller: Caller | null;
  }
}

/**
 * The authenticated caller of a request whose route requires authentication.
 *
 * @param request - the request
 * @returns the caller
 * @example
 * ```ts
 * const { organisationId } = callerOf(request);
 * ```
 */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null) throw new Error("callerOf() used on a route without authentication");
  return request.caller;
}

function bearer(header: string | undefined): string | null {
  if (header === undefined) return null;
  const match = /^Bearer[ \t]+(\S{1,512})[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

/** Options of {@link authPlugin}. */
export interface AuthOptions {
  /** `KPI_ADMIN_TOKEN`, when configured. */
  readonly adminToken?: string | undefined;
  /** How long a token look-up is trusted, in ms (default 1,000; 0 asks the store on every request). */
  readonly tokenCacheMs?: number | undefined;
  /** Most tokens cached (default 10,000). */
  readonly tokenCacheEntries?: number | undefined;
  /** The clock for token expiry, in ms since the epoch (tests); `Date.now` by default. */
  readonly now?: (() => number) | undefined;
  /** Sign-in limits to override (tests). */
  readonly signInLimits?: Partial<SignInLimits> | undefined;
}

/**
 * Authentication plugin: on every request to a route that is not `public`, resolves
 * `Authorization: Bearer <token>` to a caller (401 when missing, unknown, revoked or expired) and checks
 * the route's `access` (403 otherwise). It runs before the body is read, so an unauthorised upload is
 * refused without reading it. Routes under `/v1` that declare no `access` are refused (deny by default).
 * Token look-ups are cached by token hash for at most a second (`app.tokenCache`, decisions 115 and
 * 145); a token revoked anywhere is refused as soon as the database's notification arrives, and within
 * the cache's bound if it does not; an expired one as soon as it expires. The plugin also provides the
 * password hasher (`app.passwords`) and the sign-in throttle (`app.signInThrottle`).
 *
 * @example
 * ```ts
 * await app.register(authPlugin, { adminToken: config.adminToken });
 * app.get("/v1/x", { config: { access: "read" } }, handler);
 * ```
 */
export const authPlugin = fp<AuthOptions>(
  async (app, { adminToken, tokenCacheMs, tokenCacheEntries, now, signInLimits }) => {
    const adminTokenHash = adminToken === undefined ? undefined : hashToken(adminToken);
    const tokenCache = createTokenCache({
      load: (tokenHash, at) => findLiveToken(app.database.db, tokenHash, at),
      ttlMs: tokenCacheMs ?? 1_000,
      maxEntries: tokenCacheEntries ?? 10_000,
      ...(now === undefined ? {} : { now }),
    });
    app.decorate("tokenCache", tokenCache);
    app.decorate("passwords", createPasswordHasher());
    app.decorate(
      "signInThrottle",
      createSignInThrottle({
        ...(now === undefined ? {} : { now }),
        ...(signInLimits === undefined ? {} : { limits: signInLimits }),
      }),
    );
    // A revocation made anywhere (another instance, SQL) reaches this process's cache at once; when
    // the listening connection was lost, everything cached is dropped as it comes back. Without it
    // the cache's own bound (at most 1 s) still holds.
    await app.database
      .listen(revocationChannel, (tokenId) => tokenCache.forget(tokenId), tokenCache.forgetAll)
      .catch(() => app.log.warn("revocation notifications are not reaching this process yet; retrying"));
    app.decorateRequest("caller", null);
    app.addHook("onRequest", async (request) => {
      const url = request.routeOptions.url;
      const access = request.routeOptions.config.access ?? (url?.startsWith("/v1/") ? undefined : "public");
      if (access === "public") return;
      const token = bearer(request.headers.authorization);
      if (token === null) throw new ApiError("unauthorized", "Send Authorization: Bearer <token>");
      const tokenHash = hashToken(token);
      const caller = adminCaller(tokenHash, adminTokenHash) ?? (await tokenCache.resolve(tokenHash));
      if (caller === null) throw new ApiError("unauthorized", "The token is unknown, revoked or expired");
      request.caller = caller;
      if (access === undefined) throw new ApiError("forbidden", "This route is not open to any token");
      if (access === "authenticated") return;
      if (access === "admin_token") {
        if (caller.kind !== "admin_token")
          throw new ApiError("forbidden", "Only KPI_ADMIN_TOKEN may do this");
        return;
      }
      if (!hasRole(caller.role, access)) {
        throw new ApiError("forbidden", `This needs the ${access} role; the token has ${caller.role}`);
      }
    });
  },
  { name: "kpi-auth", dependencies: ["kpi-store"] },
);
