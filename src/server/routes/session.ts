/** Setting up, signing in and out, the language, and the organisations a person belongs to. */
import { Hono } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { appendAudit } from "../audit.js";
import { field as formField, readForm } from "../body.js";
import { checkPassword } from "../auth/passwords.js";
import { clientAddress } from "../auth/client-address.js";
import { passwordAttempt, tooManyAttempts } from "../auth/attempt.js";
import { createSession, endAllSessions, endSession, SESSION_COOKIE, SESSION_HOURS } from "../auth/sessions.js";
import { type Ctx, type Env, LANG_COOKIE } from "../context.js";
import { createDemoOrg } from "../demo.js";
import { progressPage } from "../demo-progress.js";
import { createOrg, createUser, normalEmail, orgsOf } from "../orgs.js";
import { hasUsers, setupTokenValid, useSetupToken } from "../setup.js";
import { t } from "../pages/i18n.js";
import { csrfField, page } from "../pages/layout.js";

const field = async (c: Ctx, name: string): Promise<string> => formField(await readForm(c), name);

export function startSession(c: Ctx, token: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: new URL(c.req.url).protocol === "https:",
    maxAge: SESSION_HOURS * 3600,
  });
}

/**
 * A path on this site, or "/": browsers read `/\\host` and `//host` as another site, and drop tabs
 * and line breaks, so the path is resolved as a browser would and kept only if it stays here.
 */
export function sameOriginPath(next: string | undefined): string {
  if (!next || !next.startsWith("/") || [...next].some((ch) => ch === "\\" || ch.charCodeAt(0) < 0x20)) return "/";
  const here = "http://xborder.invalid";
  const u = new URL(next, here);
  return u.origin === here && !u.pathname.startsWith("//") ? `${u.pathname}${u.search}${u.hash}` : "/";
}

const userOf = (c: Ctx) => (c.var.session ? { email: c.var.session.email, csrf: c.var.session.csrf } : undefined);

export function sessionRoutes() {
  const r = new Hono<Env>();

  r.get("/", async (c) => {
    const { db } = c.var.deps.ws;
    if (!c.var.session) return c.redirect((await hasUsers(db)) ? "/signin" : "/signin?setup=1");
    const orgs = await orgsOf(db, c.var.session.userId);
    return c.redirect(orgs[0] ? `/o/${orgs[0].slug}` : "/orgs");
  });

  r.get("/lang/:lang", (c) => {
    const lang = c.req.param("lang") === "en" ? "en" : "zh";
    setCookie(c, LANG_COOKIE, lang, { path: "/", sameSite: "Lax", maxAge: 365 * 86400 });
    return c.redirect(sameOriginPath(c.req.query("next")));
  });

  const setupForm = (c: Ctx, token: string, problem?: string) => {
    const lang = c.var.lang;
    return page(
      { lang, path: c.req.path },
      t(lang, "setupTitle"),
      html`<section class="card">
        <p>${t(lang, "setupIntro")}</p>
        ${problem ? html`<div class="errors" role="alert">${problem}</div>` : ""}
        <form method="post" action="/setup/${token}">
          <label for="email">${t(lang, "email")}</label><input id="email" name="email" type="email" autocomplete="username" required />
          <label for="password">${t(lang, "password")}</label
          ><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required />
          <label for="org">${t(lang, "orgName")}</label><input id="org" name="org" type="text" required />
          <label><input type="checkbox" name="demo" value="1" checked /> ${t(lang, "loadDemo")}</label>
          <button type="submit">${t(lang, "create")}</button>
        </form>
      </section>`,
    );
  };

  r.get("/setup/:token", async (c) => {
    if (!(await setupTokenValid(c.var.deps.ws.db, c.req.param("token"))))
      throw new HTTPException(404, { message: "this setup link has been used or has expired" });
    return c.html(setupForm(c, c.req.param("token")));
  });

  r.post("/setup/:token", async (c) => {
    const deps = c.var.deps;
    const { db } = deps.ws;
    const token = c.req.param("token");
    if (!(await setupTokenValid(db, token))) throw new HTTPException(404, { message: "this setup link has been used or has expired" });
    let email: string;
    let password: string;
    const orgName = (await field(c, "org")).trim();
    try {
      email = normalEmail(await field(c, "email"));
      password = checkPassword(await field(c, "password"));
      if (!orgName) throw new Error(`${t(c.var.lang, "orgName")}: required`);
    } catch (e) {
      return c.html(setupForm(c, token, (e as Error).message), 422);
    }
    if (!(await useSetupToken(db, token))) throw new HTTPException(404, { message: "this setup link has been used" });
    const userId = await createUser(db, email, password);
    const org = await createOrg(db, orgName, userId);
    await appendAudit(db, { orgId: org.id, actor: email, action: "org.create", target: org.name });
    const demo = (await field(c, "demo")) === "1";
    const s = await createSession(db, userId);
    startSession(c, s.token);
    // The demo takes a moment: its progress is shown as it goes (demo-progress.ts), then the organisation.
    if (demo) return progressPage(c, c.var.lang, `/o/${org.slug}`, (step) => createDemoOrg(deps, userId, email, step));
    return c.redirect(`/o/${org.slug}`, 303);
  });

  const signInForm = (c: Ctx, problem?: string) => {
    const lang = c.var.lang;
    const setup = c.req.query("setup") === "1";
    return page(
      { lang, path: "/signin" },
      t(lang, "signIn"),
      html`<section class="card">
        ${setup ? html`<p class="notice">${lang === "zh" ? "尚无账户：请打开 xborder serve 启动时打印的一次性设置链接。" : "No account yet: open the one-time setup link `xborder serve` printed when it started."}</p>` : ""}
        ${problem ? html`<div class="errors" role="alert">${problem}</div>` : ""}
        <form method="post" action="/signin">
          <label for="email">${t(lang, "email")}</label><input id="email" name="email" type="email" autocomplete="username" required />
          <label for="password">${t(lang, "password")}</label
          ><input id="password" name="password" type="password" autocomplete="current-password" required />
          <button type="submit">${t(lang, "signIn")}</button>
        </form>
      </section>`,
    );
  };

  r.get("/signin", (c) => c.html(signInForm(c)));

  r.post("/signin", async (c) => {
    const { db } = c.var.deps.ws;
    const address = clientAddress(c);
    const raw = (await field(c, "email")).trim().toLowerCase();
    const password = await field(c, "password");
    const attempt = await passwordAttempt(db, raw, password, address);
    if (attempt.result === "wait") {
      c.header("retry-after", String(attempt.retryAfter));
      return c.html(signInForm(c, tooManyAttempts(c.var.lang)), 429);
    }
    if (attempt.result === "wrong")
      return c.html(signInForm(c, c.var.lang === "zh" ? "电子邮箱或密码不正确。" : "Wrong e-mail or password."), 401);
    const user = { id: attempt.userId };
    const s = await createSession(db, user.id);
    startSession(c, s.token);
    for (const o of await orgsOf(db, user.id)) await appendAudit(db, { orgId: o.id, actor: raw, action: "session.sign_in", target: raw });
    return c.redirect("/", 303);
  });

  r.post("/signout", async (c) => {
    if (c.var.session) await endSession(c.var.deps.ws.db, c.var.session);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/signin", 303);
  });

  r.post("/signout-everywhere", async (c) => {
    if (c.var.session) await endAllSessions(c.var.deps.ws.db, c.var.session.userId);
    deleteCookie(c, SESSION_COOKIE, { path: "/" });
    return c.redirect("/signin", 303);
  });

  r.get("/orgs", async (c) => {
    const s = c.var.session;
    if (!s) return c.redirect("/signin");
    const lang = c.var.lang;
    const orgs = await orgsOf(c.var.deps.ws.db, s.userId);
    const ctx = { lang, path: "/orgs", user: userOf(c) };
    return c.html(
      page(
        ctx,
        t(lang, "organisations"),
        html`<section class="card">
            <table>
              <thead>
                <tr>
                  <th>${t(lang, "name")}</th>
                  <th>${t(lang, "role")}</th>
                </tr>
              </thead>
              <tbody>
                ${orgs.map(
                  (o) =>
                    html`<tr>
                      <td><a href="/o/${o.slug}">${o.name}</a></td>
                      <td>${o.role}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </section>
          <section class="card">
            <h2>${t(lang, "newOrg")}</h2>
            <form method="post" action="/orgs">
              ${csrfField(ctx)} <label for="name">${t(lang, "orgName")}</label><input id="name" name="name" type="text" required />
              <label><input type="checkbox" name="demo" value="1" /> ${t(lang, "loadDemo")}</label>
              <button type="submit">${t(lang, "create")}</button>
            </form>
          </section>
          <section class="card">
            <form method="post" action="/signout-everywhere">
              ${csrfField(ctx)}<button type="submit" class="secondary">${t(lang, "signOutAll")}</button>
            </form>
          </section>`,
      ),
    );
  });

  r.post("/orgs", async (c) => {
    const s = c.var.session;
    if (!s) throw new HTTPException(401, { message: "sign in first" });
    const deps = c.var.deps;
    const org =
      (await field(c, "demo")) === "1"
        ? await createDemoOrg(deps, s.userId, s.email)
        : await createOrg(deps.ws.db, await field(c, "name"), s.userId);
    if ((await field(c, "demo")) !== "1")
      await appendAudit(deps.ws.db, { orgId: org.id, actor: s.email, action: "org.create", target: org.name });
    return c.redirect(`/o/${org.slug}`, 303);
  });

  return r;
}
