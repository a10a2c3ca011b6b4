/** Sign-in rate limiting, in the database (shared by server processes): failures per e-mail and per address. */
import { sql, type Kysely } from "kysely";
import type { WorkspaceDatabase } from "../db/schema.js";

export const WINDOW_MINUTES = 15;
export const MAX_PER_EMAIL = 5;
export const MAX_PER_ADDRESS = 20;

const since = () => new Date(Date.now() - WINDOW_MINUTES * 60_000);

export async function signInBlocked(db: Kysely<WorkspaceDatabase>, email: string, address: string): Promise<boolean> {
  const rows = await db
    .selectFrom("ws_signin_failure")
    .select(["key", sql<number>`count(*)::int`.as("n")])
    .where("key", "in", [`email:${email}`, `addr:${address}`])
    .where("at", ">", since())
    .groupBy("key")
    .execute();
  const n = (k: string) => rows.find((r) => r.key === k)?.n ?? 0;
  return n(`email:${email}`) >= MAX_PER_EMAIL || n(`addr:${address}`) >= MAX_PER_ADDRESS;
}

export async function recordFailure(db: Kysely<WorkspaceDatabase>, email: string, address: string): Promise<void> {
  await db
    .insertInto("ws_signin_failure")
    .values([{ key: `email:${email}` }, { key: `addr:${address}` }])
    .execute();
  await db
    .deleteFrom("ws_signin_failure")
    .where("at", "<", new Date(Date.now() - 24 * 3_600_000))
    .execute();
}
