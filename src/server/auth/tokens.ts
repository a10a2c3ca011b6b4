/** API tokens for scripts and CI: per organisation, with a role and an expiry, stored hashed. */
import type { Kysely } from "kysely";
import type { Role, WorkspaceDatabase } from "../db/schema.js";
import { newToken, tokenHash } from "./secrets.js";

export const TOKEN_PREFIX = "xbt_";

export interface TokenAuth {
  orgId: number;
  /** The token's organisation, read with it (one query a request). */
  org: { id: number; slug: string; name: string };
  role: Role;
  name: string;
  expiresAt: string;
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
    .innerJoin("ws_org", "ws_org.id", "ws_token.org_id")
    .select([
      "ws_token.org_id",
      "ws_token.role",
      "ws_token.name",
      "ws_token.expires_at",
      "ws_token.revoked_at",
      "ws_org.slug",
      "ws_org.name as org_name",
    ])
    .where("ws_token.token_hash", "=", tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null || new Date(row.expires_at).getTime() <= Date.now()) return undefined;
  return {
    orgId: row.org_id,
    org: { id: row.org_id, slug: row.slug, name: row.org_name },
    role: row.role,
    name: row.name,
    expiresAt: new Date(row.expires_at).toISOString(),
  };
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
