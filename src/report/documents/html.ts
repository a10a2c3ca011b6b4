/**
 * A filing document as one self-contained HTML page (and, printed by Chromium, the PDF): the
 * template's cover — title, the processor's name with （盖章）, 年 月 日 — then the body.
 * The working copy adds, after the cover, the tool's notes (template, date, deadlines, the open
 * items) and marks each filled fact with its source; a placeholder's key is a footnote at the end,
 * one section the company deletes in one step. The filing copy (final) has none of that.
 */
import { type Block, type FilingDocument, missing, SOURCE_NAMES } from "./model.js";
import { assertFileable, coverLabel, type RenderOptions } from "./render.js";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `@page{size:A4;margin:2.54cm 3.18cm}body{font-family:"Times New Roman","FangSong","仿宋","STFangsong",serif;font-size:14pt;line-height:26pt;max-width:46em;margin:1em auto;padding:0 1em}@media print{body{max-width:none;margin:0;padding:0}}
h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;margin:.5em 0}h2{font-family:"KaiTi","楷体",serif;font-size:14pt;font-weight:bold;margin:.3em 0}h3{font-size:14pt;font-weight:bold;margin:.2em 0;text-indent:2em}
p{text-indent:2em;margin:0}table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:12pt;line-height:1.5}th,td{border:1px solid #000;padding:2px 6px;text-align:left;vertical-align:top}
.src{color:#555;font-size:10.5pt}.todo{background:#fff4d6;border:1px dashed #b54708;padding:2px 6px;text-indent:0;margin:.3em 0}.caption{text-indent:0;font-weight:bold;font-size:12pt}
.cover{page-break-after:always;height:22cm;position:relative;overflow:hidden}.cover .title{font-size:22pt;text-align:center;margin-top:5cm}.cover .seal{position:absolute;right:0;bottom:3cm;text-align:left}.cover .seal p{text-indent:0;line-height:2.2}
.notes{page-break-after:always;font-size:12pt;line-height:1.6}.notes p{text-indent:0}.banner{border:2px solid #b42318;color:#b42318;padding:.4em;text-align:center;text-indent:0}.footnotes{font-size:10.5pt;color:#555;border-top:1px solid #999;margin-top:2em}`;

export function documentToHtml(d: FilingDocument, o: RenderOptions = {}): string {
  if (o.final) assertFileable(d);
  const zh = d.lang === "zh";
  const work = !o.final;
  const from = (s?: keyof typeof SOURCE_NAMES) =>
    work && s ? `<span class="src">（${zh ? "来源" : "from"}：${esc(SOURCE_NAMES[s][d.lang])}）</span>` : "";
  const block = (b: Block): string => {
    switch (b.kind) {
      case "heading":
        return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
      case "paragraph":
        return `<p>${esc(b.text)}${from(b.source)}</p>`;
      case "placeholder":
        return `<p class="todo" id="${b.id}">【${zh ? "待填写" : "To write"}】${esc(b.text)}<sup><a href="#fn-${b.id}">${b.id}</a></sup></p>`;
      case "table":
        return `${b.caption ? `<p class="caption">${esc(b.caption)}</p>` : ""}<table><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>${from(b.source)}`;
    }
  };
  const todo = missing(d);
  const label = coverLabel(d);
  const notes = work
    ? `<section class="notes">
<p>${zh ? "工作稿（非备案文本）" : "Working copy (not the filing copy)"}：${zh ? "依据模板" : "template"} ${esc(d.edition)}；${zh ? "生成日期" : "as of"} ${esc(d.asOf)}（xborder）</p>
${d.notApplicable ? `<p class="banner">${esc(d.notApplicable)}</p>` : ""}
${(d.problems ?? []).map((p) => `<p class="banner">${esc(p.text)}</p>`).join("")}
${(d.deadlines ?? []).map((r) => `<p>${r.map(esc).join("　")}</p>`).join("")}
<h2>${zh ? "待完成事项" : "Still to write"}（${todo.length}）</h2>
<ol>${todo.map((t) => `<li><a href="#${t.id}">${t.id}</a> ${esc(t.text)}</li>`).join("")}</ol>
</section>`
    : "";
  const footnotes =
    work && todo.length
      ? `<section class="footnotes"><p>${zh ? "待填写事项的键（在数据地图 statements 中作答；定稿前整节删除）" : "Placeholder keys (answer them in the data map's statements; delete this section)"}</p><ol>${todo
          .map((t) => `<li id="fn-${t.id}">${t.id}：statements.${esc(d.kind)}.${esc(t.key)}${t.hint ? `（${esc(t.hint)}）` : ""}</li>`)
          .join("")}</ol></section>`
      : "";
  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${CSS}</style></head><body>
<section class="cover">
${d.notForFiling ? `<p class="banner">Working translation for reference — not for filing. The filing is made in Chinese.</p>` : ""}
<h1 class="title">${esc(d.title)}</h1>
<div class="seal"><p>${label}：${esc(d.processor)}${zh ? "（盖章）" : " (seal)"}</p><p>${zh ? "　　　　年　　月　　日" : "Date: ____________"}</p></div>
</section>
${notes}
${d.blocks.map(block).join("\n")}
${footnotes}
</body></html>
`;
}
