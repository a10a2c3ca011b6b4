/** Assessment: per transfer its pathway, options, why, obligations and deadlines, with citations that open; a print view. */
import { html } from "hono/html";
import { OPTION_NAMES } from "../../engine/messages.js";
import type { Assessment } from "../../engine/types.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { asOfForm, countsSourceNote, exportLinks, pathwayBadge } from "./answer.js";
import { citationLinks } from "./citations.js";
import { t } from "./i18n.js";

export function assessmentBody(a: Assessment, lang: Lang, base: string, print: boolean, mapAsOf?: string, slug?: string) {
  const w = new CitationWriter(lang);
  const n = (x: number) => x.toLocaleString("en-US");
  return html`${
      print
        ? ""
        : html`${asOfForm(`${base}/assessment`, a.asOf, lang, mapAsOf)}
            <p class="noprint"><a class="button secondary" href="${base}/assessment?asOf=${a.asOf}&print=1">${t(lang, "print")}</a></p>
            ${slug ? exportLinks(slug, "transfers", lang, a.asOf) : ""}`
    }
    <section class="card">
      <p>
        ${t(lang, "asOf")} <strong>${a.asOf}</strong> · ${a.regime} · ${lang === "zh" ? "累计" : "cumulative"}:
        ${n(a.processor.cumulative.general)} / ${n(a.processor.cumulative.sensitive)}
      </p>
      ${countsSourceNote(a.countsSource, lang)}
      ${
        a.notices.length
          ? html`<ul>
              ${a.notices.map((x) => html`<li>${x}</li>`)}
            </ul>`
          : ""
      }
      ${a.processorObligations.map(
        (o) =>
          html`<p>${o.description}</p>
            ${citationLinks(o.basis, lang, w)}`,
      )}
    </section>
    ${a.transfers.map(
      (tr) =>
        html`<section class="card" id="t-${tr.id}">
          <h2>${t(lang, "transfer")} ${tr.id} ${pathwayBadge(tr.id, tr.pathway, lang)}</h2>
          <p class="muted">
            ${tr.dataset} →
            ${tr.recipient}${tr.options.length ? html` · ${t(lang, "options")}: ${tr.options.map((o) => OPTION_NAMES[o][lang]).join(lang === "zh" ? "、" : ", ")}` : ""}
          </p>
          <h3>${t(lang, "why")}</h3>
          <ul>
            ${tr.explanation.map((e) => html`<li>${e}</li>`)}
          </ul>
          ${citationLinks(tr.basis, lang, w)}
          <h3>${t(lang, "obligations")}</h3>
          <ul>
            ${tr.obligations.map((o) => html`<li>${o.description}${citationLinks(o.basis, lang, w)}</li>`)}
          </ul>
          ${(() => {
            const ds = a.deadlines.filter((d) => d.transfer === tr.id);
            return ds.length
              ? html`<h3>${t(lang, "deadlines")}</h3>
                  <table>
                    <tbody>
                      ${ds.map(
                        (d) =>
                          html`<tr>
                            <td>${d.date}${d.provisional ? " *" : ""}</td>
                            <td>${d.kind}</td>
                            <td>${d.condition ?? ""}</td>
                            <td>${citationLinks(d.basis, lang, w)}</td>
                          </tr>`,
                      )}
                    </tbody>
                  </table>`
              : "";
          })()}
        </section>`,
    )} `;
}
