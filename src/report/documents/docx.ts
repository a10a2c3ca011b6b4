/**
 * A filing document as an editable DOCX: A4, the templates' margins (2.54 cm top and bottom, 3.18 cm
 * left and right), body 四号 仿宋 with Times New Roman for digits and Latin letters, fixed 26 pt lines
 * and a two-character first-line indent; headings 黑体 / 楷体 bold / 仿宋 bold — as Word styles named
 * so, so Word shows them. WordprocessingML is written directly: the `docx` package spent ~18 µs
 * serialising each table cell, and a 1,000-transfer map's documents hold ~30,000 (3.1 s for all five
 * documents against a 2 s goal; measured in bench/documents.ts).
 */
import { type Block, type FilingDocument, missing, SOURCE_NAMES } from "./model.js";
import { assertFileable, coverLabel, type RenderOptions } from "./render.js";
import { zip } from "./zip.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);
const cm = (x: number) => Math.round((x / 2.54) * 1440);
const fonts = (eastAsia: string) => `<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="${eastAsia}"/>`;
/** 四号 = 14 pt, in half-points. */
const SIZE = 28;
const BODY_LAYOUT = `<w:spacing w:line="520" w:lineRule="exact"/><w:ind w:firstLine="560"/>`;

function style(
  id: string,
  name: string,
  o: { font: string; size?: number; bold?: boolean; color?: string; layout?: boolean; outline?: number; basedOn?: string },
) {
  return `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${esc(name)}"/><w:basedOn w:val="${o.basedOn ?? "Normal"}"/>${
    id.startsWith("Heading") ? `<w:next w:val="Body"/>` : ""
  }<w:qFormat/><w:pPr>${o.layout ? BODY_LAYOUT : ""}${o.outline === undefined ? "" : `<w:outlineLvl w:val="${o.outline}"/>`}</w:pPr><w:rPr>${fonts(o.font)}${o.bold ? "<w:b/>" : ""}${
    o.color ? `<w:color w:val="${o.color}"/>` : ""
  }<w:sz w:val="${o.size ?? SIZE}"/></w:rPr></w:style>`;
}

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr>${fonts("仿宋")}<w:sz w:val="${SIZE}"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
${style("Body", "正文（仿宋 四号）", { font: "仿宋", layout: true })}
${style("Title", "标题（黑体 二号）", { font: "黑体", size: 44 })}
${style("Heading1", "一级标题（黑体）", { font: "黑体", layout: true, outline: 0 })}
${style("Heading2", "二级标题（楷体 加粗）", { font: "楷体", bold: true, layout: true, outline: 1 })}
${style("Heading3", "三级标题（仿宋 加粗）", { font: "仿宋", bold: true, layout: true, outline: 2 })}
${style("TableText", "表格文字（仿宋 五号）", { font: "仿宋", size: 21 })}
${style("Placeholder", "待填写", { font: "仿宋", color: "B54708", layout: true, basedOn: "Body" })}
${style("Cover", "封面（仿宋 四号）", { font: "仿宋" })}
${style("Footer", "页脚", { font: "Times New Roman", size: 28 })}
</w:styles>`;

const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
const para = (styleId: string, runs: string, pPr = "") => `<w:p><w:pPr><w:pStyle w:val="${styleId}"/>${pPr}</w:pPr>${runs}</w:p>`;
const CENTER = `<w:jc w:val="center"/>`;
const BORDER = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
const TABLE_BORDERS = `<w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(BORDER).join("")}</w:tblBorders>`;
/** The text width between the margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * cm(3.18);

/** The footer: the page number, centred, as an updating PAGE field ("- 1 -"). */
const FOOTER = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr xmlns:w="${W}"><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">- </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> -</w:t></w:r></w:p></w:ftr>`;

export async function documentToDocx(d: FilingDocument, o: RenderOptions = {}): Promise<Buffer> {
  if (o.final) assertFileable(d);
  const zh = d.lang === "zh";
  const work = !o.final;
  const src = (s?: keyof typeof SOURCE_NAMES) =>
    work && s ? run(`（${zh ? "来源" : "from"}：${SOURCE_NAMES[s][d.lang]}）`, `<w:color w:val="555555"/><w:sz w:val="21"/>`) : "";
  const table = (columns: string[], rows: string[][]) => {
    // A 序号 column takes what a number needs; the others share the rest.
    const narrow = (c: string) => c === "序号" || c === "No.";
    const unit = TEXT_WIDTH / columns.reduce((n, c) => n + (narrow(c) ? 0.4 : 1), 0);
    const widths = columns.map((c) => Math.floor(unit * (narrow(c) ? 0.4 : 1)));
    const cell = (text: string, bold: boolean, w: number) =>
      `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/></w:tcPr>${para("TableText", run(text, bold ? "<w:b/>" : ""))}</w:tc>`;
    const parts = [
      `<w:tbl><w:tblPr><w:tblW w:w="5000" w:type="pct"/>${TABLE_BORDERS}</w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
    ];
    parts.push(`<w:tr><w:trPr><w:tblHeader/></w:trPr>${columns.map((c, i) => cell(c, true, widths[i]!)).join("")}</w:tr>`);
    for (const r of rows) parts.push(`<w:tr>${r.map((c, i) => cell(c, false, widths[i]!)).join("")}</w:tr>`);
    parts.push("</w:tbl>");
    return parts.join("");
  };
  // Each placeholder's key is a Word comment (Review › Delete all comments removes them in one step).
  const comments: string[] = [];
  const block = (b: Block): string => {
    switch (b.kind) {
      case "heading":
        return para(`Heading${b.level}`, run(b.text));
      case "paragraph":
        return para("Body", run(b.text) + src(b.source));
      case "placeholder": {
        const id = comments.length;
        comments.push(
          `<w:comment w:id="${id}" w:author="${zh ? "待填写" : "To write"}" w:initials="${b.id}"><w:p><w:r><w:t xml:space="preserve">${esc(`${b.id} statements.${d.kind}.${b.key}${b.hint ? `（${b.hint}）` : ""}`)}</w:t></w:r></w:p></w:comment>`,
        );
        return para(
          "Placeholder",
          `<w:commentRangeStart w:id="${id}"/>${run(`【${zh ? "待填写" : "To write"}】${b.text}`, `<w:highlight w:val="yellow"/>`)}<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`,
          `<w:pBdr><w:top w:val="dashed" w:sz="6" w:space="1" w:color="B54708"/><w:bottom w:val="dashed" w:sz="6" w:space="1" w:color="B54708"/></w:pBdr>`,
        );
      }
      case "table":
        return (
          (b.caption ? para("TableText", run(b.caption, "<w:b/>")) : "") +
          table(b.columns, b.rows) +
          (work && b.source ? para("TableText", src(b.source)) : "")
        );
    }
  };
  const todo = missing(d);
  const pageBreak = `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`;
  const label = coverLabel(d);
  // The template's cover: the title, then the seal block — the name with （盖章） and 年 月 日.
  const cover = [
    d.notForFiling
      ? para(
          "Body",
          run("Working translation for reference — not for filing. The filing is made in Chinese.", `<w:b/><w:color w:val="B42318"/>`),
          CENTER,
        )
      : "",
    para("Title", run(d.title), `${CENTER}<w:spacing w:before="2880" w:after="4320"/>`),
    para("Cover", run(`${label}：${d.processor}${zh ? "（盖章）" : " (seal)"}`), `${CENTER}<w:spacing w:line="640" w:lineRule="exact"/>`),
    para("Cover", run(zh ? "年　　月　　日" : "Date: ____________"), `${CENTER}<w:spacing w:line="640" w:lineRule="exact"/>`),
    pageBreak,
  ].join("");
  const notes = work
    ? [
        para(
          "TableText",
          run(
            `${zh ? "工作稿（非备案文本）：依据模板" : "Working copy (not the filing copy): template"} ${d.edition}；${zh ? "生成日期" : "as of"} ${d.asOf}（xborder）`,
          ),
        ),
        ...(d.notApplicable ? [para("TableText", run(d.notApplicable, `<w:b/><w:color w:val="B42318"/>`))] : []),
        ...(d.problems ?? []).map((p) => para("TableText", run(p.text, `<w:b/><w:color w:val="B42318"/>`))),
        ...(d.deadlines ?? []).map((r) => para("TableText", run(r.join("\u3000")))),
        para("Heading2", run(`${zh ? "待完成事项" : "Still to write"}（${todo.length}）`)),
        ...todo.map((t) => para("TableText", run(`${t.id}\u3000${t.text}`))),
        pageBreak,
      ].join("")
    : "";
  const body = d.blocks.map(block).join("");
  const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${cover}${notes}${body}<w:sectPr><w:footerReference w:type="default" r:id="rId2"/><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="${cm(2.54)}" w:right="${cm(3.18)}" w:bottom="${cm(2.54)}" w:left="${cm(3.18)}" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const rel = "http://schemas.openxmlformats.org";
  const wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
  return zip([
    [
      "[Content_Types].xml",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="${rel}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${wml}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${wml}.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="${wml}.footer+xml"/>${
          comments.length ? `<Override PartName="/word/comments.xml" ContentType="${wml}.comments+xml"/>` : ""
        }<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
      ),
    ],
    [
      "_rels/.rels",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${rel}/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="${rel}/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
      ),
    ],
    [
      "docProps/core.xml",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="${rel}/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(d.title)}</dc:title><dc:creator>${esc(work ? "xborder" : d.processor)}</dc:creator></cp:coreProperties>`,
      ),
    ],
    [
      "word/_rels/document.xml.rels",
      Buffer.from(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="${rel}/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="${rel}/officeDocument/2006/relationships/footer" Target="footer1.xml"/>${
          comments.length ? `<Relationship Id="rId3" Type="${rel}/officeDocument/2006/relationships/comments" Target="comments.xml"/>` : ""
        }</Relationships>`,
      ),
    ],
    ["word/styles.xml", Buffer.from(STYLES)],
    ["word/footer1.xml", Buffer.from(FOOTER)],
    ...(comments.length
      ? [
          [
            "word/comments.xml",
            Buffer.from(
              `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W}">${comments.join("")}</w:comments>`,
            ),
          ] as [string, Buffer],
        ]
      : []),
    ["word/document.xml", Buffer.from(document)],
  ]);
}
