/** Why {@link Semaphore.acquire} gave up: too many were already waiting, or the wait was too long. */
export class SemaphoreFull extends Error {
  /** @param reason - `queue` when the waiting line was full, `timeout` when the wait ran out */
  constructor(readonly reason: "queue" | "timeout") {
    super(reason === "queue" ? "too many waiting" : "waited too long");
    this.name = "SemaphoreFull";
  }
}

/** A bounded number of permits, handed out first come first served. */
export interface Semaphore {
  /**
   * Waits for a permit and resolves with the function that gives it back (call it exactly once).
   * Rejects with {@link SemaphoreFull} when `maxWaiting` callers are already waiting, or after
   * `waitMs` without a permit.
   */
  acquire(): Promise<() => void>;
  /** Permits in use now. */
  readonly inUse: number;
  /** Callers waiting now. */
  readonly waiting: number;
}

/**
 * Creates a counting semaphore: at most `permits` holders at once, the rest waiting in order, each
 * for at most `waitMs`, with at most `maxWaiting` of them in the line.
 *
 * @param options - permits, and optionally the longest line and the longest wait
 * @returns the semaphore
 * @example
 * ```ts
 * const slots = createSemaphore({ permits: 2, maxWaiting: 10, waitMs: 5_000 });
 * const release = await slots.acquire();
 * try { await work(); } finally { release(); }
 * ```
 */
export function createSemaphore(options: {
  permits: number;
  maxWaiting?: number;
  waitMs?: number;
}): Semaphore {
  const { permits } = options;
  const maxWaiting = options.maxWaiting ?? Number.POSITIVE_INFINITY;
  const line: { grant: () => void; timer: NodeJS.Timeout | undefined }[] = [];
  let inUse = 0;

  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = line.shift();
      if (next === undefined) {
        inUse -= 1;
        return;
      }
      clearTimeout(next.timer);
      next.grant();
    };
  };

  return {
    acquire() {
      if (inUse < permits) {
        inUse += 1;
        return Promise.resolve(releaser());
      }
      if (line.length >= maxWaiting) return Promise.reject(new SemaphoreFull("queue"));
      return new Promise((resolve, reject) => {
        const entry: (typeof line)[number] = { grant: () => resolve(releaser()), timer: undefined };
        if (options.waitMs !== undefined) {
          entry.timer = setTimeout(() => {
            const at = line.indexOf(entry);
            if (at >= 0) line.splice(at, 1);
            reject(new SemaphoreFull("timeout"));
          }, options.waitMs);
        }
        line.push(entry);
      });
    },
    get inUse() {
      return inUse;
    },
    get waiting() {
      return line.length;
    },
  };
}
