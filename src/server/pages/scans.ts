/** Scans: upload files or name a PostgreSQL table; each scan is a job; its report (masked samples only) and "apply to the data map". */
import { html } from "hono/html";
import type { DataMap } from "../../engine/datamap.js";
import type { MapDiff } from "../../engine/diff.js";
import type { ScanReport } from "../../scan/scan.js";
import type { JobView } from "../jobs.js";
import { changesAndConsequences, countsSourceNote } from "./answer.js";
import { t } from "./i18n.js";
import { jobsSection } from "./jobs.js";
import { csrfField, type PageContext } from "./layout.js";

const n = (x: number) => x.toLocaleString("en-US");

export function scansBody(ctx: PageContext, base: string, jobs: JobView[], canWrite: boolean, targets: string[]) {
  const lang = ctx.lang;
  return html`${
    canWrite
      ? html`<section class="card">
            <form method="post" action="${base}/scans" enctype="multipart/form-data">
              ${csrfField(ctx)} <label for="files">${t(lang, "scanFiles")}</label
              ><input id="files" name="files" type="file" multiple required /> <button type="submit">${t(lang, "start")}</button>
            </form>
          </section>
          <section class="card">
            ${
              targets.length
                ? html`<form method="post" action="${base}/scans">
                    ${csrfField(ctx)} <label for="target">${t(lang, "scanTable")}</label
                    ><select id="target" name="target">
                      ${targets.map((n) => html`<option value="${n}">${n}</option>`)}
                    </select>
                    <label for="table">${t(lang, "table")}</label
                    ><input id="table" name="table" type="text" placeholder="public.customers" />
                    <button type="submit">${t(lang, "start")}</button>
                  </form>`
                : html`<p class="notice">${t(lang, "scanTargetsNone")}</p>`
            }
          </section>`
      : ""
  }
  ${jobsSection(lang, jobs, (j) => (j.status === "done" ? `${base}/scans/${j.id}` : undefined))}`;
}

export function scanReportBody(ctx: PageContext, base: string, id: number, r: ScanReport, map: DataMap | undefined, canWrite: boolean) {
  const lang = ctx.lang;
  return html`<section class="card">
      <p>${t(lang, "asOf")} ${r.asOf} · ${r.files.map((f) => `${f.path} (${f.format}, ${n(f.records)})`).join("; ")}</p>
      <p><strong>${t(lang, "people")}: ${n(r.persons.distinct)}</strong> · ${t(lang, "sensitive")}: ${n(r.persons.sensitive)}</p>
      <h2>${t(lang, "entities")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t(lang, "kind")}</th>
            <th scope="col" class="num">#</th>
            <th>${t(lang, "samples")}</th>
          </tr>
        </thead>
        <tbody>
          ${Object.entries(r.entities).map(
            ([k, v]) =>
              html`<tr>
                <td><code>${k}</code></td>
                <td class="num">${n(v)}</td>
                <td>${(r.samples[k as keyof typeof r.samples] ?? []).join(", ")}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        Object.keys(r.sensitiveCategories).length
          ? html`<h2>${t(lang, "sensitive")}</h2>
              <ul>
                ${Object.entries(r.sensitiveCategories).map(([k, v]) => html`<li><code>${k}</code>: ${n(v)}</li>`)}
              </ul>`
          : ""
      }
      ${
        r.columns.length
          ? html`<h2>${t(lang, "columns")}</h2>
              <table>
                <tbody>
                  ${r.columns.map(
                    (c) =>
                      html`<tr>
                        <td>${c.file}</td>
                        <td>${c.name}</td>
                        <td><code>${c.type}</code></td>
                        <td>${c.sensitive ? t(lang, "sensitive") : ""}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
          : ""
      }
    </section>
    ${
      canWrite && map
        ? html`<section class="card">
            <h2>${t(lang, "apply")}</h2>
            <form method="post" action="${base}/scans/${id}/apply">
              ${csrfField(ctx)}
              <div class="inline">
                <div>
                  <label for="dataset">${t(lang, "dataset")}</label
                  ><input id="dataset" name="dataset" type="text" list="datasets" required />
                </div>
                <datalist id="datasets">${map.datasets.map((d) => html`<option value="${d.id}"></option>`)}</datalist>
                <div>
                  <label for="transfer">${t(lang, "transfer")} (${t(lang, "optional")})</label
                  ><select id="transfer" name="transfer">
                    <option value=""></option>
                    ${map.transfers.map((tr) => html`<option value="${tr.id}">${tr.id} (${tr.dataset})</option>`)}
                  </select>
                </div>
                <button type="submit">${t(lang, "apply")}</button>
              </div>
            </form>
          </section>`
        : ""
    }`;
}

/** "Apply to the data map", before saving: what will change (64,000 → 40), what it sets off, and a button to confirm. */
export function applyPreviewBody(ctx: PageContext, base: string, id: number, target: { dataset: string; transfer?: string }, d: MapDiff) {
  const lang = ctx.lang;
  return html`<p class="muted">${t(lang, "asOf")} ${d.asOf}</p>
    ${countsSourceNote(d.countsSource, lang)} ${changesAndConsequences(d, lang)}
    <section class="card">
      <form method="post" action="${base}/scans/${id}/apply" class="inline">
        ${csrfField(ctx)}
        <input type="hidden" name="dataset" value="${target.dataset}" />
        <input type="hidden" name="transfer" value="${target.transfer ?? ""}" />
        <input type="hidden" name="confirm" value="1" />
        <button type="submit">${t(lang, "confirmApply")}</button>
        <a href="${base}/scans/${id}">${t(lang, "cancel")}</a>
      </form>
    </section>`;
}
