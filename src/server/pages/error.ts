import { html } from "hono/html";
import type { Ctx } from "../context.js";
import { t } from "./i18n.js";
import { page } from "./layout.js";

export function errorPage(c: Ctx, status: number, detail: string, errors?: { path: string; message: string }[]) {
  const lang = c.var.lang;
  const title = status === 404 ? t(lang, "notFound") : status === 403 ? t(lang, "forbidden") : `${t(lang, "error")} ${status}`;
  const user = c.var.session ? { email: c.var.session.email, csrf: c.var.session.csrf } : undefined;
  return page(
    { lang, path: c.req.path, user },
    title,
    html`<div class="errors" role="alert">
        <p>${detail}</p>
        ${
          errors?.length
            ? html`<ul>
                ${errors.map((e) => html`<li><code>${e.path}</code>: ${e.message}</li>`)}
              </ul>`
            : ""
        }
      </div>
      <p><a href="/">xborder</a></p>`,
  );
}
