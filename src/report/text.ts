/** The readable report of an assessment, for a person, in Chinese or English. */

import { num, OPTION_NAMES, PATHWAY_NAMES } from "../engine/messages.js";
import type { Assessment, Deadline } from "../engine/types.js";
import { formatCitation, type Lang } from "../law/index.js";

const T = {
  title: { zh: "数据出境评估", en: "Cross-border data assessment" },
  processor: { zh: "数据处理者", en: "Processor" },
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
};

export function renderText(a: Assessment, lang: Lang): string {
  const t = (k: keyof typeof T) => T[k][lang];
  const cites = (cs: { instrument: string }[]) => cs.map((c) => formatCitation(c as never, lang)).join("; ");
  const lines: string[] = [];
  lines.push(`${t("title")} — ${a.processor.name || "?"}`);
  lines.push(`${t("asOf")}: ${a.asOf}    ${t("rules")}: ${a.regime} (${a.instruments.join(", ")})`);
  lines.push(`${t("window")}: ${a.window.from} – ${a.window.to}`);
  lines.push(
    `${t("cumulative")}: ${t("general")} ${num(a.processor.cumulative.general)}, ${t("sensitive")} ${num(a.processor.cumulative.sensitive)} (${t("source")}: ${a.processor.cumulativeSource})`,
  );
  for (const tr of a.transfers) {
    lines.push("");
    lines.push(`■ ${t("transfer")} ${tr.id}  (${tr.dataset} → ${tr.recipient})`);
    lines.push(`  ${t("pathway")}: ${PATHWAY_NAMES[tr.pathway][lang]}`);
    lines.push(`  ${t("options")}: ${tr.options.length ? tr.options.map((o) => OPTION_NAMES[o][lang]).join(" / ") : t("none")}`);
    lines.push(`  ${t("counted")}: ${tr.counted ? t("yes") : t("no")}    ${t("basis")}: ${cites(tr.basis)}`);
    lines.push(`  ${t("why")}:`);
    for (const e of tr.explanation) lines.push(`    - ${e}`);
    lines.push(`  ${t("todo")}:`);
    for (const o of tr.obligations) {
      const prefix = o.option ? `[${t("ifOption")} ${OPTION_NAMES[o.option][lang]}] ` : "";
      lines.push(`    - ${prefix}${o.description} (${cites(o.basis)})`);
    }
    const ds = a.deadlines.filter((d) => d.transfer === tr.id);
    if (ds.length) {
      lines.push(`  ${t("deadlines")}:`);
      for (const d of ds) {
        lines.push(`    - ${KIND[d.kind][lang]} ${d.date} [${t(d.status)}]${d.provisional ? t("provisional") : ""} (${cites(d.basis)})`);
      }
    }
  }
  if (a.notices.length) {
    lines.push("");
    lines.push(`${t("notices")}:`);
    for (const n of a.notices) lines.push(`  - ${n}`);
  }
  return `${lines.join("\n")}\n`;
}
