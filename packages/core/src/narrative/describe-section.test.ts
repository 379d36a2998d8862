import { describe, expect, it } from "vitest";
import { describeSection } from "./describe-section.js";

describe("describeSection", () => {
  it("opens with the counts, then the indicators, then the KPI lists", () => {
    const text = describeSection({
      sectionTitle: "Family Front Door",
      periodLabel: "Q2 2019-20",
      sentences: [
        "Contacts is 1,810 in Q2 2019-20.",
        "  ",
        "SWA completed within 45 working days is 90.0% in Q2 2019-20.",
      ],
      positive: [
        "Contacts resulting in the need for SWA improved significantly: 47.46% in Q2 2019-20 against 41.00% in Q2 2018-19 (+6.46 percentage points).",
        "SWA timeliness",
      ],
      negative: [],
    });
    expect(text).toBe(
      [
        "Family Front Door in Q2 2019-20: 2 positive KPIs and no negative KPIs.",
        "Contacts is 1,810 in Q2 2019-20.",
        "SWA completed within 45 working days is 90.0% in Q2 2019-20.",
        "Positive KPIs: Contacts resulting in the need for SWA improved significantly: 47.46% in Q2 2019-20 against 41.00% in Q2 2018-19 (+6.46 percentage points); SWA timeliness.",
        "Negative KPIs: none.",
      ].join("\n\n"),
    );
  });

  it("uses the singular for one KPI", () => {
    const text = describeSection({
      sectionTitle: "Through Care",
      periodLabel: "Q2 2019-20",
      sentences: [],
      positive: [],
      negative: ["Pathway plans on time."],
    });
    expect(text).toBe(
      "Through Care in Q2 2019-20: no positive KPIs and 1 negative KPI.\n\nPositive KPIs: none.\n\nNegative KPIs: Pathway plans on time.",
    );
  });
});
