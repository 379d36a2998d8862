import { renderToReadableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";
import BusyPage from "./page";

async function text(query: Record<string, string>): Promise<string> {
  const element = await BusyPage({
    params: Promise.resolve({}),
    searchParams: Promise.resolve(query),
  } as unknown as PageProps<"/busy">);
  const stream = await renderToReadableStream(element);
  await stream.allReady;
  return new Response(stream).text();
}

describe("the busy page", () => {
  it("says in words what happened, when to try again, and links back to the page", async () => {
    const html = await text({ after: "42", next: "/targets?fy=FY2019-20" });
    expect(html).toContain("Too many requests for now");
    expect(html).toContain("Try again in <!-- -->42 seconds");
    expect(html).toContain('href="/targets?fy=FY2019-20"');
    expect(html).not.toContain("problem with the service");
  });

  it("never links off the site, and says a minute without a wait", async () => {
    const html = await text({ next: "//evil.example" });
    expect(html).toContain("1 minute");
    expect(html).toContain('href="/"');
  });
});
