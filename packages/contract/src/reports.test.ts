import { describe, expect, it } from "vitest";
import {
  analysisBodySchema,
  analysisHistorySchema,
  analysisVersionBodySchema,
  sectionParamsSchema,
} from "./reports.js";

describe("analysis text", () => {
  it("is trimmed, and blank text is refused", () => {
    expect(analysisBodySchema.parse({ text: "\n  Contacts rose by 8%.  \n" })).toEqual({
      text: "Contacts rose by 8%.",
    });
    expect(analysisBodySchema.safeParse({ text: " \n\t " }).success).toBe(false);
  });

  it("accepts 50,000 characters and refuses one more", () => {
    expect(analysisBodySchema.safeParse({ text: "a".repeat(50_000) }).success).toBe(true);
    expect(analysisBodySchema.safeParse({ text: "a".repeat(50_001) }).success).toBe(false);
  });

  it("refuses an author sent by the caller (the API records who wrote it)", () => {
    expect(analysisBodySchema.safeParse({ text: "ok", author: "someone else" }).success).toBe(false);
  });
});

describe("section paths and history", () => {
  it("bounds the period and section ids", () => {
    expect(sectionParamsSchema.safeParse({ period: "FY2019-20-Q2", section: "x".repeat(50) }).success).toBe(
      true,
    );
    expect(sectionParamsSchema.safeParse({ period: "FY2019-20-Q2", section: "x".repeat(51) }).success).toBe(
      false,
    );
    expect(sectionParamsSchema.safeParse({ period: "", section: "front_door" }).success).toBe(false);
  });

  it("names the version to revert to or approve, a positive whole number and nothing else", () => {
    expect(analysisVersionBodySchema.parse({ version: 12 })).toEqual({ version: 12 });
    for (const body of [{ version: 1.5 }, { version: -1 }, {}, { version: 1, approved_by: "me" }])
      expect(analysisVersionBodySchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
  });

  it("lists each version with its number, author by display name, time, revert and approval", () => {
    const history = {
      period: "FY2019-20-Q2",
      section: "front_door",
      history: [
        {
          version: 2,
          period: "FY2019-20-Q2",
          section: "front_door",
          text: "v1",
          author: "Bea Analyst",
          updated_at: "2019-10-02T10:00:00Z",
          reverted_from: 1,
          approval: { approved_by: "Max Manager", approved_at: "2019-10-03T09:00:00Z" },
        },
        {
          version: 1,
          period: "FY2019-20-Q2",
          section: "front_door",
          text: "v1",
          author: "Ann Analyst",
          updated_at: "2019-10-01T10:00:00Z",
          reverted_from: null,
          approval: null,
        },
      ],
    };
    expect(analysisHistorySchema.parse(history)).toEqual(history);
  });
});
