/** Inviting a member and changing a role, as the API and the pages do them (with their audit entries). */
import { appendAudit } from "./audit.js";
import type { Access, Ctx } from "./context.js";
import { notFound } from "./context.js";
import type { Role } from "./db/schema.js";
import { invite } from "./invitations.js";
import { setRole } from "./orgs.js";

/** An invitation's link (the same answer whether the e-mail has an account or not). */
export async function inviteMember(c: Ctx, a: Access, email: string, role: Role): Promise<{ url: string; expiresAt: string }> {
  const db = c.var.deps.ws.db;
  const inv = await invite(db, { orgId: a.org.id, email, role, by: a.actor });
  await appendAudit(db, { orgId: a.org.id, actor: a.actor, action: "member.invite", target: `${email} as ${role}` });
  return { url: `${new URL(c.req.url).origin}/invite/${inv.token}`, expiresAt: inv.expiresAt };
}

export async function changeRole(c: Ctx, a: Access, userId: number, role: Role): Promise<void> {
  const db = c.var.deps.ws.db;
  if (!(await setRole(db, a.org.id, userId, role))) throw notFound();
  await appendAudit(db, { orgId: a.org.id, actor: a.actor, action: "member.role", target: `user ${userId} as ${role}` });
}
