/** Ledger: upload events with a progress bar (a job), the jobs, and the counts as of any date. */
import { html } from "hono/html";
import type { LedgerCount } from "../../ledger/count.js";
import type { JobView } from "../jobs.js";
import { exportLinks } from "./answer.js";
import { t } from "./i18n.js";
import { jobsSection } from "./jobs.js";
import { csrfField, type PageContext } from "./layout.js";

const n = (x: number) => x.toLocaleString("en-US");

export function ledgerBody(
  ctx: PageContext,
  base: string,
  slug: string,
  count: LedgerCount | undefined,
  jobs: JobView[],
  canWrite: boolean,
) {
  const lang = ctx.lang;
  return html`${
    canWrite
      ? html`<section class="card">
          <form method="post" action="${base}/ledger" enctype="multipart/form-data" data-upload="/api/v1/orgs/${slug}/ledger/import">
            ${csrfField(ctx)} <label for="events">${t(lang, "events")}</label
            ><input id="events" name="events" type="file" accept=".csv,.tsv,.txt,.jsonl,.ndjson,.parquet" required />
            <progress value="0" max="1" aria-label="${t(lang, "upload")}"></progress>
            <div data-status role="status" aria-live="polite"></div>
            <button type="submit">${t(lang, "importEvents")}</button>
          </form>
        </section>`
      : ""
  }
  ${
    count
      ? html`<section class="card">
          <h2>${t(lang, "counts")}</h2>
          <form class="inline" method="get" action="${base}/ledger">
            <div><label for="asOf">${t(lang, "asOf")}</label><input id="asOf" name="asOf" type="date" value="${count.asOf}" /></div>
            <button type="submit">${t(lang, "show")}</button>
          </form>
          <p class="muted">${count.window.from} – ${count.window.to}</p>
          ${exportLinks(slug, "counts", lang, count.asOf)}
          <table>
            <thead>
              <tr>
                <th>${t(lang, "transfer")}</th>
                <th class="num">${t(lang, "general")}</th>
                <th class="num">${t(lang, "sensitive")}</th>
                <th>${t(lang, "countedQ")}</th>
              </tr>
            </thead>
            <tbody>
              ${Object.entries(count.transfers).map(
                ([id, c]) =>
                  html`<tr>
                    <td>${id}</td>
                    <td class="num">${n(c.general)}</td>
                    <td class="num">${n(c.sensitive)}</td>
                    <td>${c.counted ? (lang === "zh" ? "计入" : "counted") : lang === "zh" ? "不计入" : "not counted"}</td>
                  </tr>`,
              )}
              <tr>
                <th>${t(lang, "total")}</th>
                <th class="num" id="total-general">${n(count.cumulative.general)}</th>
                <th class="num">${n(count.cumulative.sensitive)}</th>
                <td></td>
              </tr>
            </tbody>
          </table>
        </section>`
      : ""
  }
  ${jobsSection(lang, jobs)}`;
}
