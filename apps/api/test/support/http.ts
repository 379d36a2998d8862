import http from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";

/** An answer read off a real connection. */
export interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/**
 * Makes the app listen on a free loopback port (for tests that need real connections: stalled
 * uploads, kept-alive sockets, raw HTTP).
 *
 * @param app - a built app
 * @returns the port
 */
export async function listen(app: FastifyInstance): Promise<number> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  return (app.server.address() as AddressInfo).port;
}

/**
 * Sends one request over a real connection and reads the whole answer.
 *
 * @param port - the app's port
 * @param options - method, path, headers, body and the agent (a keep-alive agent to reuse sockets)
 * @returns the answer
 */
export function send(
  port: number,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    agent?: http.Agent | false;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method: options.method ?? "GET",
        path: options.path,
        headers: options.headers ?? {},
        agent: options.agent ?? false,
      },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          body += chunk;
        });
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(options.body);
  });
}

/** An upload that sent part of its body and then went quiet. */
export interface StalledUpload {
  /** The answer, once the server gives one (or the connection's end, as status 0). */
  readonly answer: Promise<Answer>;
  /** Ends the client's side of the connection. */
  destroy(): void;
}

/**
 * Starts a chunked upload, sends `firstBytes`, and sends nothing more: what a stalled or hostile client
 * does.
 *
 * @param port - the app's port
 * @param path - the route
 * @param headers - headers (authorization, content-type)
 * @param firstBytes - what is sent before going quiet
 * @returns the stalled upload
 */
export function stalledUpload(
  port: number,
  path: string,
  headers: Record<string, string>,
  firstBytes: string,
): StalledUpload {
  const request = http.request({
    host: "127.0.0.1",
    port,
    method: "POST",
    path,
    headers: { ...headers, "transfer-encoding": "chunked" },
    agent: false,
  });
  const answer = new Promise<Answer>((resolve) => {
    request.on("response", (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        body += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
      response.on("error", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    request.on("error", () => resolve({ status: 0, headers: {}, body: "" }));
  });
  request.write(firstBytes);
  return { answer, destroy: () => request.destroy() };
}
