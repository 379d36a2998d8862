import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthorityForm } from "../../components/authority-form";
import { getOrganisation } from "../../lib/api";
import { canManageTokens, portalRoleOf } from "../../lib/roles";
import { requireSession } from "../../lib/session";
import { clearAuthorityAction } from "../actions/organisation";

export const metadata: Metadata = { title: "Organisation" };

/**
 * The signed-in person's organisation and the local authority it is: its name, both codes and its
 * region, as DfE's published statistics give them. Administrators set or remove the authority here.
 */
export default async function OrganisationPage() {
  const session = await requireSession();
  // Sessions begun before the portal kept the organisation do not know it: signing in again does.
  if (session.organisation === undefined) redirect("/signin?reason=organisation&next=/organisation");
  const organisation = await getOrganisation(session.organisation);
  const authority = organisation.authority;
  const admin = canManageTokens(portalRoleOf(session.role));
  return (
    <>
      <h1>Organisation</h1>
      <p className="lede">
        {organisation.name} (<code>{organisation.id}</code>)
      </p>
      <section aria-labelledby="authority-heading">
        <h2 id="authority-heading">Local authority</h2>
        {authority === null ? (
          <p>
            The local authority this organisation is has not been set
            {admin ? "." : ": an administrator can set it."}
          </p>
        ) : (
          <dl className="definition">
            <dt>Name</dt>
            <dd>{authority.la_name}</dd>
            <dt>Local-authority code</dt>
            <dd>
              <code>{authority.old_la_code}</code>
            </dd>
            <dt>Nine-character code</dt>
            <dd>
              <code>{authority.new_la_code}</code>
            </dd>
            <dt>Region</dt>
            <dd>
              {authority.region_name} (<code>{authority.region_code}</code>)
            </dd>
          </dl>
        )}
      </section>
      {admin ? (
        <section aria-labelledby="set-authority-heading">
          <h2 id="set-authority-heading">{authority === null ? "Set" : "Change"} the local authority</h2>
          <AuthorityForm current={authority?.old_la_code ?? null} />
          {authority === null ? null : (
            <form action={clearAuthorityAction}>
              <button type="submit" className="warning">
                Remove the local authority
              </button>
            </form>
          )}
        </section>
      ) : null}
    </>
  );
}
