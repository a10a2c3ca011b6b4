/** Citations that open: each shows the article's summary in both languages and its source. */
import { html } from "hono/html";
import { type Citation, type CitationWriter, instrument, type Instrument, type Lang, provisionAt } from "../../law/index.js";
import { t } from "./i18n.js";

/** An instrument as a reader names it: 《促进和规范数据跨境流动规定》（国家互联网信息办公室令第16号，2024-03-22）, not a file id. */
export function instrumentTitle(inst: Instrument, lang: Lang): string {
  const date = inst.published ?? inst.inForce;
  return lang === "zh"
    ? `《${inst.name.zh}》（${inst.issuer.zh}${date ? `，${date}` : ""}）`
    : `${inst.name.en} (${inst.issuer.en}${date ? `, ${date}` : ""})`;
}

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
        ${t(lang, "source")}:
        ${inst ? instrumentTitle(inst, lang) : c.instrument}${p?.secondary ? (lang === "zh" ? "（二手资料）" : " (secondary)") : ""}
      </p>
    </details>`;
  });
}
