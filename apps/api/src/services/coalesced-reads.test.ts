import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createCoalescedReads } from "./coalesced-reads.js";

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A store whose reads finish only when the test says so; each read returns the version at its start. */
function slowStore() {
  let version = 0;
  let running = 0;
  let mostAtOnce = 0;
  const waiting: (() => void)[] = [];
  return {
    write() {
      version += 1;
    },
    get version() {
      return version;
    },
    get mostAtOnce() {
      return mostAtOnce;
    },
    started: 0,
    load(): Promise<number> {
      this.started += 1;
      const seen = version;
      running += 1;
      mostAtOnce = Math.max(mostAtOnce, running);
      return new Promise<number>((resolve) => {
        waiting.push(() => {
          running -= 1;
          resolve(seen);
        });
      });
    },
    finishOne(): boolean {
      const next = waiting.shift();
      next?.();
      return next !== undefined;
    },
  };
}

describe("createCoalescedReads", () => {
  it("serves every caller that arrives during a read from one next read", async () => {
    const reads = createCoalescedReads<number>();
    const store = slowStore();
    const first = reads.read("k", () => store.load());
    await settle();
    const later = Array.from({ length: 10 }, () => reads.read("k", () => store.load()));
    await settle();
    expect(store.started).toBe(1);
    store.finishOne();
    await settle();
    expect(store.started).toBe(2);
    store.finishOne();
    expect(await first).toBe(0);
    expect(await Promise.all(later)).toEqual(Array(10).fill(0));
    expect(store.started).toBe(2);
    expect(reads.pending).toBe(0);
  });

  it("never answers a caller with a read that began before it asked", async () => {
    const reads = createCoalescedReads<number>();
    const store = slowStore();
    const first = reads.read("k", () => store.load());
    await settle();
    // A write is acknowledged while the first read is running; a caller asking now must see it.
    store.write();
    const after = reads.read("k", () => store.load());
    store.finishOne();
    await settle();
    store.finishOne();
    expect(await first).toBe(0);
    expect(await after).toBe(1);
  });

  it("keeps keys apart and passes a failed read to its callers only", async () => {
    const reads = createCoalescedReads<string>();
    const failing = reads.read("a", () => Promise.reject(new Error("store down")));
    const other = reads.read("b", () => Promise.resolve("b"));
    await expect(failing).rejects.toThrow("store down");
    expect(await other).toBe("b");
    expect(await reads.read("a", () => Promise.resolve("a again"))).toBe("a again");
    expect(reads.pending).toBe(0);
  });

  it("for any interleaving, answers each caller with a read no older than its call, one read at a time", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("call", "write", "finish"), { maxLength: 40 }),
        async (steps) => {
          const reads = createCoalescedReads<number>();
          const store = slowStore();
          const calls: { asked: number; answer: Promise<number> }[] = [];
          for (const step of steps) {
            if (step === "call")
              calls.push({ asked: store.version, answer: reads.read("k", () => store.load()) });
            else if (step === "write") store.write();
            else store.finishOne();
            await settle();
          }
          while (store.finishOne()) await settle();
          for (const call of calls) expect(await call.answer).toBeGreaterThanOrEqual(call.asked);
          expect(store.mostAtOnce).toBeLessThanOrEqual(1);
          expect(reads.pending).toBe(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
