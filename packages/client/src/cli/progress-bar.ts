import type { OutputStream } from "./cli-io.js";

/** A progress bar: call `update` with rows done, `done` at the end. */
export interface ProgressBar {
  update(done: number): void;
  done(): void;
}

const WIDTH = 30;

/**
 * A one-line progress bar on a stream, redrawn in place (`\r`). It draws only when the stream is a
 * terminal, so redirected output and logs stay clean.
 *
 * @param stream - where to draw (standard error)
 * @param total - rows in all
 * @param label - what is counted, e.g. `children`
 * @returns the bar
 * @example
 * ```ts
 * const bar = createProgressBar(process.stderr, 25_000, "contacts");
 * bar.update(5_000); // [######                        ] 5,000 / 25,000 contacts
 * bar.done();
 * ```
 */
export function createProgressBar(stream: OutputStream, total: number, label: string): ProgressBar {
  const active = stream.isTTY === true;
  let drawn = false;
  return {
    update(done) {
      if (!active) return;
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const filled = Math.round(share * WIDTH);
      stream.write(
        `\r[${"#".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} ${label}`,
      );
      drawn = true;
    },
    done() {
      if (active && drawn) stream.write("\n");
    },
  };
}
