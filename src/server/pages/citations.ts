/** Citations that open: each shows the article's summary in both languages and its source. */
import { html } from "hono/html";
import { type Citation, type CitationWriter, instrument, type Lang, provisionAt } from "../../law/index.js";
import { t } from "./i18n.js";

export function citationLinks(cs: readonly Citation[], lang: Lang, w: CitationWriter) {
  return cs.map((c) => {
    const p = provisionAt(c);
    const inst = instrument(c.instrument);
    return html`<details class="cite">
      <summary>${w.cite(c)}</summary>
      ${
        p
          ? html`<p lang="zh-CN">${p.summary.zh}</p>
              <p lang="en">${p.summary.en}</p>`
          : ""
      }
      <p class="muted">
        ${t(lang, "source")}: ${inst?.source ?? c.instrument}${p?.secondary ? (lang === "zh" ? "（二手资料）" : " (secondary)") : ""}
      </p>
    </details>`;
  });
}
