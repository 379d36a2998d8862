import type { Metadata } from "next";
import Link from "next/link";
import { boundedWait, waitInWords } from "../../lib/page-path";
import { safeReturnPath } from "../../lib/safe-return-path";

export const metadata: Metadata = { title: "Too many requests" };

/**
 * Shown instead of a page when the API turned its reads away because this session asked for more than
 * its allowance in a minute (429): what happened, how long to wait, and a link to try the page again.
 * Nothing is lost: no change is made by a read.
 */
export default async function BusyPage({ searchParams }: PageProps<"/busy">) {
  const query = await searchParams;
  const asked = typeof query.after === "string" && /^\d{1,4}$/.test(query.after) ? Number(query.after) : null;
  const wait = waitInWords(boundedWait(asked));
  const next = safeReturnPath(typeof query.next === "string" ? query.next : null);
  return (
    <>
      <h1>Too many requests for now</h1>
      <p>
        This session asked the reporting service for more than it allows in a minute, so the page could not be
        loaded. Nothing you saved is lost.
      </p>
      <p>Try again in {wait}.</p>
      <p>
        <Link href={next}>Try the page again</Link>
      </p>
    </>
  );
}
