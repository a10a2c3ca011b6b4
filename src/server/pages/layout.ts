/** The page frame: navigation, the organisation, the language switch, and the sign-out form. */
import { html, raw } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import type { Lang } from "../../law/index.js";
import type { Role } from "../db/schema.js";
import { can } from "../orgs.js";
import { other, t, type Word } from "./i18n.js";

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageContext {
  lang: Lang;
  path: string;
  user?: { email: string; csrf: string };
  org?: { slug: string; name: string; role: Role };
}

const NAV: [Word, string, "read" | "audit" | "admin"][] = [
  ["overview", "", "read"],
  ["datamap", "/datamap", "read"],
  ["assessment", "/assessment", "read"],
  ["ledger", "/ledger", "read"],
  ["scans", "/scans", "read"],
  ["deadlines", "/deadlines", "read"],
  ["filings", "/filings", "read"],
  ["audit", "/audit", "audit"],
  ["members", "/members", "admin"],
];

export function page(ctx: PageContext, title: string, body: Html): Html {
  const { lang } = ctx;
  const base = ctx.org ? `/o/${ctx.org.slug}` : "";
  const nav = ctx.org
    ? NAV.filter(([, , p]) => can(ctx.org!.role, p)).map(([w, p]) => {
        const href = `${base}${p}`;
        return html`<a href="${href}" ${ctx.path === href ? raw('aria-current="page"') : ""}>${t(lang, w)}</a>`;
      })
    : [];
  const switchTo = other(lang);
  return html`<!doctype html>
    <html lang="${lang === "zh" ? "zh-CN" : "en"}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — xborder</title>
        <link rel="stylesheet" href="/static/app.css" />
      </head>
      <body>
        <a class="skip" href="#main">${t(lang, "skip")}</a>
        <header>
          <a class="brand" href="/">xborder</a>
          ${ctx.org ? html`<a href="/orgs" title="${t(lang, "switchOrg")}">${ctx.org.name}</a>` : ""}
          <nav aria-label="${t(lang, "app")}">${nav}</nav>
          <div class="right">
            <a href="/lang/${switchTo}?next=${encodeURIComponent(ctx.path)}" lang="${switchTo === "zh" ? "zh-CN" : "en"}"
              >${t(lang, "language")}</a
            >
            <a href="/api/docs">${t(lang, "api")}</a>
            ${
              ctx.user
                ? html`<span class="muted">${ctx.user.email}</span>
                    <form method="post" action="/signout">
                      <input type="hidden" name="_csrf" value="${ctx.user.csrf}" /><button type="submit">${t(lang, "signOut")}</button>
                    </form>`
                : ""
            }
          </div>
        </header>
        <main id="main" tabindex="-1">
          <h1>${title}</h1>
          ${body}
        </main>
        <script src="/static/app.js" defer></script>
      </body>
    </html>`;
}

export const csrfField = (ctx: PageContext) => html`<input type="hidden" name="_csrf" value="${ctx.user?.csrf ?? ""}" />`;
