/** A route as Fastify registered it: method and path pattern (`/v1/reports/:period`). */
export interface RouteEntry {
  readonly method: string;
  readonly path: string;
}

/**
 * Every (method, path pattern) in the text of `app.printRoutes({ commonPrefix: false })`, HEAD left out
 * (Fastify adds it beside every GET).
 *
 * @param tree - the printed route tree
 * @returns the routes
 * @example
 * ```ts
 * routesOf(app.printRoutes({ commonPrefix: false })); // [{ method: "GET", path: "/healthz" }, …]
 * ```
 */
export function routesOf(tree: string): RouteEntry[] {
  const out: RouteEntry[] = [];
  const stack: string[] = [];
  for (const line of tree.split("\n")) {
    const match = /^([│ ]*)[├└]── (.+) \(([A-Z, ]+)\)$/.exec(line);
    if (match === null) continue;
    const depth = (match[1] ?? "").length / 4;
    stack.length = depth;
    const path = `${stack.join("")}${match[2]}`;
    stack.push(match[2] ?? "");
    for (const method of (match[3] ?? "").split(",").map((m) => m.trim()))
      if (method !== "HEAD") out.push({ method, path });
  }
  return out;
}
