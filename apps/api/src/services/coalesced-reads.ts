/** Reads of the same key shared between concurrent callers, never older than the caller (decision 114). */
export interface CoalescedReads<T> {
  /**
   * The result of a `load` that started after this call: when no load of `key` is running, one starts
   * now; when one is running (it started before this call, so it may miss a write the caller has just
   * seen acknowledged), the caller waits for the next one, which every caller arriving meanwhile shares.
   */
  read(key: string, load: () => Promise<T>): Promise<T>;
  /** How many keys have a load running or waiting. */
  readonly pending: number;
}

interface Slot<T> {
  running: Promise<T> | null;
  queued: Promise<T> | null;
}

/**
 * Creates a set of coalesced reads: however many requests ask for the same key at once, at most one
 * load runs and one waits, and each caller still sees a read that began after it asked, so a write
 * acknowledged before the call is always seen.
 *
 * @returns the reads
 * @example
 * ```ts
 * const reads = createCoalescedReads<number>();
 * const version = await reads.read("default", () => readDataVersion(db, "default"));
 * ```
 */
export function createCoalescedReads<T>(): CoalescedReads<T> {
  const slots = new Map<string, Slot<T>>();

  const launch = (key: string, slot: Slot<T>, load: () => Promise<T>): Promise<T> => {
    const running = Promise.resolve().then(load);
    slot.running = running;
    const settle = () => {
      if (slot.running !== running) return;
      slot.running = null;
      if (slot.queued === null) slots.delete(key);
    };
    running.then(settle, settle);
    return running;
  };

  return {
    read(key, load) {
      let slot = slots.get(key);
      if (slot === undefined) {
        slot = { running: null, queued: null };
        slots.set(key, slot);
      }
      if (slot.queued !== null) return slot.queued;
      const running = slot.running;
      if (running === null) return launch(key, slot, load);
      const current = slot;
      const queued = running.then(
        () => undefined,
        () => undefined,
      );
      current.queued = queued.then(() => {
        current.queued = null;
        return launch(key, current, load);
      });
      return current.queued;
    },
    get pending() {
      return slots.size;
    },
  };
}
