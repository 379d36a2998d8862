import type { SessionInfo, User } from "@kpi/contract";
import type { Metadata } from "next";
import { DataTable, type DataTableColumn } from "../../components/data-table";
import { getSessions, getUsers } from "../../lib/api";
import { canManageTokens, portalRoleOf } from "../../lib/roles";
import { requireSession } from "../../lib/session";
import { endSessionAction, setUserDisabledAction } from "../actions/users";

export const metadata: Metadata = { title: "Users" };

const dateTime = (iso: string) =>
  new Date(iso).toLocaleString("en-GB", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/London",
  });

function userColumns(self: string): DataTableColumn<User>[] {
  return [
    { key: "username", header: "Username", cell: (u) => u.username },
    { key: "name", header: "Name", cell: (u) => u.display_name },
    { key: "role", header: "Role", cell: (u) => u.role },
    {
      key: "status",
      header: "Status",
      cell: (u) => (u.disabled_at === null ? "Active" : `Disabled ${dateTime(u.disabled_at)}`),
    },
    {
      key: "action",
      header: <span className="visually-hidden">Action</span>,
      cell: (u) =>
        u.username === self ? null : (
          <form action={setUserDisabledAction}>
            <input type="hidden" name="id" value={u.id} />
            <input type="hidden" name="disabled" value={u.disabled_at === null ? "true" : "false"} />
            <button type="submit" className={u.disabled_at === null ? "warning" : undefined}>
              {u.disabled_at === null ? "Disable" : "Enable"}
              <span className="visually-hidden"> {u.username}</span>
            </button>
          </form>
        ),
    },
  ];
}

const SESSION_COLUMNS: DataTableColumn<SessionInfo>[] = [
  { key: "who", header: "Signed in", cell: (s) => `${s.display_name} (${s.username})` },
  { key: "since", header: "Since", cell: (s) => dateTime(s.created_at) },
  { key: "until", header: "Ends", cell: (s) => dateTime(s.expires_at) },
  {
    key: "action",
    header: <span className="visually-hidden">Action</span>,
    cell: (s) => (
      <form action={endSessionAction}>
        <input type="hidden" name="id" value={s.id} />
        <button type="submit" className="warning">
          End session<span className="visually-hidden"> of {s.username}</span>
        </button>
      </form>
    ),
  },
];

/**
 * Staff users (admins): who may sign in, disabling a user (which ends their sessions at once on every
 * API instance) or enabling them again, and the live sessions, each of which can be ended.
 */
export default async function UsersPage() {
  const session = await requireSession();
  if (!canManageTokens(portalRoleOf(session.role))) {
    return (
      <>
        <h1>Users</h1>
        <p>Only administrators can manage users.</p>
      </>
    );
  }
  const [users, sessions] = await Promise.all([getUsers(), getSessions()]);
  return (
    <>
      <h1>Users</h1>
      <p className="lede">
        Staff who can sign in to this organisation&rsquo;s reports. Disabling someone signs them out
        everywhere at once.
      </p>
      <DataTable
        caption="Users"
        hideCaption
        columns={userColumns(session.username)}
        rows={users}
        rowKey={(u) => u.id}
      />
      <h2>Signed in now</h2>
      {sessions.length === 0 ? (
        <p>Nobody is signed in.</p>
      ) : (
        <DataTable
          caption="Live sessions"
          hideCaption
          columns={SESSION_COLUMNS}
          rows={sessions}
          rowKey={(s) => s.id}
        />
      )}
    </>
  );
}
