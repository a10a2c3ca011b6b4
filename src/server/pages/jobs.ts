/** The jobs of an organisation (imports, scans): status, progress, message, who, when. */
import { html } from "hono/html";
import type { Lang } from "../../law/index.js";
import type { JobView } from "../jobs.js";
import { when } from "./time.js";
import { t } from "./i18n.js";

const badge = (status: string) => (status === "done" ? "done" : status === "failed" ? "overdue" : "upcoming");

export function jobsSection(lang: Lang, jobs: readonly JobView[], link?: (j: JobView) => string | undefined) {
  return html`<section class="card">
    <h2>${t(lang, "jobs")}</h2>
    <table>
      <tbody>
        ${jobs.map((j) => {
          const href = link?.(j);
          return html`<tr>
            <td>${href ? html`<a href="${href}">${j.id}</a>` : j.id}</td>
            <td>${j.kind}</td>
            <td>
              <span class="badge s-${badge(j.status)}">${j.status}</span>
              ${j.status === "running" ? html`<progress value="${j.progress}" max="1" aria-label="${t(lang, "status")}"></progress>` : ""}
            </td>
            <td>${j.message}</td>
            <td>${j.createdBy}</td>
            <td>${when(j.updatedAt)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  </section>`;
}
