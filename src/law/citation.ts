/**
 * A pointer into a legal instrument: article (条), paragraph (款), item (项).
 * This is exactly the shape of `basis[]` entries in the assessment JSON
 * (README, `xborder assess`; docs/rules.md), so it is emitted as-is.
 */
export type InstrumentId =
  | "PIPL"
  | "CSL"
  | "DSL"
  | "NDSR-2024"
  | "CBDF-2024"
  | "SAM-2022"
  | "SCM-2023"
  | "GBA-HK-2023"
  | "GBA-MO-2024"
  | "PIPCA-2025"
  | "PIPCA-DRAFT-2023"
  | "CERT-2025"
  // Duties of the obligations register (xborder obligations), where the map declares the service
  | "ALGO-2021"
  | "DS-2022"
  | "GENAI-2023"
  | "ATFL-2022"
  | "MLPS-2007";

export interface Citation {
  instrument: InstrumentId;
  article: number;
  paragraph?: number;
  item?: number;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export type Lang = keyof Bilingual;

/** One provision of an instrument: where it is, and what it says in a line. */
export interface Provision {
  cite: Citation;
  summary: Bilingual;
  /** Taken from a reputable secondary report of the official text, not from a seed. */
  secondary?: boolean;
}

const CN_DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 1 → 一, 14 → 十四, 38 → 三十八, 100 → 一百: article, paragraph and item numbers as the text writes them. */
export function chineseNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
  }
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    const rest = n % 100;
    if (rest === 0) return `${CN_DIGITS[hundreds]}百`;
    return `${CN_DIGITS[hundreds]}百${rest < 10 ? "零" : ""}${rest < 20 && rest >= 10 ? "一" : ""}${chineseNumber(rest)}`;
  }
  return String(n);
}

/**
 * "第五条第一款第四项": the place inside an instrument, as official cross-references write it — the
 * item without the brackets of its heading "（四）" (Q&A Q11: "第五条第一款第一项至第三项").
 */
export function zhPlace(c: Pick<Citation, "article" | "paragraph" | "item">): string {
  let s = `第${chineseNumber(c.article)}条`;
  if (c.paragraph !== undefined) s += `第${chineseNumber(c.paragraph)}款`;
  if (c.item !== undefined) s += zhItem(c.item);
  return s;
}

/** "第二项": an item alone, as a cross-reference writes it. */
export const zhItem = (n: number): string => `第${chineseNumber(n)}项`;

/** "Art 5(1)(4)", "Art 4, item 3": the place inside an instrument, in English. */
export function enPlace(c: Pick<Citation, "article" | "paragraph" | "item">): string {
  let s = `Art ${c.article}`;
  if (c.paragraph !== undefined) s += `(${c.paragraph})`;
  if (c.item !== undefined) s += c.paragraph === undefined ? `, item ${c.item}` : `(${c.item})`;
  return s;
}

/** A copy that holds only the contract's fields (no summaries leak into `basis`). */
export function citationOf(p: Provision): Citation {
  const c: Citation = { instrument: p.cite.instrument, article: p.cite.article };
  if (p.cite.paragraph !== undefined) c.paragraph = p.cite.paragraph;
  if (p.cite.item !== undefined) c.item = p.cite.item;
  return c;
}
