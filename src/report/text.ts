/** The readable report of an assessment, for a person, in Chinese or English. */

import { num, OPTION_NAMES, PATHWAY_NAMES } from "../engine/messages.js";
import { countsSourceLine } from "../engine/counts-source.js";
import type { Assessment, Deadline } from "../engine/types.js";
import { type Citation, CitationWriter, type Lang } from "../law/index.js";

const T = {
  title: { zh: "数据出境评估", en: "Cross-border data assessment" },
  processor: { zh: "数据处理者", en: "Processor" },
  processorDuties: { zh: "处理者整体义务", en: "What the processor owes as a whole" },
  condition: { zh: "条件", en: "condition" },
  asOf: { zh: "评估日", en: "As of" },
  rules: { zh: "适用规则", en: "Rules" },
  window: { zh: "计数期间", en: "Counting window" },
  cumulative: { zh: "累计人数（计入的出境）", en: "Cumulative people (counted transfers)" },
  general: { zh: "个人信息", en: "PI" },
  sensitive: { zh: "敏感个人信息", en: "sensitive PI" },
  source: { zh: "来源", en: "source" },
  transfer: { zh: "出境活动", en: "Transfer" },
  pathway: { zh: "路径", en: "Pathway" },
  options: { zh: "可选方式", en: "Options" },
  counted: { zh: "计入累计", en: "Counted" },
  basis: { zh: "依据", en: "Basis" },
  why: { zh: "理由", en: "Why" },
  todo: { zh: "应履行的义务", en: "What to do" },
  deadlines: { zh: "期限", en: "Deadlines" },
  none: { zh: "无", en: "none" },
  yes: { zh: "是", en: "yes" },
  no: { zh: "否", en: "no" },
  provisional: { zh: "（暂定：所涉年度节假日安排尚未公布）", en: " (provisional: that year's holiday schedule is not published)" },
  passed: { zh: "已过", en: "passed" },
  upcoming: { zh: "未到", en: "upcoming" },
  notices: { zh: "提示", en: "Notices" },
  ifOption: { zh: "如选", en: "if" },
} as const;

const KIND: Record<Deadline["kind"], { zh: string; en: string }> = {
  filing_due: { zh: "备案截止", en: "file by" },
  assessment_expires: { zh: "评估结果有效期至", en: "assessment valid until" },
  extension_window_opens: { zh: "可申请延期自", en: "extension may be applied for from" },
  reapplication_due: { zh: "重新申报截止", en: "re-apply by" },
  completeness_check_due: { zh: "完备性查验期限", en: "completeness check due" },
  acceptance_decision_due: { zh: "受理决定期限（最晚）", en: "acceptance decision due (latest)" },
  review_due: { zh: "评估期限", en: "assessment due" },
  rereview_request_due: { zh: "申请复评截止", en: "ask for a re-review by" },
};

const SOURCE: Record<Assessment["processor"]["cumulativeSource"], { zh: string; en: string }> = {
  data_map: { zh: "数据图所填累计人数", en: "data_map" },
  transfers: { zh: "各出境活动人数之和", en: "transfers" },
  ledger: { zh: "台账去重计数", en: "ledger" },
};

export function renderText(a: Assessment, lang: Lang): string {
  const t = (k: keyof typeof T) => T[k][lang];
  // One writer for the whole report: in Chinese an instrument is named in full once, then by its short name.
  const writer = new CitationWriter(lang);
  const cites = (cs: readonly Citation[]) => writer.list(cs);
  const sep = lang === "zh" ? "：" : ": ";
  const colon = lang === "zh" ? "：" : ":"; // ends a heading line
  const paren = (x: string) => (lang === "zh" ? `（${x}）` : ` (${x})`);
  const lines: string[] = [];
  lines.push(`${t("title")} — ${a.processor.name || "?"}`);
  const rules = lang === "zh" ? a.instruments.map((id) => writer.name(id)).join("、") : `${a.regime} (${a.instruments.join(", ")})`;
  lines.push(`${t("asOf")}${sep}${a.asOf}    ${t("rules")}${sep}${rules}`);
  lines.push(`${t("window")}${sep}${a.window.from} – ${a.window.to}`);
  lines.push(countsSourceLine(a.countsSource, lang));
  lines.push(
    `${t("cumulative")}${sep}${t("general")} ${num(a.processor.cumulative.general)}${lang === "zh" ? "，" : ", "}${t("sensitive")} ${num(a.processor.cumulative.sensitive)}${paren(`${t("source")}${sep}${SOURCE[a.processor.cumulativeSource][lang]}`)}`,
  );
  if (a.processorObligations.length) {
    lines.push(`${t("processorDuties")}${colon}`);
    for (const o of a.processorObligations) lines.push(`  - ${o.description}${paren(cites(o.basis))}`);
  }
  for (const tr of a.transfers) {
    lines.push("");
    lines.push(`■ ${t("transfer")} ${tr.id}  (${tr.dataset} → ${tr.recipient})`);
    lines.push(`  ${t("pathway")}${sep}${PATHWAY_NAMES[tr.pathway][lang]}`);
    lines.push(`  ${t("options")}${sep}${tr.options.length ? tr.options.map((o) => OPTION_NAMES[o][lang]).join(" / ") : t("none")}`);
    lines.push(`  ${t("counted")}${sep}${tr.counted ? t("yes") : t("no")}    ${t("basis")}${sep}${cites(tr.basis)}`);
    lines.push(`  ${t("why")}${colon}`);
    for (const e of tr.explanation) lines.push(`    - ${e}`);
    lines.push(`  ${t("todo")}${colon}`);
    for (const o of tr.obligations) {
      const prefix = o.option ? `[${t("ifOption")} ${OPTION_NAMES[o.option][lang]}] ` : "";
      lines.push(`    - ${prefix}${o.description}${paren(cites(o.basis))}`);
    }
    const ds = a.deadlines.filter((d) => d.transfer === tr.id);
    if (ds.length) {
      lines.push(`  ${t("deadlines")}${colon}`);
      for (const d of ds) {
        lines.push(
          `    - ${KIND[d.kind][lang]} ${d.date} [${t(d.status)}]${d.provisional ? t("provisional") : ""}${paren(cites(d.basis))}`,
        );
        if (d.condition) lines.push(`      ${t("condition")}${sep}${d.condition}`);
      }
    }
  }
  if (a.notices.length) {
    lines.push("");
    lines.push(`${t("notices")}${colon}`);
    for (const n of a.notices) lines.push(`  - ${n}`);
  }
  return `${lines.join("\n")}\n`;
}
