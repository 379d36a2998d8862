import type { Metadata } from "next";
import type { ReactNode } from "react";
import { SiteHeader } from "../components/site-header";
import { readSession } from "../lib/session";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Children’s services performance", template: "%s – Children’s services performance" },
  description: "Quarterly performance reporting for children’s social care",
  robots: { index: false, follow: false },
};

/**
 * The page frame: skip link, header with navigation, the page in `<main>`, and a footer.
 *
 * @param props - `children`: the page
 * @returns the document
 */
export default async function RootLayout({ children }: { children: ReactNode }) {
  const session = await readSession();
  return (
    <html lang="en-GB">
      <body>
        <a className="skip-link" href="#main">
          Skip to main content
        </a>
        <SiteHeader session={session} />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Official – sensitive. Figures are computed from the authority&rsquo;s records; counts from 1 to 5
            are suppressed in downloads.
          </p>
        </footer>
      </body>
    </html>
  );
}
