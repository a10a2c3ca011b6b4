/** The invitation link: the invited person signs in (or chooses a password) and accepts. */
import { Hono } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { appendAudit } from "../audit.js";
import { field, readForm } from "../body.js";
import { clientAddress } from "../auth/client-address.js";
import { passwordAttempt, tooManyAttempts } from "../auth/attempt.js";
import { checkPassword, PasswordError } from "../auth/passwords.js";
import { createSession } from "../auth/sessions.js";
import type { Ctx, Env } from "../context.js";
import { acceptInvitation, type Invitation, openInvitation } from "../invitations.js";
import { createUser } from "../orgs.js";
import { t } from "../pages/i18n.js";
import { page } from "../pages/layout.js";
import { startSession } from "./session.js";

const gone = () => new HTTPException(404, { message: "this invitation has been used or has expired" });

function acceptForm(c: Ctx, inv: Invitation, token: string, problem?: string) {
  const lang = c.var.lang;
  const signedIn = c.var.session?.email === inv.email;
  return page(
    { lang, path: c.req.path },
    t(lang, "invitationTitle"),
    html`<section class="card">
      <p><strong>${inv.orgName}</strong> · ${inv.role} · ${inv.email}</p>
      ${problem ? html`<div class="errors" role="alert">${problem}</div>` : ""}
      <form method="post" action="/invite/${token}">
        ${c.var.session ? html`<input type="hidden" name="_csrf" value="${c.var.session.csrf}" />` : ""}
        ${
          signedIn
            ? ""
            : html`<p>${t(lang, "invitationIntro")}</p>
                <label for="password">${t(lang, "password")}</label
                ><input id="password" name="password" type="password" autocomplete="current-password" required />`
        }
        <button type="submit">${t(lang, "accept")}</button>
      </form>
    </section>`,
  );
}

export function invitationRoutes() {
  const r = new Hono<Env>();

  r.get("/invite/:token", async (c) => {
    const inv = await openInvitation(c.var.deps.ws.db, c.req.param("token"));
    if (!inv) throw gone();
    return c.html(acceptForm(c, inv, c.req.param("token")));
  });

  r.post("/invite/:token", async (c) => {
    const { db } = c.var.deps.ws;
    const token = c.req.param("token");
    const inv = await openInvitation(db, token);
    if (!inv) throw gone();
    let userId: number;
    if (c.var.session?.email === inv.email) userId = c.var.session.userId;
    else {
      const password = field(await readForm(c), "password");
      const attempt = await passwordAttempt(db, inv.email, password, clientAddress(c));
      if (attempt.result === "wait") {
        c.header("retry-after", String(attempt.retryAfter));
        return c.html(acceptForm(c, inv, token, tooManyAttempts(c.var.lang)), 429);
      }
      if (attempt.result === "ok") userId = attempt.userId;
      else if (attempt.account) return c.html(acceptForm(c, inv, token, c.var.lang === "zh" ? "密码不正确。" : "Wrong password."), 401);
      else {
        try {
          userId = await createUser(db, inv.email, checkPassword(password));
        } catch (e) {
          if (e instanceof PasswordError) return c.html(acceptForm(c, inv, token, e.message), 422);
          throw e;
        }
      }
      const s = await createSession(db, userId);
      startSession(c, s.token);
    }
    if (!(await acceptInvitation(db, inv, userId))) throw gone();
    await appendAudit(db, {
      orgId: inv.orgId,
      actor: inv.email,
      action: "member.add",
      target: `${inv.email} as ${inv.role} (invitation accepted)`,
    });
    return c.redirect(`/o/${inv.orgSlug}`, 303);
  });

  return r;
}
