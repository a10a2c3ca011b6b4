/** Review and sign-off on the Assessment page, and the print view's heading and sign-off block. */
import { html } from "hono/html";
import { countsSourceLine, type CountsSource } from "../../engine/counts-source.js";
import type { Assessment } from "../../engine/types.js";
import type { Lang } from "../../law/index.js";
import type { Review } from "../reviews.js";
import { t } from "./i18n.js";
import { csrfField, type PageContext } from "./layout.js";
import { shanghaiTime, when } from "./time.js";

const STATUS: Record<Review["status"], [string, string, string]> = {
  submitted: ["待审阅", "awaiting review", "upcoming"],
  approved: ["已批准", "approved", "done"],
  returned: ["已退回", "sent back", "overdue"],
};

export function reviewsSection(
  ctx: PageContext,
  base: string,
  reviews: readonly Review[],
  asOf: string,
  canSubmit: boolean,
  canDecide: boolean,
) {
  const lang = ctx.lang;
  return html`<section class="card noprint" id="reviews">
    <h2>${t(lang, "review")}</h2>
    ${
      canSubmit
        ? html`<form method="post" action="${base}/reviews" class="inline">
            ${csrfField(ctx)}<input type="hidden" name="asOf" value="${asOf}" />
            <button type="submit">${t(lang, "submitReview")} (${asOf})</button>
          </form>`
        : ""
    }
    ${
      reviews.length
        ? html`<table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">${t(lang, "version")}</th>
                <th scope="col">${t(lang, "asOf")}</th>
                <th scope="col">${t(lang, "status")}</th>
                <th scope="col">${t(lang, "by")}</th>
                <th scope="col">${t(lang, "decision")}</th>
              </tr>
            </thead>
            <tbody>
              ${reviews.map(
                (r) =>
                  html`<tr data-review="${r.id}" data-status="${r.status}">
                    <td>${r.id}</td>
                    <td>${r.mapVersion}</td>
                    <td><a href="${base}/assessment?asOf=${r.asOf}&print=1">${r.asOf}</a></td>
                    <td><span class="badge s-${STATUS[r.status][2]}">${STATUS[r.status][lang === "zh" ? 0 : 1]}</span></td>
                    <td>${r.submittedBy}<br />${when(r.submittedAt)}</td>
                    <td>
                      ${r.decidedBy ? html`${r.decidedBy}<br />${when(r.decidedAt!)}` : ""} ${r.comment ? html`<p>${r.comment}</p>` : ""}
                      ${
                        canDecide && r.status === "submitted"
                          ? html`<form method="post" action="${base}/reviews/${r.id}">
                              ${csrfField(ctx)}
                              <label for="comment-${r.id}">${t(lang, "comment")}</label>
                              <textarea id="comment-${r.id}" name="comment" rows="2" class="comment"></textarea>
                              <button type="submit" name="decision" value="approve">${t(lang, "approve")}</button>
                              <button type="submit" name="decision" value="return" class="secondary">${t(lang, "sendBack")}</button>
                            </form>`
                          : ""
                      }
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : html`<p>${t(lang, "none")}</p>`
    }
  </section>`;
}

/** The print view's heading: who, which version (and its digest), which date, which counts. */
export function printHeading(org: string, version: { version: number; digest: string }, a: Assessment, lang: Lang) {
  return html`<section class="card print-heading">
    <p><strong>${org}</strong></p>
    <p>${t(lang, "version")} ${version.version} · SHA-256 <code>${version.digest}</code></p>
    <p>${t(lang, "asOf")} ${a.asOf} · ${countsSourceLine(a.countsSource as CountsSource, lang)}</p>
  </section>`;
}

/** The sign-off block: the approver and date where this version and date were approved, else lines to fill in. */
export function signOffBlock(approval: Review | undefined, lang: Lang) {
  return html`<section class="card sign-off">
    <h2>${t(lang, "signOff")}</h2>
    ${
      approval
        ? html`<p data-approved-by="${approval.decidedBy}">
              ${lang === "zh" ? "批准人" : "Approved by"}：${approval.decidedBy} ·
              ${lang === "zh" ? "日期" : "Date"}：${shanghaiTime(approval.decidedAt!)} （${lang === "zh" ? "提交人" : "submitted by"}
              ${approval.submittedBy}）
            </p>
            ${approval.comment ? html`<p>${approval.comment}</p>` : ""}`
        : html`<p>${lang === "zh" ? "审阅人：__________ 日期：__________" : "Reviewed by: __________  Date: __________"}</p>`
    }
  </section>`;
}
