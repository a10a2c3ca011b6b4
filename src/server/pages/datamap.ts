/** Data map: the current version, an editor (paste or upload YAML/JSON) with the CLI's messages at the field, versions and compare. */
import { html, raw } from "hono/html";
import type { MapDiff } from "../../engine/diff.js";
import type { CountsSource } from "../../engine/counts-source.js";
import { PATHWAY_NAMES } from "../../engine/messages.js";
import type { Lang } from "../../law/index.js";
import type { MapVersion } from "../datamaps.js";
import { fieldMessage } from "../field-messages.js";
import { asOfForm, changesAndConsequences, countsSourceNote, pathwayBadge } from "./answer.js";
import { when } from "./time.js";
import { t } from "./i18n.js";
import { csrfField, type PageContext } from "./layout.js";

export interface FieldError {
  path: string;
  message: string;
  line?: number;
}

export function datamapBody(
  ctx: PageContext,
  base: string,
  current: MapVersion | undefined,
  versions: Omit<MapVersion, "content">[],
  canWrite: boolean,
  draft?: { text: string; errors: FieldError[]; detail?: string },
  saved?: number,
  flows?: { svg: string; list: unknown; countsSource: CountsSource; asOf: string },
) {
  const lang = ctx.lang;
  return html`${saved ? html`<p class="notice" role="status">${t(lang, "saved")} ${saved}</p>` : ""}
    ${
      draft
        ? html`<div class="errors" role="alert">
            <strong>${t(lang, "fieldError")}</strong>${draft.detail && !draft.errors.length ? html`<p>${draft.detail}</p>` : ""}
            <ul>
              ${draft.errors.map((e) => html`<li><code>${e.path}</code>${e.line ? (lang === "zh" ? `（第${e.line}行）` : ` (line ${e.line})`) : ""}: ${fieldMessage(e.message, lang)}</li>`)}
            </ul>
          </div>`
        : ""
    }
    ${canWrite ? html`<p><a class="button" href="${base}/datamap/edit/processor">${ctx.lang === "zh" ? "按表单编辑" : "Edit as forms"}</a></p>` : ""}
    ${current ? html`<p class="muted">${t(lang, "version")} ${current.version} · ${current.createdBy} · ${when(current.createdAt)} · <a href="${base}/datamap/versions/${current.version}?download=1">${t(lang, "export")} (${current.format.toUpperCase()})</a></p>` : html`<p>${t(lang, "noMap")}</p>`}
    ${
      flows
        ? html`<section class="card" aria-labelledby="flows-h">
              <h2 id="flows-h">${lang === "zh" ? "出境流向图" : "Flow map"}</h2>
              <div class="figure" tabindex="0" role="group" aria-labelledby="flows-h">${raw(flows.svg)}</div>
              ${countsSourceNote(flows.countsSource, lang)}
              <p class="muted">${t(lang, "asOf")} ${flows.asOf}</p>
            </section>
            ${flows.list}`
        : ""
    }
    ${
      canWrite
        ? html`<section class="card">
            <form method="post" action="${base}/datamap" enctype="multipart/form-data">
              ${csrfField(ctx)} <input type="hidden" name="base" value="${current?.version ?? 0}" /> <label for="text">YAML / JSON</label
              ><textarea id="text" name="text" spellcheck="false">${draft?.text ?? current?.content ?? ""}</textarea>
              <label for="file">${t(lang, "upload")} (.yaml, .yml, .json)</label
              ><input id="file" name="file" type="file" accept=".yaml,.yml,.json" /> <button type="submit">${t(lang, "save")}</button>
            </form>
          </section>`
        : current
          ? html`<section class="card"><pre>${current.content}</pre></section>`
          : ""
    }
    <section class="card">
      <h2>${t(lang, "versions")}</h2>
      ${
        versions.length > 1
          ? html`<form class="inline" method="get" action="${base}/datamap/diff">
              <div>
                <label for="from">${t(lang, "from")}</label
                ><select id="from" name="from">
                  ${versions.map((v, i) => html`<option value="${v.version}" ${i === 1 ? "selected" : ""}>${v.version}</option>`)}
                </select>
              </div>
              <div>
                <label for="to">${t(lang, "to")}</label
                ><select id="to" name="to">
                  ${versions.map((v) => html`<option value="${v.version}">${v.version}</option>`)}
                </select>
              </div>
              <button type="submit">${t(lang, "compare")}</button>
            </form>`
          : ""
      }
      <table class="versions">
        <thead>
          <tr>
            <th>${t(lang, "version")}</th>
            <th>${t(lang, "by")}</th>
            <th>${t(lang, "when")}</th>
            <th>digest</th>
          </tr>
        </thead>
        <tbody>
          ${versions.map(
            (v) =>
              html`<tr>
                <td><a href="${base}/datamap/versions/${v.version}">${v.version}</a></td>
                <td>${v.createdBy}</td>
                <td>${when(v.createdAt)}</td>
                <td><code>${v.digest.slice(0, 12)}</code></td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
}

export function diffBody(d: MapDiff, lang: Lang, from: number, to: number, action?: string, mapAsOf?: string) {
  return html`${action ? asOfForm(action, d.asOf, lang, mapAsOf, { from: String(from), to: String(to) }) : ""}
    <p class="muted">${t(lang, "from")} ${from} ${t(lang, "to")} ${to} · ${t(lang, "asOf")} ${d.asOf}</p>
    ${countsSourceNote(d.countsSource, lang)}
    <section class="card">
      <h2>${t(lang, "pathways")}</h2>
      <table class="diff-pathways">
        <thead>
          <tr>
            <th scope="col">${t(lang, "transfer")}</th>
            <th scope="col">${t(lang, "before")}</th>
            <th scope="col">${t(lang, "after")}</th>
          </tr>
        </thead>
        <tbody>
          ${d.pathways.map(
            (p) =>
              html`<tr>
                <td>${p.transfer}</td>
                <td>${p.before ? PATHWAY_NAMES[p.before][lang] : "—"}</td>
                <td>${p.after ? pathwayBadge(p.transfer, p.after, lang) : "—"}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    ${changesAndConsequences(d, lang)}`;
}
