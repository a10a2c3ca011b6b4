/** Organisations (tenants), people and their roles. Every query names the organisation. */
import type { Kysely } from "kysely";
import { newToken } from "./auth/secrets.js";
import { hashPassword } from "./auth/passwords.js";
import { type Role, ROLES, type WorkspaceDatabase } from "./db/schema.js";

/** What each role may do (issue 16): owner everything; editor the data; auditor the log; viewer reads. */
export const PERMISSIONS = {
  read: ["owner", "editor", "viewer", "auditor"],
  write: ["owner", "editor"],
  audit: ["owner", "auditor"],
  admin: ["owner"],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const can = (role: Role, p: Permission) => (PERMISSIONS[p] as readonly Role[]).includes(role);
export const isRole = (r: unknown): r is Role => typeof r === "string" && (ROLES as readonly string[]).includes(r);

export interface Org {
  id: number;
  slug: string;
  name: string;
}

export class InputProblem extends Error {
  override name = "InputProblem";
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export const normalEmail = (e: unknown): string => {
  if (typeof e !== "string") throw new InputProblem("expected an e-mail address", "email");
  const t = e.trim().toLowerCase();
  if (t.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(t)) throw new InputProblem("expected an e-mail address", "email");
  return t;
};

export async function createUser(db: Kysely<WorkspaceDatabase>, email: string, password: string): Promise<number> {
  const exists = await db.selectFrom("ws_user").select("id").where("email", "=", email).executeTakeFirst();
  if (exists) throw new InputProblem("a person with this e-mail already exists", "email");
  const row = await db
    .insertInto("ws_user")
    .values({ email, password_hash: await hashPassword(password) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

function slugOf(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return ascii || "org";
}

export async function createOrg(db: Kysely<WorkspaceDatabase>, name: string, ownerId: number, slugHint?: string): Promise<Org> {
  const clean = name.trim();
  if (!clean || clean.length > 200) throw new InputProblem("expected a name of 1–200 characters", "name");
  const base = slugOf(slugHint ?? clean);
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await db.selectFrom("ws_org").select("id").where("slug", "=", slug).executeTakeFirst();
    if (taken) continue;
    const org = await db
      .insertInto("ws_org")
      .values({ slug, name: clean, feed_secret: newToken() })
      .returning(["id", "slug", "name"])
      .executeTakeFirstOrThrow();
    await db.insertInto("ws_member").values({ org_id: org.id, user_id: ownerId, role: "owner" }).execute();
    return org;
  }
}

export async function orgsOf(db: Kysely<WorkspaceDatabase>, userId: number): Promise<(Org & { role: Role })[]> {
  return db
    .selectFrom("ws_member")
    .innerJoin("ws_org", "ws_org.id", "ws_member.org_id")
    .select(["ws_org.id", "ws_org.slug", "ws_org.name", "ws_member.role"])
    .where("ws_member.user_id", "=", userId)
    .orderBy("ws_org.name")
    .execute();
}

/** The organisation `slug` as `userId` sees it, or undefined — whether it does not exist or they are not a member (both answer 404). */
export async function membership(db: Kysely<WorkspaceDatabase>, userId: number, slug: string): Promise<(Org & { role: Role }) | undefined> {
  return db
    .selectFrom("ws_member")
    .innerJoin("ws_org", "ws_org.id", "ws_member.org_id")
    .select(["ws_org.id", "ws_org.slug", "ws_org.name", "ws_member.role"])
    .where("ws_member.user_id", "=", userId)
    .where("ws_org.slug", "=", slug)
    .executeTakeFirst();
}

export const orgById = (db: Kysely<WorkspaceDatabase>, id: number) =>
  db.selectFrom("ws_org").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();

export async function members(db: Kysely<WorkspaceDatabase>, orgId: number) {
  return db
    .selectFrom("ws_member")
    .innerJoin("ws_user", "ws_user.id", "ws_member.user_id")
    .select(["ws_user.id", "ws_user.email", "ws_member.role"])
    .where("ws_member.org_id", "=", orgId)
    .orderBy("ws_user.email")
    .execute();
}

/** A member's new role (false when the person is not a member); the last owner keeps the role. */
export async function setRole(db: Kysely<WorkspaceDatabase>, orgId: number, userId: number, role: Role): Promise<boolean> {
  const had = await db.selectFrom("ws_member").select("role").where("org_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
  if (!had) return false;
  if (had.role === "owner" && role !== "owner")
    await keepAnOwner(db, orgId, userId, "the last owner cannot give up the owner role", "role");
  await db.updateTable("ws_member").set({ role }).where("org_id", "=", orgId).where("user_id", "=", userId).execute();
  return true;
}

/** An organisation always keeps an owner: refused when `userId` is its only one. */
async function keepAnOwner(db: Kysely<WorkspaceDatabase>, orgId: number, userId: number, message: string, field: string): Promise<void> {
  const owners = await db.selectFrom("ws_member").select("user_id").where("org_id", "=", orgId).where("role", "=", "owner").execute();
  if (owners.length === 1 && owners[0]?.user_id === userId) throw new InputProblem(message, field);
}

export async function removeMember(db: Kysely<WorkspaceDatabase>, orgId: number, userId: number): Promise<boolean> {
  await keepAnOwner(db, orgId, userId, "the last owner cannot be removed", "user");
  const r = await db.deleteFrom("ws_member").where("org_id", "=", orgId).where("user_id", "=", userId).executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) return false;
  await rotateFeed(db, orgId); // a member who leaves keeps no working calendar link
  return true;
}

/** A new secret for the organisation's calendar feed: the old link stops working. */
export async function rotateFeed(db: Kysely<WorkspaceDatabase>, orgId: number): Promise<void> {
  await db.updateTable("ws_org").set({ feed_secret: newToken() }).where("id", "=", orgId).execute();
}
