/**
 * The workspace's HTTP application (Hono): security headers and a strict Content-Security-Policy,
 * who is asking (a session cookie or an API token), CSRF protection on every state-changing
 * request made with a cookie, errors as application/problem+json under /api, and the routes.
 * Every route calls the same library functions the command line does.
 */
import { readFileSync } from "node:fs";
import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { DataMapError, formatPath } from "../engine/datamap.js";
import { InputError } from "../engine/load.js";
import { EventError } from "../ledger/events.js";
import { packageFile } from "../paths.js";
import { findSession, SESSION_COOKIE } from "./auth/sessions.js";
import { tokenHash } from "./auth/secrets.js";
import { findApiToken } from "./auth/tokens.js";
import { PasswordError } from "./auth/passwords.js";
import { dropForm, field, isForm, readForm, refuseDeclaredLength } from "./body.js";
import { access, type Ctx, type Deps, type Env, langOf } from "./context.js";
import { VersionConflict } from "./datamaps.js";
import { UploadTooLarge } from "./jobs.js";
import { InputProblem } from "./orgs.js";
import { errorPage } from "./pages/error.js";
import { apiRoutes } from "./routes/api.js";
import { pageRoutes } from "./routes/pages.js";
import { invitationRoutes } from "./routes/invitations.js";
import { sessionRoutes } from "./routes/session.js";

const STATIC: Record<string, [string, string]> = {
  "/static/app.css": ["text/css; charset=utf-8", readFileSync(packageFile("web", "app.css"), "utf8")],
  "/static/app.js": ["text/javascript; charset=utf-8", readFileSync(packageFile("web", "app.js"), "utf8")],
};

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: { path: string; message: string; line?: number }[];
  /** A save based on an older version: the version the data map is at now. */
  currentVersion?: number;
}

function problemOf(e: unknown): Problem | undefined {
  if (e instanceof HTTPException)
    return {
      status: e.status,
      title: e.status === 404 ? "Not found" : e.status === 403 ? "Forbidden" : e.status === 401 ? "Unauthorized" : "Error",
      detail: e.message,
    };
  if (e instanceof DataMapError)
    return {
      status: 422,
      title: "The data map is not valid",
      detail: e.message,
      errors: e.issues.map((i) => ({ path: formatPath(i.path), message: i.message, ...(i.line ? { line: i.line } : {}) })),
    };
  if (e instanceof InputError || e instanceof EventError) return { status: 422, title: "The input is not valid", detail: e.message };
  if (e instanceof InputProblem)
    return {
      status: 422,
      title: "The input is not valid",
      detail: `${e.field}: ${e.message}`,
      errors: [{ path: e.field, message: e.message }],
    };
  if (e instanceof PasswordError)
    return { status: 422, title: "The input is not valid", detail: e.message, errors: [{ path: "password", message: e.message }] };
  if (e instanceof VersionConflict) return { status: 409, title: "Conflict", detail: e.message, currentVersion: e.current };
  if (e instanceof UploadTooLarge) return { status: 413, title: "Too large", detail: e.message };
  return undefined;
}

/**
 * A form posted to an organisation's page: the person must be a member whose role may change it
 * (administration for members, tokens and the calendar feed, writing otherwise): 404 / 403 before the body is read.
 */
async function authoriseForm(c: Ctx): Promise<void> {
  const m = /^\/o\/([^/]+)(?:\/(.*))?$/.exec(c.req.path);
  if (!m) return; // sign-out, a new organisation, the language: small forms (1 MiB at most)
  await access(c, decodeURIComponent(m[1]!), /^(members|tokens|feed)(\/|$)/.test(m[2] ?? "") ? "admin" : "write");
}

export function createApp(deps: Deps): Hono<Env> {
  const app = new Hono<Env>();
  app.use(
    "*",
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      // same-origin: the browser sends the Origin header on this site's own form posts (no-referrer makes it "null").
      referrerPolicy: "same-origin",
    }),
  );
  app.use("*", refuseDeclaredLength);
  app.use("*", async (c, next) => {
    c.set("deps", deps);
    c.set("lang", langOf(c));
    const auth = c.req.header("authorization");
    if (auth) {
      const m = /^Bearer\s+(\S+)$/i.exec(auth);
      const raw = m?.[1];
      const token = raw ? await deps.cache.memo(`token:${tokenHash(raw)}`, () => findApiToken(deps.ws.db, raw)) : undefined;
      if (token && new Date(token.expiresAt).getTime() <= Date.now())
        throw new HTTPException(401, { message: "the API token has expired" });
      if (!token) throw new HTTPException(401, { message: "the API token is unknown, revoked or expired" });
      c.set("token", token);
    } else {
      const s = await findSession(deps.ws.db, getCookie(c, SESSION_COOKIE));
      if (s) c.set("session", s);
    }
    if (!SAFE.has(c.req.method) && !c.var.token) {
      if (c.var.session) {
        let sent = c.req.header("x-csrf-token");
        if (!sent && isForm(c.req.header("content-type") ?? "")) {
          // The form's token is in its body: the caller is authorised before a byte of it is read.
          await authoriseForm(c);
          sent = field(await readForm(c, c.var.session.csrf), "_csrf");
        }
        if (sent !== c.var.session.csrf) throw new HTTPException(403, { message: "missing or wrong CSRF token" });
      } else {
        // No cookie yet (sign-in, setup): the form must come from this site.
        const origin = c.req.header("origin");
        const host = origin && URL.canParse(origin) ? new URL(origin).host : undefined;
        if (origin && host !== c.req.header("host")) throw new HTTPException(403, { message: "cross-site request refused" });
      }
    }
    try {
      await next();
    } finally {
      await dropForm(c);
    }
  });
  app.get("/favicon.ico", (c) => c.body(null, 204));
  for (const [path, [type, body]] of Object.entries(STATIC)) {
    app.get(path, (c) => c.body(body, 200, { "content-type": type, "cache-control": "public, max-age=300" }));
  }
  app.route("/", sessionRoutes());
  app.route("/", invitationRoutes());
  app.route("/api", apiRoutes());
  app.route("/", pageRoutes());
  app.notFound((c) => {
    if (c.req.path.startsWith("/api/"))
      return c.json({ type: "about:blank", title: "Not found", status: 404 }, 404, { "content-type": "application/problem+json" });
    return c.html(errorPage(c, 404, "not found"), 404);
  });
  app.onError((e, c) => {
    const p = problemOf(e);
    if (!p) {
      console.error(e);
      return c.req.path.startsWith("/api/")
        ? c.json({ type: "about:blank", title: "Internal error", status: 500 }, 500, { "content-type": "application/problem+json" })
        : c.html(errorPage(c, 500, "internal error"), 500);
    }
    if (c.req.path.startsWith("/api/"))
      return c.json({ type: "about:blank", ...p }, p.status as 400, { "content-type": "application/problem+json" });
    return c.html(errorPage(c, p.status, p.detail ?? p.title, p.errors), p.status as 400);
  });
  return app;
}
