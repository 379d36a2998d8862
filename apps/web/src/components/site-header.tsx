import { signOutAction } from "../app/actions/session";
import { canEdit, canManageTokens, portalRoleOf } from "../lib/roles";
import type { PortalSession } from "../lib/session-cookie";
import { type NavItem, NavLinks } from "./nav-links";

const ROLE_NAMES = { viewer: "Viewer", analyst: "Analyst", admin: "Administrator" } as const;

/**
 * The site header: the service name, the main navigation for the signed-in person's role, who is
 * signed in, and a sign-out button. Signed out, only the service name shows.
 *
 * @param props - `session`: the signed-in person, or `null`
 * @returns the header
 * @example
 * ```tsx
 * <SiteHeader session={await readSession()} />
 * ```
 */
export function SiteHeader({ session }: { session: PortalSession | null }) {
  const role = session === null ? null : portalRoleOf(session.role);
  const items: NavItem[] = [
    { href: "/", label: "Dashboard" },
    { href: "/reports", label: "Quarterly report" },
    ...(role !== null && canEdit(role) ? [{ href: "/targets", label: "Targets" }] : []),
    { href: "/data", label: "Data" },
    { href: "/organisation", label: "Organisation" },
    ...(role !== null && canManageTokens(role)
      ? [
          { href: "/tokens", label: "API tokens" },
          { href: "/users", label: "Users" },
        ]
      : []),
  ];
  return (
    <header className="site-header">
      <a className="service-name" href="/">
        Children&rsquo;s services performance
      </a>
      {session !== null && role !== null ? (
        <>
          <nav className="site-nav" aria-label="Main">
            <NavLinks items={items} />
          </nav>
          <div className="who">
            <span>
              {session.displayName} <span className="visually-hidden">signed in as</span>({ROLE_NAMES[role]})
            </span>
            <form action={signOutAction}>
              <button type="submit" className="button-link">
                Sign out
              </button>
            </form>
          </div>
        </>
      ) : null}
    </header>
  );
}
