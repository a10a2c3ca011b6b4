/** `xborder diff` for a person (text) or a pull-request comment (markdown), in Chinese or English. */
import { countsSourceLine } from "../engine/counts-source.js";
import type { MapDiff } from "../engine/diff.js";
import { CitationWriter, type Lang } from "../law/index.js";

const T = {
  title: { zh: "数据图变更及其后果", en: "What the change to the data map sets off" },
  none: { zh: "没有变更。", en: "No change." },
  changes: { zh: "变更", en: "Changes" },
  consequences: { zh: "后果", en: "Consequences" },
  noConsequence: { zh: "没有须重新评估、备案或者改变路径的后果。", en: "Nothing to re-assess, re-file or change of pathway." },
  added: { zh: "新增", en: "added" },
  removed: { zh: "移除", en: "removed" },
  changed: { zh: "变更", en: "changed" },
} as const;

const SUBJECT = {
  processor: { zh: "处理者", en: "processor" },
  recipient: { zh: "接收方", en: "recipient" },
  dataset: { zh: "数据集", en: "dataset" },
  transfer: { zh: "出境活动", en: "transfer" },
} as const;

const show = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

export function renderDiff(d: MapDiff, lang: Lang, markdown: boolean): string {
  const t = (k: keyof typeof T) => T[k][lang];
  const w = new CitationWriter(lang);
  const lines: string[] = [];
  const h = (s: string) => lines.push(markdown ? `### ${s}` : `${s}${lang === "zh" ? "：" : ":"}`);
  lines.push(markdown ? `## ${t("title")} (${d.asOf})` : `${t("title")} — ${d.asOf}`);
  lines.push(countsSourceLine(d.countsSource, lang));
  if (d.changes.length === 0) {
    lines.push(t("none"));
    return `${lines.join("\n")}\n`;
  }
  h(t("changes"));
  for (const c of d.changes) {
    const id = markdown ? `\`${c.id}\`` : c.id;
    const where =
      c.subject === "processor"
        ? `${SUBJECT.processor[lang]} ${c.field ?? ""}`
        : `${SUBJECT[c.subject][lang]} ${id}${c.field ? ` ${c.field}` : ""}`;
    lines.push(`- ${T[c.kind][lang]} ${where}${c.kind === "changed" ? `: ${show(c.before)} → ${show(c.after)}` : ""}`);
  }
  h(t("consequences"));
  if (d.consequences.length === 0) lines.push(t("noConsequence"));
  for (const c of d.consequences) {
    const mark = c.id === "refile" || c.id === "pathway_heavier" ? (markdown ? "**" : "! ") : "";
    const end = markdown && mark ? "**" : "";
    lines.push(
      `- ${mark}${markdown ? `\`${c.transfer}\`` : c.transfer}: ${c.description}${end}${c.basis.length ? (lang === "zh" ? `（${w.list(c.basis)}）` : ` (${w.list(c.basis)})`) : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}
