/** What every request handler can reach: the database, the ledgers, the jobs; and who is asking. */
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import type { Lang } from "../law/index.js";
import type { Session } from "./auth/sessions.js";
import type { Form } from "./body.js";
import type { ServerConfig } from "./config.js";
import type { TokenAuth } from "./auth/tokens.js";
import type { WorkspaceDb } from "./db/open.js";
import type { Role } from "./db/schema.js";
import type { WorkspaceCache } from "./cache.js";
import type { Jobs } from "./jobs.js";
import type { PdfPrinter } from "./pdf.js";
import type { Ledgers } from "./ledgers.js";
import { can, InputProblem, membership, type Org, type Permission } from "./orgs.js";

export interface Deps {
  ws: WorkspaceDb;
  cache: WorkspaceCache;
  ledgers: Ledgers;
  jobs: Jobs;
  /** What the operator configured: scan targets, trusted proxies. */
  config: ServerConfig;
  /** PDF downloads: one shared Chromium, a bounded queue, the PDF kept per document version. */
  pdf: PdfPrinter;
}

export interface Env {
  Variables: { deps: Deps; session?: Session; token?: TokenAuth; lang: Lang; form?: Form; bodyText?: string };
}

export type Ctx = Context<Env>;

export const LANG_COOKIE = "xb_lang";

/** Chinese unless the person chose English (cookie) or the request asks (?lang=). */
export function langOf(c: Ctx): Lang {
  const q = c.req.query("lang");
  if (q === "zh" || q === "en") return q;
  return getCookie(c, LANG_COOKIE) === "en" ? "en" : "zh";
}

/** A whole number from the path or the query (an id, a version), or a 422 naming it. */
export const int = (s: string | undefined, field: string): number => {
  if (!s || !/^\d{1,9}$/.test(s)) throw new InputProblem("expected a whole number", field);
  return Number(s);
};

/** Not found: also what another organisation's resources answer (never 403, which would tell they exist). */
export const notFound = () => new HTTPException(404, { message: "not found" });

export interface Access {
  org: Org;
  role: Role;
  /** Who acts, for the audit log: an e-mail, or `token:NAME`. */
  actor: string;
  userId?: number;
}

/** The organisation in the path as the caller may see it, checked against a permission. */
export async function access(c: Ctx, slug: string, perm: Permission): Promise<Access> {
  const { ws } = c.var.deps;
  let a: Access | undefined;
  if (c.var.token) {
    const { org } = c.var.token;
    if (org.slug === slug) a = { org, role: c.var.token.role, actor: `token:${c.var.token.name}` };
  } else if (c.var.session) {
    if (!/^[a-z0-9-]{1,100}$/.test(slug)) throw notFound(); // slugs are [a-z0-9-]: nothing else (a NUL …) reaches the database
    const m = await membership(ws.db, c.var.session.userId, slug);
    if (m) a = { org: { id: m.id, slug: m.slug, name: m.name }, role: m.role, actor: c.var.session.email, userId: c.var.session.userId };
  } else {
    throw new HTTPException(401, { message: "sign in, or send an API token (Authorization: Bearer …)" });
  }
  if (!a) throw notFound();
  if (!can(a.role, perm)) throw new HTTPException(403, { message: `the ${a.role} role may not do this` });
  return a;
}
