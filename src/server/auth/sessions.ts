/**
 * Browser sessions, kept in the database (two server processes share them): the cookie holds a
 * random token, the table its SHA-256 and the session's CSRF token. Signing out deletes the row, so
 * a copied cookie stops working at once; "sign out everywhere" deletes them all.
 */
import type { Kysely } from "kysely";
import type { WorkspaceDatabase } from "../db/schema.js";
import { newToken, tokenHash } from "./secrets.js";

export const SESSION_COOKIE = "xb_session";
export const SESSION_HOURS = 12;

export interface Session {
  userId: number;
  email: string;
  csrf: string;
  tokenHash: string;
}

export async function createSession(db: Kysely<WorkspaceDatabase>, userId: number): Promise<{ token: string; csrf: string }> {
  const token = newToken();
  const csrf = newToken();
  await db
    .insertInto("ws_session")
    .values({ token_hash: tokenHash(token), user_id: userId, csrf, expires_at: new Date(Date.now() + SESSION_HOURS * 3_600_000) })
    .execute();
  return { token, csrf };
}

export async function findSession(db: Kysely<WorkspaceDatabase>, token: string | undefined): Promise<Session | undefined> {
  if (!token || token.length > 100) return undefined;
  const h = tokenHash(token);
  const row = await db
    .selectFrom("ws_session")
    .innerJoin("ws_user", "ws_user.id", "ws_session.user_id")
    .select(["ws_session.user_id", "ws_user.email", "ws_session.csrf", "ws_session.expires_at"])
    .where("ws_session.token_hash", "=", h)
    .executeTakeFirst();
  if (!row || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  return { userId: row.user_id, email: row.email, csrf: row.csrf, tokenHash: h };
}

export const endSession = (db: Kysely<WorkspaceDatabase>, s: Session) =>
  db.deleteFrom("ws_session").where("token_hash", "=", s.tokenHash).execute();
export const endAllSessions = (db: Kysely<WorkspaceDatabase>, userId: number) =>
  db.deleteFrom("ws_session").where("user_id", "=", userId).execute();
