/**
 * First start: no default password. While no one has an account, each start prints a one-time
 * setup link; opening it creates the first owner (and offers the bundled examples as a demo
 * organisation). The link's token is stored hashed and works once.
 */
import type { Kysely } from "kysely";
import type { WorkspaceDatabase } from "./db/schema.js";
import { newToken, tokenHash } from "./auth/secrets.js";

export async function hasUsers(db: Kysely<WorkspaceDatabase>): Promise<boolean> {
  return (await db.selectFrom("ws_user").select("id").limit(1).executeTakeFirst()) !== undefined;
}

/** A fresh setup token (earlier unused ones stop working), or undefined once someone has an account. */
export async function newSetupToken(db: Kysely<WorkspaceDatabase>): Promise<string | undefined> {
  if (await hasUsers(db)) return undefined;
  const token = newToken();
  await db.deleteFrom("ws_setup").where("used_at", "is", null).execute();
  await db
    .insertInto("ws_setup")
    .values({ token_hash: tokenHash(token) })
    .execute();
  return token;
}

export async function setupTokenValid(db: Kysely<WorkspaceDatabase>, token: string): Promise<boolean> {
  if (token.length > 100 || (await hasUsers(db))) return false;
  const row = await db.selectFrom("ws_setup").select("used_at").where("token_hash", "=", tokenHash(token)).executeTakeFirst();
  return row !== undefined && row.used_at === null;
}

/** Use the token (once): true when it was valid and unused. */
export async function useSetupToken(db: Kysely<WorkspaceDatabase>, token: string): Promise<boolean> {
  const r = await db
    .updateTable("ws_setup")
    .set({ used_at: new Date() })
    .where("token_hash", "=", tokenHash(token))
    .where("used_at", "is", null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
