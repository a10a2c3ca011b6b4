/**
 * Exports a team hands on (issue 29 §4): the transfers with their pathways and citations, the
 * people counts as of a date, the obligations register, the audit log — each a plain table,
 * written as CSV (UTF-8 with a byte-order mark, so Excel reads Chinese; a cell a spreadsheet would
 * take for a formula is quoted as text) or as XLSX (exceljs).
 */
import type { Assessment } from "../engine/types.js";
import { COUNTS_SOURCE_NAMES, type CountsSource } from "../engine/counts-source.js";
import { OPTION_NAMES, PATHWAY_NAMES } from "../engine/messages.js";
import type { Register } from "../engine/register/index.js";
import { type Citation, CitationWriter, type Lang } from "../law/index.js";
import type { LedgerCount } from "../ledger/count.js";
import { STATUS_NAMES } from "./register.js";

export type Cell = string | number | boolean | null | undefined;

export interface Table {
  /** The sheet's name (at most 31 characters). */
  name: string;
  columns: string[];
  rows: Cell[][];
}

const L = (lang: Lang, zh: string, en: string) => (lang === "zh" ? zh : en);

/** A row's citations, standing alone (each row names the instrument in full: rows are sorted and filtered apart). */
const cites = (cs: readonly Citation[], lang: Lang) => new CitationWriter(lang).list(cs);

/** Each transfer: its pathway, options, whether it counts, the people counts that decided it, and the provisions. */
export function transfersTable(a: Assessment, counts: Record<string, { general: number; sensitive: number }>, lang: Lang): Table {
  return {
    name: L(lang, "出境活动", "transfers"),
    columns: [
      L(lang, "出境活动", "transfer"),
      L(lang, "数据集", "dataset"),
      L(lang, "境外接收方", "recipient"),
      L(lang, "路径", "pathway"),
      L(lang, "路径代码", "pathway code"),
      L(lang, "可选方式", "options"),
      L(lang, "计入累计", "counted"),
      L(lang, "一般个人信息人数", "general PI persons"),
      L(lang, "敏感个人信息人数", "sensitive PI persons"),
      L(lang, "人数来源", "counts source"),
      L(lang, "评估日期", "as of"),
      L(lang, "依据", "citations"),
    ],
    rows: a.transfers.map((t) => [
      t.id,
      t.dataset,
      t.recipient,
      PATHWAY_NAMES[t.pathway][lang],
      t.pathway,
      t.options.map((o) => OPTION_NAMES[o][lang]).join(L(lang, "、", "; ")),
      t.counted,
      counts[t.id]?.general ?? null,
      counts[t.id]?.sensitive ?? null,
      COUNTS_SOURCE_NAMES[a.countsSource][lang],
      a.asOf,
      cites(t.basis, lang),
    ]),
  };
}

/** The ledger's de-duplicated counts on a date: per transfer and the total over the counted transfers. */
export function countsTable(c: LedgerCount, source: CountsSource, lang: Lang): Table {
  const rows: Cell[][] = Object.entries(c.transfers).map(([id, x]) => [
    id,
    x.general,
    x.sensitive,
    x.counted,
    c.asOf,
    c.window.from,
    c.window.to,
  ]);
  rows.push([
    L(lang, "合计（计入的出境活动）", "total (counted transfers)"),
    c.cumulative.general,
    c.cumulative.sensitive,
    true,
    c.asOf,
    c.window.from,
    c.window.to,
  ]);
  return {
    name: L(lang, "人数", "counts"),
    columns: [
      L(lang, "出境活动", "transfer"),
      L(lang, "一般个人信息（去重）", "general PI (distinct)"),
      L(lang, "敏感个人信息（去重）", "sensitive PI (distinct)"),
      L(lang, "计入累计", "counted"),
      L(lang, "截至", "as of"),
      L(lang, "计数期间起", "window from"),
      L(lang, "计数期间止", "window to"),
      L(lang, "人数来源", "counts source"),
    ],
    rows: rows.map((r) => [...r, COUNTS_SOURCE_NAMES[source][lang]]),
  };
}

/** The obligations register: each duty, its date or event, status and provisions. */
export function obligationsTable(r: Register, lang: Lang): Table {
  return {
    name: L(lang, "义务台账", "obligations"),
    columns: [
      "id",
      L(lang, "到期日", "due"),
      L(lang, "事件", "on"),
      L(lang, "状态", "status"),
      L(lang, "出境活动", "transfer"),
      L(lang, "应做", "action"),
      L(lang, "起因", "trigger"),
      L(lang, "条件", "condition"),
      L(lang, "周期", "recurs"),
      L(lang, "已完成于", "done on"),
      L(lang, "依据", "citations"),
    ],
    rows: r.items.map((i) => [
      i.id,
      i.due,
      i.on,
      STATUS_NAMES[i.status][lang],
      i.transfer,
      i.action,
      i.trigger,
      i.condition,
      i.recurs,
      i.doneOn,
      cites(i.basis, lang),
    ]),
  };
}

/** A cell as CSV: a leading =, +, - or @ is a formula to a spreadsheet, so it is quoted as text. */
export function csvCell(v: Cell): string {
  const s = v === null || v === undefined ? "" : typeof v === "boolean" ? (v ? "true" : "false") : String(v);
  const safe = typeof v === "string" && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function tableToCsv(t: Table): string {
  const lines = [t.columns, ...t.rows].map((r) => r.map(csvCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

/** An XLSX workbook with one sheet per table: a bold, frozen header row; numbers stay numbers; text that looks like a formula stays text. */
export async function tablesToXlsx(tables: readonly Table[]): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "xborder";
  for (const t of tables) {
    const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(t.columns).font = { bold: true };
    for (const r of t.rows) ws.addRow(r.map((v) => (v === undefined ? null : v)));
    t.columns.forEach((c, i) => {
      const longest = Math.max(c.length, ...t.rows.map((r) => String(r[i] ?? "").length));
      ws.getColumn(i + 1).width = Math.min(60, Math.max(8, longest + 2));
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
