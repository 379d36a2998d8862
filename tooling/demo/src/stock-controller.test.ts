import { describe, expect, it } from "vitest";
import { DemoCalendar } from "./calendar.js";
import { Random } from "./random.js";
import { simulateStock } from "./stock-controller.js";

describe("simulateStock", () => {
  it("holds the open count at the target at the end of every working day", () => {
    const cal = new DemoCalendar("FY2018-19", "FY2018-19-Q4");
    const rng = new Random(5);
    const spells: { start: number; end: number }[] = [];
    const target = (day: number): number => 100 + (day - cal.first) / 10;
    simulateStock({
      calendar: cal,
      target,
      openInitial: (n) =>
        Array.from({ length: n }, () => {
          const end = cal.first + rng.int(0, 200);
          spells.push({ start: cal.first - 10, end });
          return end;
        }),
      open: (day) => {
        const end = day + 1 + rng.int(0, 150);
        spells.push({ start: day, end });
        return end;
      },
    });
    expect(spells.filter((s) => s.start < cal.first)).toHaveLength(100);
    for (let day = cal.first; day <= cal.last; day++) {
      if (!cal.isWorkingDay(day)) continue;
      const open = spells.filter((s) => s.start <= day && s.end > day).length;
      expect(open).toBe(Math.round(target(day)));
    }
  });
});
