/**
 * The obligations register for a person: grouped by due date, one line per duty saying what to do
 * and why, with its citations; zh and en. Duties owed now without a date, and those owed on an
 * event, follow the dated ones; the 2023 draft closes the page, marked as not law.
 */
import type { NotLawItem, Register, RegisterItem, RegisterStatus } from "../engine/register/index.js";
import { CitationWriter, type Lang } from "../law/index.js";

const T = {
  title: { zh: "义务登记簿", en: "Obligations register" },
  now: { zh: "现在须履行（无具体日期）", en: "Owed now (no date)" },
  onEvent: { zh: "发生时须履行", en: "Owed when it happens" },
  notLaw: { zh: "对照：未生效的征求意见稿（不是法律）", en: "For comparison: a draft that never became law" },
  because: { zh: "原因", en: "because" },
  secondary: { zh: "（部分依据来自二手资料）", en: " (some citations from secondary sources)" },
  provisional: { zh: "（节假日安排未公布，日期为推算）", en: " (provisional: the year's holidays are unpublished)" },
  done: { zh: "完成于", en: "done" },
  recurs: { zh: "周期", en: "recurs" },
  summary: {
    zh: "逾期 {overdue} 项，待办 {due} 项，即将到期 {upcoming} 项，已完成 {done} 项",
    en: "{overdue} overdue, {due} due, {upcoming} upcoming, {done} done",
  },
} as const;

export const STATUS_NAMES: Record<RegisterStatus, { zh: string; en: string }> = {
  done: { zh: "已完成", en: "done" },
  due: { zh: "待办", en: "due" },
  overdue: { zh: "逾期", en: "OVERDUE" },
  upcoming: { zh: "即将", en: "upcoming" },
  provisional: { zh: "暂定", en: "provisional" },
};

const CYCLES: Record<string, { zh: string; en: string }> = {
  P6M: { zh: "每半年", en: "every six months" },
  P1Y: { zh: "每年", en: "yearly" },
  P2Y: { zh: "每两年", en: "every two years" },
};

/** One line: [status] what to do — why (citations). A draft's line has no status. */
export function itemLine(i: RegisterItem | NotLawItem, lang: Lang, w = new CitationWriter(lang)): string {
  const sep = lang === "zh" ? "；" : "; ";
  const parts = ["status" in i ? `[${STATUS_NAMES[i.status][lang]}] ${i.action}` : i.action];
  const why = [`${T.because[lang]}${lang === "zh" ? "：" : ": "}${i.trigger}`];
  if (i.on) why.unshift(i.on);
  if (i.condition) why.push(i.condition);
  if (i.doneOn) why.push(`${T.done[lang]} ${i.doneOn}`);
  if (i.recurs) why.push(CYCLES[i.recurs]?.[lang] ?? `${T.recurs[lang]} ${i.recurs}`);
  parts.push(` — ${why.join(sep)}`);
  parts.push(` (${w.list(i.basis)})${i.secondary ? T.secondary[lang] : ""}${i.provisional ? T.provisional[lang] : ""}`);
  return parts.join("");
}

export function renderRegister(r: Register): string {
  const lang = r.lang;
  const w = new CitationWriter(lang);
  const lines: string[] = [`${T.title[lang]} — ${r.processor} — ${r.asOf}`];
  const count = (s: RegisterStatus) => r.items.filter((i) => i.status === s).length;
  lines.push(
    T.summary[lang]
      .replace("{overdue}", String(count("overdue")))
      .replace("{due}", String(count("due") + count("provisional")))
      .replace("{upcoming}", String(count("upcoming")))
      .replace("{done}", String(count("done"))),
  );
  let group: string | undefined;
  const head = (g: string) => {
    if (g === group) return;
    group = g;
    lines.push("", `${g}${lang === "zh" ? "：" : ":"}`);
  };
  for (const i of r.items) {
    head(i.due ?? (i.on ? T.onEvent[lang] : T.now[lang]));
    lines.push(`  ${itemLine(i, lang, w)}`);
  }
  if (r.notLaw.length) {
    lines.push("", `${T.notLaw[lang]}${lang === "zh" ? "：" : ":"}`);
    for (const i of r.notLaw) lines.push(`  ${i.due ? `${i.due} ` : ""}${itemLine(i, lang, w)}`);
  }
  return `${lines.join("\n")}\n`;
}
