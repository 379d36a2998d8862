import type { TokenInfo } from "@kpi/contract";
import type { Metadata } from "next";
import { DataTable, type DataTableColumn } from "../../components/data-table";
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

const TOKEN_COLUMNS: DataTableColumn<TokenInfo>[] = [
  { key: "name", header: "Name", cell: (t) => t.name },
  { key: "role", header: "Role", cell: (t) => t.role },
  { key: "created", header: "Created", cell: (t) => dateTime(t.created_at) },
  { key: "by", header: "By", cell: (t) => t.created_by },
  {
    key: "status",
    header: "Status",
    cell: (t) => (t.revoked_at === null ? "Active" : `Revoked ${dateTime(t.revoked_at)}`),
  },
  {
    key: "action",
    header: <span className="visually-hidden">Action</span>,
    cell: (t) =>
      t.revoked_at === null ? (
        <form action={revokeTokenAction}>
          <input type="hidden" name="id" value={t.id} />
          <button type="submit" className="warning">
            Revoke<span className="visually-hidden"> {t.name}</span>
          </button>
        </form>
      ) : null,
  },
];

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
        <DataTable
          caption="API tokens"
          hideCaption
          columns={TOKEN_COLUMNS}
          rows={tokens}
          rowKey={(t) => t.id}
        />
      )}
    </>
  );
}
