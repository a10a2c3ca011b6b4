/**
 * A pointer into a legal instrument: article (条), paragraph (款), item (项).
 * This is exactly the shape of `basis[]` entries in the assessment JSON
 * (../shared/contracts/README.md §2), so it is emitted as-is.
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
  | "CERT-2025";

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

function chineseNumber(n: number): string {
  if (n <= 10) return CN_DIGITS[n] ?? String(n);
  if (n < 20) return `十${CN_DIGITS[n - 10]}`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ""}`;
  }
  return String(n);
}

/** "CBDF-2024 Art 5(1)(4)" or "CBDF-2024 第五条第一款第（四）项". */
export function formatCitation(c: Citation, lang: Lang = "en"): string {
  if (lang === "zh") {
    let s = `${c.instrument} 第${chineseNumber(c.article)}条`;
    if (c.paragraph !== undefined) s += `第${chineseNumber(c.paragraph)}款`;
    if (c.item !== undefined) s += `第（${chineseNumber(c.item)}）项`;
    return s;
  }
  let s = `${c.instrument} Art ${c.article}`;
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
