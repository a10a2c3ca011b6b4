/** The audit log (intact or not, entries, CSV) and members and tokens. */
import { html } from "hono/html";
import type { AuditEntry, AuditVerdict } from "../audit.js";
import { ROLES } from "../db/schema.js";
import { when } from "./time.js";
import { t } from "./i18n.js";
import { csrfField, type PageContext } from "./layout.js";

export function auditBody(ctx: PageContext, slug: string, verdict: AuditVerdict, entries: AuditEntry[]) {
  const lang = ctx.lang;
  return html`<section class="card">
    ${
      verdict.intact
        ? html`<p class="notice" role="status">${t(lang, "intactSince")} ${verdict.since ?? "—"} (${verdict.entries})</p>`
        : html`<div class="errors" role="alert">${t(lang, "broken")}: #${verdict.broken?.seq} ${verdict.broken?.reason}</div>`
    }
    <p>
      <a href="/api/v1/orgs/${slug}/audit.csv">${t(lang, "csv")}</a> ·
      <a href="/api/v1/orgs/${slug}/exports/audit.xlsx?lang=${lang}">XLSX</a>
    </p>
    <table>
      <thead>
        <tr>
          <th>#</th>
          <th>${t(lang, "when")}</th>
          <th>${t(lang, "actor")}</th>
          <th>${t(lang, "action")}</th>
          <th>${t(lang, "target")}</th>
          <th>hash</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (e) =>
            html`<tr>
              <td>${e.seq}</td>
              <td>${when(e.at)}</td>
              <td>${e.actor}</td>
              <td><code>${e.action}</code></td>
              <td>${e.target}</td>
              <td><code>${e.hash.slice(0, 10)}</code></td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export function membersBody(
  ctx: PageContext,
  base: string,
  people: { id: number; email: string; role: string }[],
  tokens: { id: number; name: string; role: string; expires_at: Date; revoked_at: Date | null }[],
  shown?: string,
  invited?: string,
) {
  const lang = ctx.lang;
  const roles = html`${ROLES.map((r) => html`<option value="${r}">${r}</option>`)}`;
  const picker = (selected: string) =>
    html`${ROLES.map((r) => html`<option value="${r}" ${r === selected ? "selected" : ""}>${r}</option>`)}`;
  return html`<section class="card">
      <h2>${t(lang, "members")}</h2>
      <table>
        <tbody>
          ${people.map(
            (p) =>
              html`<tr>
                <td>${p.email}</td>
                <td>
                  <form class="inline" method="post" action="${base}/members/${p.id}/role">
                    ${csrfField(ctx)}<select name="role" aria-label="${t(lang, "role")}">
                      ${picker(p.role)}
                    </select>
                    <button type="submit" class="secondary">${t(lang, "change")}</button>
                  </form>
                </td>
                <td>
                  <form method="post" action="${base}/members/${p.id}/remove">
                    ${csrfField(ctx)}<button type="submit" class="secondary">${t(lang, "remove")}</button>
                  </form>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${invited ? html`<p class="notice" role="status">${t(lang, "invitationLink")}: <code id="invitation">${invited}</code></p>` : ""}
      <form method="post" action="${base}/members">
        ${csrfField(ctx)}
        <div class="inline">
          <div><label for="m-email">${t(lang, "email")}</label><input id="m-email" name="email" type="email" required /></div>
          <div>
            <label for="m-role">${t(lang, "role")}</label
            ><select id="m-role" name="role">
              ${picker("viewer")}
            </select>
          </div>
          <button type="submit">${t(lang, "invite")}</button>
        </div>
      </form>
    </section>
    <section class="card">
      <h2>${t(lang, "tokens")}</h2>
      ${shown ? html`<p class="notice" role="status">${t(lang, "newToken")}: <code id="new-token">${shown}</code></p>` : ""}
      <table>
        <tbody>
          ${tokens.map(
            (k) =>
              html`<tr>
                <td>${k.name}</td>
                <td>${k.role}</td>
                <td>${t(lang, "expires")} ${new Date(k.expires_at).toISOString().slice(0, 10)}</td>
                <td>
                  ${k.revoked_at ? (lang === "zh" ? "已吊销" : "revoked") : html`<form method="post" action="${base}/tokens/${k.id}/revoke">${csrfField(ctx)}<button type="submit" class="secondary">${t(lang, "revoke")}</button></form>`}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form method="post" action="${base}/tokens">
        ${csrfField(ctx)}
        <div class="inline">
          <div><label for="k-name">${t(lang, "name")}</label><input id="k-name" name="name" type="text" required /></div>
          <div>
            <label for="k-role">${t(lang, "role")}</label
            ><select id="k-role" name="role">
              ${roles}
            </select>
          </div>
          <div>
            <label for="k-days">${t(lang, "days")}</label><input id="k-days" name="days" type="number" min="1" max="366" value="90" />
          </div>
          <button type="submit">${t(lang, "create")}</button>
        </div>
      </form>
    </section>`;
}
