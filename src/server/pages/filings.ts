/** Filings: for each document, what is still missing (the completeness check), generate a version, download it. */
import { html } from "hono/html";
import { DOCUMENT_KINDS, type FilingDocument, openItems } from "../../report/documents/index.js";
import type { StoredDocument } from "../documents.js";
import { when } from "./time.js";
import { t } from "./i18n.js";
import { csrfField, type PageContext } from "./layout.js";

export function filingsBody(
  ctx: PageContext,
  base: string,
  slug: string,
  drafts: FilingDocument[],
  stored: StoredDocument[],
  canWrite: boolean,
  pdf: boolean,
) {
  const lang = ctx.lang;
  const zh = lang === "zh";
  return html`${drafts.map((d, i) => {
      const todo = openItems(d);
      const kind = DOCUMENT_KINDS[i]!;
      return html`<section class="card">
        <h2>${d.title}</h2>
        <p class="muted">${d.edition}</p>
        ${d.notApplicable ? html`<p>${zh ? "不适用" : "Does not apply"}：${d.notApplicable}</p>` : ""}
        <p>${zh ? `待完成事项：${todo.length}` : `Still to write: ${todo.length}`}</p>
        <ol>
          ${todo.map((x) => html`<li>${x.text}</li>`)}
        </ol>
        ${
          canWrite
            ? html`<form method="post" action="${base}/filings">
                ${csrfField(ctx)}<input type="hidden" name="kind" value="${kind}" /><button type="submit">
                  ${zh ? "生成新版本" : "Generate a version"}
                </button>
              </form>`
            : ""
        }
      </section>`;
    })}
    <section class="card">
      <h2>${t(lang, "versions")}</h2>
      <table>
        <thead>
          <tr>
            <th>${zh ? "文件" : "Document"}</th>
            <th>${t(lang, "version")}</th>
            <th>${zh ? "数据地图版本" : "Data map version"}</th>
            <th>${zh ? "待完成" : "To write"}</th>
            <th>${t(lang, "by")}</th>
            <th>${t(lang, "when")}</th>
            <th>${t(lang, "download")}</th>
          </tr>
        </thead>
        <tbody>
          ${stored.map(
            (s) =>
              html`<tr>
                <td>${s.kind}</td>
                <td>${s.version}</td>
                <td>${s.mapVersion}</td>
                <td>${s.missing}</td>
                <td>${s.createdBy}</td>
                <td>${when(s.createdAt)}</td>
                <td>
                  ${zh ? "工作稿" : "Working copy"}:
                  <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=docx">DOCX</a> ·
                  <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=html">HTML</a>${
                    pdf ? html` · <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=pdf">PDF</a>` : ""
                  }${
                    // The filing copy (xborder report --final): only for a version with nothing open.
                    s.missing === 0
                      ? html`<br />${zh ? "备案文本" : "Filing copy"}:
                          <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=docx&amp;copy=filing">DOCX</a> ·
                          <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=html&amp;copy=filing">HTML</a>${
                            pdf ? html` · <a href="/api/v1/orgs/${slug}/documents/${s.id}?format=pdf&amp;copy=filing">PDF</a>` : ""
                          }`
                      : ""
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`;
}
