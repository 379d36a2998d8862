import type { Hash } from "node:crypto";
import { ApiError } from "../errors.js";

/** The next piece of the body, or `408 request_timeout` when none arrives within `idleMs`. */
async function nextWithin<T>(iterator: AsyncIterator<T>, idleMs: number): Promise<IteratorResult<T>> {
  let timer: NodeJS.Timeout | undefined;
  const next = iterator.next();
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const seconds = Math.round(idleMs / 100) / 10;
      reject(
        new ApiError(
          "request_timeout",
          `No part of the request body arrived for ${seconds} s; nothing was stored. Send the batch again`,
        ),
      );
    }, idleMs);
  });
  // Once the timer has won, the read left waiting settles when the connection closes: ignore it.
  next.catch(() => undefined);
  try {
    return await Promise.race([next, stalled]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Passes a request body through chunk by chunk, counting bytes and feeding an optional hash. Going
 * over `limit` bytes fails with `payload_too_large` as soon as it happens, without reading further; a
 * body that breaks off (the client went away) fails with `malformed_body`; a body that pauses for
 * longer than `idleMs` fails with `request_timeout`.
 *
 * @param body - the raw request stream
 * @param options - the byte limit, an optional running hash and the longest pause between pieces
 * @returns the same bytes, as an async iterable
 * @example
 * ```ts
 * for await (const chunk of meterBody(request.raw, { limit: 1_000_000 })) consume(chunk);
 * ```
 */
export async function* meterBody(
  body: AsyncIterable<Buffer | string>,
  options: { limit: number; hash?: Hash; idleMs?: number },
): AsyncGenerator<Buffer> {
  let total = 0;
  const iterator = body[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Buffer | string>;
    try {
      next = await (options.idleMs === undefined ? iterator.next() : nextWithin(iterator, options.idleMs));
    } catch (error) {
      if (error instanceof ApiError) throw error;
      throw new ApiError("malformed_body", "The request body could not be read to the end");
    }
    if (next.done) return;
    const chunk = typeof next.value === "string" ? Buffer.from(next.value, "utf8") : next.value;
    total += chunk.length;
    if (total > options.limit) {
      // Stop reading but do not destroy the request: the client must still receive the 413.
      throw new ApiError("payload_too_large", `The request body is larger than ${options.limit} bytes`);
    }
    options.hash?.update(chunk);
    yield chunk;
  }
}

/**
 * Decodes a UTF-8 byte stream into text chunks; characters split across chunks are joined, and bytes
 * that are not UTF-8 fail with `malformed_body`.
 *
 * @param bytes - the byte stream
 * @returns text chunks
 * @example
 * ```ts
 * for await (const text of decodeUtf8(meterBody(stream, { limit }))) parse(text);
 * ```
 */
export async function* decodeUtf8(bytes: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk === undefined ? decoder.decode() : decoder.decode(chunk, { stream: true });
    } catch {
      throw new ApiError("malformed_body", "The request body is not valid UTF-8");
    }
  };
  for await (const chunk of bytes) {
    const text = decode(chunk);
    if (text.length > 0) yield text;
  }
  const rest = decode();
  if (rest.length > 0) yield rest;
}
