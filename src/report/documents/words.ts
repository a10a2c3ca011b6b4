/**
 * How a filing writes its facts in Chinese: people as the templates count them (2600000人, no
 * thousands separator), periods as periods (3年, not 1095天), each transfer by what it is (its
 * business scenario, else its purpose and recipient) rather than the data map's id.
 */
import { nameOf, PURPOSE_NAMES } from "../../engine/names.js";
import type { Lang } from "../../law/index.js";
import type { DocumentFacts } from "./facts.js";

/** A count of people with its unit. */
export const people = (n: number, lang: Lang) => (lang === "zh" ? `${n}人` : `${n.toLocaleString("en-US")} people`);

/** A retention period in days as the largest whole unit: 3年, 6个月, 45日. */
export function period(days: number, lang: Lang): string {
  if (days > 0 && days % 365 === 0) return lang === "zh" ? `${days / 365}年` : `${days / 365} year(s)`;
  if (days > 0 && days % 30 === 0) return lang === "zh" ? `${days / 30}个月` : `${days / 30} month(s)`;
  return lang === "zh" ? `${days}日` : `${days} days`;
}

/** The purpose as the company words it (transfers[].purposeText), else the enum's name. */
export function purposeOf(f: DocumentFacts, id: string, lang: Lang): string {
  const t = f.map.transfers.find((x) => x.id === id)!;
  return t.purposeText ?? nameOf(PURPOSE_NAMES, t.purpose, lang);
}

/** A transfer as a reader names it: its business scenario, else its purpose and recipient (English: its id). */
export function transferLabel(f: DocumentFacts, id: string, lang: Lang): string {
  if (lang !== "zh") return id;
  const scenario = f.map.scenarios.find((s) => s.transfers.includes(id));
  if (scenario) return scenario.name;
  const t = f.map.transfers.find((x) => x.id === id)!;
  const r = f.map.recipients.find((x) => x.id === t.recipient);
  const purpose = t.purposeText ?? (t.purpose === "other" ? "" : purposeOf(f, id, lang));
  return `向${r?.name || "境外接收方"}提供个人信息${purpose ? `（${purpose}）` : ""}`;
}
