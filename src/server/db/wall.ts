/**
 * Row-level security as a second wall (migration 0002): a read of one organisation's data runs in
 * a transaction as the role xborder_app with `xborder.org` set to that organisation, so the
 * database itself returns none of another organisation's rows — even to a query without its
 * WHERE. Where the role could not be made (a database user without the right), reads run as
 * before: every query names its organisation all the same.
 */
import { type Kysely, sql, type Transaction } from "kysely";
import type { WorkspaceDatabase } from "./schema.js";

const walled = new WeakMap<object, boolean>();

/** At open: whether this connection's user may take the role (then the wall is on). */
export async function detectWall(db: Kysely<WorkspaceDatabase>): Promise<boolean> {
  const r = await sql<{
    ok: boolean;
  }>`select exists (select from pg_roles where rolname = 'xborder_app') and pg_has_role(current_user, 'xborder_app', 'MEMBER') as ok`.execute(
    db,
  );
  const on = r.rows[0]?.ok === true;
  walled.set(db, on);
  return on;
}

export const wallOn = (db: Kysely<WorkspaceDatabase>) => walled.get(db) === true;

/** Run `fn` behind the wall of organisation `orgId` (or directly, where the wall is off or `db` is already a transaction). */
export async function orgScoped<T>(
  db: Kysely<WorkspaceDatabase>,
  orgId: number,
  fn: (db: Kysely<WorkspaceDatabase>) => Promise<T>,
): Promise<T> {
  if (!walled.get(db)) return fn(db);
  return db.transaction().execute(async (tx: Transaction<WorkspaceDatabase>) => {
    // SET LOCAL ROLE and the organisation, in one round trip.
    await sql`select set_config('role', 'xborder_app', true), set_config('xborder.org', ${String(orgId)}, true)`.execute(tx);
    return fn(tx);
  });
}
