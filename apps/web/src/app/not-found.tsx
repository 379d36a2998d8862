import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

/** Shown for an unknown page, indicator or quarter. */
export default function NotFound() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page, indicator or quarter at this address. Check it, or start again from the dashboard.
      </p>
      <p>
        <Link href="/">Go to the dashboard</Link>
      </p>
    </>
  );
}
