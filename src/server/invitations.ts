/**
 * Adding a member is an invitation: the owner names an e-mail and a role (viewer unless chosen) and
 * gets a one-time link (valid 7 days) to pass on; the person opens it and accepts — signing in with
 * their password, or choosing one if they have no account. No one is attached to an organisation
 * without accepting, and the owner's answer is the same whether the e-mail has an account or not.
 */
import type { Kysely } from "kysely";
import { newToken, tokenHash } from "./auth/secrets.js";
import type { Role, WorkspaceDatabase } from "./db/schema.js";

export const INVITATION_DAYS = 7;

export async function invite(
  db: Kysely<WorkspaceDatabase>,
  o: { orgId: number; email: string; role: Role; by: string },
): Promise<{ token: string; expiresAt: string }> {
  const token = newToken("xbi_");
  const expires = new Date(Date.now() + INVITATION_DAYS * 86_400_000);
  await db
    .insertInto("ws_invitation")
    .values({ org_id: o.orgId, email: o.email, role: o.role, token_hash: tokenHash(token), created_by: o.by, expires_at: expires })
    .execute();
  return { token, expiresAt: expires.toISOString() };
}

export interface Invitation {
  id: number;
  orgId: number;
  orgSlug: string;
  orgName: string;
  email: string;
  role: Role;
}

/** An open invitation (not accepted, not expired), by its link's token. */
export async function openInvitation(db: Kysely<WorkspaceDatabase>, token: string): Promise<Invitation | undefined> {
  if (!/^xbi_[\w-]{20,100}$/.test(token)) return undefined;
  const r = await db
    .selectFrom("ws_invitation")
    .innerJoin("ws_org", "ws_org.id", "ws_invitation.org_id")
    .select(["ws_invitation.id", "ws_invitation.org_id", "ws_org.slug", "ws_org.name", "ws_invitation.email", "ws_invitation.role"])
    .where("ws_invitation.token_hash", "=", tokenHash(token))
    .where("ws_invitation.accepted_at", "is", null)
    .where("ws_invitation.expires_at", ">", new Date())
    .executeTakeFirst();
  return r && { id: r.id, orgId: r.org_id, orgSlug: r.slug, orgName: r.name, email: r.email, role: r.role };
}

/** Accept once: the person becomes a member with the invited role (a member already keeps theirs). */
export async function acceptInvitation(db: Kysely<WorkspaceDatabase>, inv: Invitation, userId: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const used = await tx
      .updateTable("ws_invitation")
      .set({ accepted_at: new Date() })
      .where("id", "=", inv.id)
      .where("accepted_at", "is", null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    const had = await tx
      .selectFrom("ws_member")
      .select("role")
      .where("org_id", "=", inv.orgId)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!had) await tx.insertInto("ws_member").values({ org_id: inv.orgId, user_id: userId, role: inv.role }).execute();
    return true;
  });
}
