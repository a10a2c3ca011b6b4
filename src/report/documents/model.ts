/**
 * A filing document as data: headings in the template's own wording, paragraphs and tables filled
 * from facts — each saying where it came from — and placeholders for what only the company can
 * write. Writers (HTML, DOCX) lay it out; the completeness check reads its placeholders.
 */
export type Source = "data_map" | "assessment" | "ledger" | "scan" | "register";

export const SOURCE_NAMES: Record<Source, { zh: string; en: string }> = {
  data_map: { zh: "数据地图", en: "the data map" },
  assessment: { zh: "评估结果", en: "the assessment" },
  ledger: { zh: "出境台账", en: "the ledger" },
  scan: { zh: "扫描报告", en: "a scan report" },
  register: { zh: "义务登记簿", en: "the obligations register" },
};

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; source?: Source }
  | { kind: "table"; columns: string[]; rows: string[][]; source?: Source; caption?: string }
  /** What only the company can write: shown as such, and listed on the checklist. */
  | { kind: "placeholder"; id: string; text: string };

export interface FilingDocument {
  kind: "self-assessment" | "pipia" | "sc-filing" | "sa-application" | "gba-filing";
  title: string;
  /** The template and edition followed. */
  edition: string;
  lang: "zh" | "en";
  /** An English working translation: not for filing. */
  notForFiling: boolean;
  processor: string;
  asOf: string;
  blocks: Block[];
}

/** The placeholders: what is still missing, in the order the document asks for it. */
export const missing = (d: FilingDocument) =>
  d.blocks.filter((b): b is Extract<Block, { kind: "placeholder" }> => b.kind === "placeholder");

/** The document around its blocks: the title in the document's language, the edition it follows. */
export function filingDocument(
  kind: FilingDocument["kind"],
  title: [zh: string, en: string],
  edition: string,
  lang: "zh" | "en",
  facts: { processor: string; asOf: string },
  blocks: Block[],
): FilingDocument {
  return {
    kind,
    title: lang === "zh" ? title[0] : title[1],
    edition,
    lang,
    notForFiling: lang !== "zh",
    processor: facts.processor,
    asOf: facts.asOf,
    blocks,
  };
}
