/**
 * A filing document as an editable DOCX (the `docx` package): A4, the templates' margins (2.54 cm
 * top and bottom, 3.18 cm left and right), body 四号 仿宋 with Times New Roman for digits and Latin
 * letters, fixed 26 pt lines, a two-character first-line indent; headings 黑体 / 楷体 bold / 仿宋 bold
 * as Word styles named so, so Word shows them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { type Block, type FilingDocument, missing, SOURCE_NAMES } from "./model.js";

const cm = (x: number) => Math.round((x / 2.54) * 1440);
const font = (eastAsia: string) => ({ ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia });
const SIZE = 28; // 四号 = 14 pt, in half-points

/** The body's layout (fixed 26 pt lines, a two-character first-line indent) in a style of this font. */
const textStyle = (id: string, name: string, eastAsia: string, bold = false) => ({
  id,
  name,
  basedOn: "Normal",
  run: { font: font(eastAsia), size: SIZE, bold },
  paragraph: { spacing: { line: 520, lineRule: LineRuleType.EXACT }, indent: { firstLine: 560 } },
});

export async function documentToDocx(d: FilingDocument): Promise<Buffer> {
  const zh = d.lang === "zh";
  const src = (s?: keyof typeof SOURCE_NAMES) =>
    s ? [new TextRun({ text: `（${zh ? "来源" : "from"}：${SOURCE_NAMES[s][d.lang]}）`, size: 21, color: "555555" })] : [];
  const para = (text: string, style = "Body", extra: TextRun[] = []) => new Paragraph({ style, children: [new TextRun(text), ...extra] });
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ style: "TableText", children: [new TextRun({ text, bold })] })] });
  const block = (b: Block): (Paragraph | Table)[] => {
    switch (b.kind) {
      case "heading":
        return [
          new Paragraph({
            style: `Heading${b.level}`,
            heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][b.level - 1],
            children: [new TextRun(b.text)],
          }),
        ];
      case "paragraph":
        return [para(b.text, "Body", src(b.source))];
      case "placeholder":
        return [
          new Paragraph({
            style: "Placeholder",
            border: {
              top: { style: BorderStyle.DASHED, size: 6, color: "B54708" },
              bottom: { style: BorderStyle.DASHED, size: 6, color: "B54708" },
            },
            children: [
              new TextRun({ text: `【${zh ? "待填写" : "To write"} ${b.id}】${b.text}`, highlight: "yellow" }),
              new TextRun({ text: `  statements.${d.kind}.${b.key}`, size: 18, color: "777777" }),
            ],
          }),
        ];
      case "table":
        return [
          ...(b.caption ? [para(b.caption, "TableText")] : []),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: b.columns.map((c) => cell(c, true)) }),
              ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
            ],
          }),
          ...(b.source ? [new Paragraph({ style: "TableText", children: src(b.source) })] : []),
        ];
    }
  };
  const todo = missing(d);
  const cover: Paragraph[] = [
    ...(d.notForFiling
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: "Working translation for reference — not for filing. The filing is made in Chinese.",
                bold: true,
                color: "B42318",
              }),
            ],
          }),
        ]
      : []),
    new Paragraph({ style: "Title", alignment: AlignmentType.CENTER, children: [new TextRun(d.title)] }),
    new Paragraph({
      style: "Body",
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${zh ? "数据处理者名称" : "Processor"}：${d.processor}（${zh ? "盖章" : "seal"}）`)],
    }),
    new Paragraph({
      style: "Body",
      alignment: AlignmentType.CENTER,
      children: [new TextRun(zh ? "年　　月　　日" : "Date: ____________")],
    }),
    new Paragraph({
      style: "TableText",
      alignment: AlignmentType.CENTER,
      children: [new TextRun(`${zh ? "依据模板" : "Template"}：${d.edition}；${zh ? "生成日期" : "as of"} ${d.asOf}（xborder）`)],
    }),
    new Paragraph({ style: "Heading2", children: [new TextRun(`${zh ? "待完成事项" : "Still to write"}（${todo.length}）`)] }),
    ...todo.map((t) => new Paragraph({ style: "TableText", children: [new TextRun(`${t.id}\u3000${t.text}`)] })),
    new Paragraph({ pageBreakBefore: true, children: [] }),
  ];
  const doc = new Document({
    creator: "xborder",
    title: d.title,
    styles: {
      paragraphStyles: [
        textStyle("Body", "正文（仿宋 四号）", "仿宋"),
        {
          id: "Title",
          name: "标题（黑体 二号）",
          basedOn: "Normal",
          run: { font: font("黑体"), size: 44 },
          paragraph: { spacing: { after: 480 } },
        },
        { ...textStyle("Heading1", "一级标题（黑体）", "黑体"), next: "Body" },
        { ...textStyle("Heading2", "二级标题（楷体 加粗）", "楷体", true), next: "Body" },
        { ...textStyle("Heading3", "三级标题（仿宋 加粗）", "仿宋", true), next: "Body" },
        { id: "TableText", name: "表格文字（仿宋 五号）", basedOn: "Normal", run: { font: font("仿宋"), size: 21 } },
        { ...textStyle("Placeholder", "待填写", "仿宋"), basedOn: "Body", run: { font: font("仿宋"), size: SIZE, color: "B54708" } },
      ],
    },
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: cm(2.54), bottom: cm(2.54), left: cm(3.18), right: cm(3.18) } },
        },
        children: [...cover, ...d.blocks.flatMap(block)],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
