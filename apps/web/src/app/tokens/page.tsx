import type { Metadata } from "next";
import { TokenCreateForm } from "../../components/token-create-form";
import { getTokens } from "../../lib/api";
import { canManageTokens, portalRoleOf } from "../../lib/roles";
import { requireSession } from "../../lib/session";
import { revokeTokenAction } from "../actions/tokens";

export const metadata: Metadata = { title: "API tokens" };

const dateTime = (iso: string | null) =>
  iso === null
    ? "–"
    : new Date(iso).toLocaleString("en-GB", {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: "Europe/London",
      });

/** API tokens (admins): create one (the secret is shown once), list them, revoke one. */
export default async function TokensPage() {
  const session = await requireSession();
  if (!canManageTokens(portalRoleOf(session.role))) {
    return (
      <>
        <h1>API tokens</h1>
        <p>Only administrators can manage API tokens.</p>
      </>
    );
  }
  const tokens = (await getTokens()).filter((t) => t.kind === "api");
  return (
    <>
      <h1>API tokens</h1>
      <p className="lede">
        Tokens let scripts post records and read figures. Each belongs to this organisation only.
      </p>
      <h2>Create a token</h2>
      <TokenCreateForm />
      <h2>Tokens</h2>
      {tokens.length === 0 ? (
        <p>There are no API tokens.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">API tokens</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Created</th>
                <th scope="col">By</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{t.role}</td>
                  <td>{dateTime(t.created_at)}</td>
                  <td>{t.created_by}</td>
                  <td>{t.revoked_at === null ? "Active" : `Revoked ${dateTime(t.revoked_at)}`}</td>
                  <td>
                    {t.revoked_at === null ? (
                      <form action={revokeTokenAction}>
                        <input type="hidden" name="id" value={t.id} />
                        <button type="submit" className="warning">
                          Revoke<span className="visually-hidden"> {t.name}</span>
                        </button>
                      </form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
