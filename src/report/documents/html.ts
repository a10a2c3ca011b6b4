/** A filing document as one self-contained HTML page: cover, checklist, body; every filled fact says where it came from. */
import { type Block, type FilingDocument, missing, SOURCE_NAMES } from "./model.js";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `@page{size:A4;margin:2.54cm 3.18cm}body{font-family:"Times New Roman","FangSong","仿宋","STFangsong",serif;font-size:14pt;line-height:26pt;max-width:46em;margin:1em auto;padding:0 1em}@media print{body{max-width:none;margin:0;padding:0}}
h1{font-family:"SimHei","黑体","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal}h2{font-family:"KaiTi","楷体",serif;font-size:14pt;font-weight:bold}h3{font-size:14pt;font-weight:bold}
p{text-indent:2em;margin:0}table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:12pt;line-height:1.5}th,td{border:1px solid #000;padding:2px 6px;text-align:left;vertical-align:top}
.src{color:#555;font-size:10.5pt}.todo{background:#fff4d6;border:1px dashed #b54708;padding:2px 6px;text-indent:0;margin:.3em 0}.cover{text-align:center;page-break-after:always}.cover h2,.cover ol{text-align:left}.seal{display:inline-block;border:1px solid #000;width:8em;height:4em;vertical-align:middle}
.banner{border:2px solid #b42318;color:#b42318;padding:.4em;text-align:center;text-indent:0}.checklist{text-indent:0}`;

export function documentToHtml(d: FilingDocument): string {
  const zh = d.lang === "zh";
  const from = (s?: keyof typeof SOURCE_NAMES) =>
    s ? `<span class="src">（${zh ? "来源" : "from"}：${esc(SOURCE_NAMES[s][d.lang])}）</span>` : "";
  const block = (b: Block): string => {
    switch (b.kind) {
      case "heading":
        return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
      case "paragraph":
        return `<p>${esc(b.text)}${from(b.source)}</p>`;
      case "placeholder":
        return `<p class="todo" id="${b.id}">【${zh ? "待填写" : "To write"} ${b.id}】${esc(b.text)} <span class="src">statements.${esc(d.kind)}.${esc(b.key)}</span></p>`;
      case "table":
        return `${b.caption ? `<p class="src">${esc(b.caption)}</p>` : ""}<table><thead><tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join("")}</tr></thead><tbody>${b.rows
          .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
          .join("")}</tbody></table>${from(b.source)}`;
    }
  };
  const todo = missing(d);
  return `<!doctype html>
<html lang="${zh ? "zh-CN" : "en"}"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${CSS}</style></head><body>
<section class="cover">
${d.notForFiling ? `<p class="banner">Working translation for reference — not for filing. The filing is made in Chinese.</p>` : ""}
<h1>${esc(d.title)}</h1>
<p>${zh ? "数据处理者名称" : "Processor"}：${esc(d.processor)}（${zh ? "盖章" : "seal"}）<span class="seal"></span></p>
<p>${zh ? "　　年　　月　　日" : "Date: ____________"}</p>
<p class="src">${zh ? "依据模板" : "Template"}：${esc(d.edition)}；${zh ? "生成日期" : "as of"} ${esc(d.asOf)}（xborder）</p>
<h2>${zh ? "待完成事项" : "Still to write"}（${todo.length}）</h2>
<ol class="checklist">${todo.map((t) => `<li><a href="#${t.id}">${t.id}</a> ${esc(t.text)}</li>`).join("")}</ol>
</section>
${d.blocks.map(block).join("\n")}
</body></html>
`;
}
