/** What every ingestion event carries: the organisation whose data a batch writes. */
export interface BatchEvent {
  /** The organisation of the batch. */
  readonly organisationId: string;
}

/**
 * The events of a batch (posted records, a deleted record, a statutory import), in order:
 * `batchStarted` before any work; `batchCommitted` once its transaction committed and changed the
 * organisation's data (not for a replayed retry, a dry run or a rejected batch); `batchEnded` last,
 * whatever the outcome.
 */
export type BatchEventName = "batchStarted" | "batchCommitted" | "batchEnded";

/** A listener of {@link IngestionEvents}; what it throws is reported to `onListenerError`, never to the batch. */
export type BatchListener = (event: BatchEvent) => void;

/** The ingestion service's events, which other services listen to (the report warm-up, decision 118). */
export interface IngestionEvents {
  /**
   * Listens to one event.
   *
   * @returns a function that stops listening
   */
  on(name: BatchEventName, listener: BatchListener): () => void;
  /** Tells every listener of `name`, in the order they started listening. */
  emit(name: BatchEventName, event: BatchEvent): void;
}

/**
 * Makes the event hub of one app's ingestion service. A listener's error never reaches the batch
 * that emitted the event (its response is already decided): it goes to `onListenerError`.
 *
 * @param onListenerError - called with what a listener threw
 * @returns the hub
 * @example
 * ```ts
 * const events = createIngestionEvents(() => undefined);
 * const seen: string[] = [];
 * events.on("batchCommitted", ({ organisationId }) => seen.push(organisationId));
 * events.emit("batchCommitted", { organisationId: "default" });
 * seen; // ["default"]
 * ```
 */
export function createIngestionEvents(onListenerError: (error: unknown) => void): IngestionEvents {
  const listeners = new Map<BatchEventName, BatchListener[]>();
  return {
    on(name, listener) {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
      return () => {
        listeners.set(
          name,
          (listeners.get(name) ?? []).filter((l) => l !== listener),
        );
      };
    },
    emit(name, event) {
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(event);
        } catch (error) {
          onListenerError(error);
        }
      }
    },
  };
}
