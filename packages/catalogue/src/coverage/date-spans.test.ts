import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeSpans, spansCover, spansTouch, unionSpans } from "./date-spans.js";

const y1718 = { from: "2017-04-01", to: "2018-03-31" };
const y1819 = { from: "2018-04-01", to: "2019-03-31" };

describe("unionSpans", () => {
  it("joins overlapping and adjacent spans and keeps gaps", () => {
    expect(unionSpans([y1819, y1718])).toEqual([{ from: "2017-04-01", to: "2019-03-31" }]);
    expect(unionSpans([y1718, { from: "2018-04-02", to: "2018-04-30" }])).toEqual([
      y1718,
      { from: "2018-04-02", to: "2018-04-30" },
    ]);
    expect(unionSpans([y1718, { from: "2017-06-01", to: "2017-06-30" }])).toEqual([y1718]);
    expect(unionSpans([])).toEqual([]);
  });

  it("covers a day exactly when one of the spans holds it (property)", () => {
    const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2019, 0, 1 + n)).toISOString().slice(0, 10));
    const span = fc.tuple(day, day).map(([a, b]) => (a <= b ? { from: a, to: b } : { from: b, to: a }));
    fc.assert(
      fc.property(fc.array(span, { maxLength: 6 }), day, (spans, d) => {
        const inAny = spans.some((s) => s.from <= d && d <= s.to);
        expect(spansCover(unionSpans(spans), { from: d, to: d })).toBe(inAny);
      }),
    );
  });
});

describe("spansCover and spansTouch", () => {
  const covered = unionSpans([y1718, y1819]);
  it("needs every day for cover, one day for touch", () => {
    expect(spansCover(covered, { from: "2017-04-01", to: "2019-03-31" })).toBe(true);
    expect(spansCover(covered, { from: "2017-03-31", to: "2017-04-01" })).toBe(false);
    expect(spansTouch(covered, { from: "2017-03-31", to: "2017-04-01" })).toBe(true);
    expect(spansTouch(covered, { from: "2019-04-01", to: "2019-06-30" })).toBe(false);
  });
});

describe("describeSpans", () => {
  it("lists spans in running text", () => {
    expect(describeSpans([y1718])).toBe("1 Apr 2017 – 31 Mar 2018");
    expect(describeSpans([y1718, y1819, { from: "2019-09-30", to: "2019-09-30" }])).toBe(
      "1 Apr 2017 – 31 Mar 2018, 1 Apr 2018 – 31 Mar 2019 and 30 Sep 2019",
    );
  });
});
