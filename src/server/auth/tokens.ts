/** API tokens for scripts and CI: per organisation, with a role and an expiry, stored hashed. */
import type { Kysely } from "kysely";
import type { Role, WorkspaceDatabase } from "../db/schema.js";
import { newToken, tokenHash } from "./secrets.js";

export const TOKEN_PREFIX = "xbt_";

export interface TokenAuth {
  orgId: number;
  role: Role;
  name: string;
}

export async function createApiToken(
  db: Kysely<WorkspaceDatabase>,
  t: { orgId: number; name: string; role: Role; days: number; createdBy: number },
): Promise<{ token: string; id: number; expiresAt: string }> {
  const token = newToken(TOKEN_PREFIX);
  const expires = new Date(Date.now() + t.days * 86_400_000);
  const row = await db
    .insertInto("ws_token")
    .values({ org_id: t.orgId, name: t.name, token_hash: tokenHash(token), role: t.role, expires_at: expires, created_by: t.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { token, id: row.id, expiresAt: expires.toISOString() };
}

export async function findApiToken(db: Kysely<WorkspaceDatabase>, token: string): Promise<TokenAuth | undefined> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 100) return undefined;
  const row = await db
    .selectFrom("ws_token")
    .select(["org_id", "role", "name", "expires_at", "revoked_at"])
    .where("token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  return { orgId: row.org_id, role: row.role, name: row.name };
}

export async function listApiTokens(db: Kysely<WorkspaceDatabase>, orgId: number) {
  return db
    .selectFrom("ws_token")
    .select(["id", "name", "role", "expires_at", "created_at", "revoked_at"])
    .where("org_id", "=", orgId)
    .orderBy("id")
    .execute();
}

export const revokeApiToken = (db: Kysely<WorkspaceDatabase>, orgId: number, id: number) =>
  db
    .updateTable("ws_token")
    .set({ revoked_at: new Date() })
    .where("org_id", "=", orgId)
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .executeTakeFirst();
