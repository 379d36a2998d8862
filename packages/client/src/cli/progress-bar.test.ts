import { describe, expect, it } from "vitest";
import { createProgressBar } from "./progress-bar.js";

function stream(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (t: string) => out.push(t) } };
}

describe("createProgressBar", () => {
  it("draws the share done in place on a terminal", () => {
    const s = stream(true);
    const bar = createProgressBar(s.stream, 10_000, "rows");
    bar.update(5_000);
    bar.done();
    expect(s.out).toEqual([`\r[${"#".repeat(15)}${" ".repeat(15)}] 5,000 / 10,000 rows`, "\n"]);
  });

  it("draws nothing when output is redirected", () => {
    const s = stream(false);
    const bar = createProgressBar(s.stream, 10, "rows");
    bar.update(5);
    bar.done();
    expect(s.out).toEqual([]);
  });
});
