import type { Metadata } from "next";
import { SignInForm } from "../../components/sign-in-form";
import { safeReturnPath } from "../../lib/safe-return-path";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  expired: "Your session has ended. Sign in again to carry on.",
  "signed-out": "You have signed out.",
  role: "Your session does not allow that page. Sign in again to carry on.",
  organisation: "Sign in again to see your organisation.",
};

/**
 * The sign-in page. Staff sign in with the username and password the API holds for them; the
 * sign-in is one server action so another identity provider (OpenID Connect) can replace it later
 * without touching the pages.
 */
export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const params = await searchParams;
  const next = safeReturnPath(typeof params.next === "string" ? params.next : undefined);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  return (
    <>
      <h1>Sign in</h1>
      {reason === undefined ? null : (
        <p className="notice" role="status">
          {reason}
        </p>
      )}
      <p className="lede">
        Sign in with your council account to see and edit the quarterly performance report.
      </p>
      <SignInForm next={next} />
    </>
  );
}
