/**
 * A filing document as data: headings in the template's own wording, paragraphs and tables filled
 * from facts — each saying where it came from — and placeholders for what only the company can
 * write. Writers (HTML, DOCX) lay it out; the completeness check reads its placeholders.
 */
export type Source = "data_map" | "assessment" | "ledger" | "scan" | "register" | "statement";

export const SOURCE_NAMES: Record<Source, { zh: string; en: string }> = {
  data_map: { zh: "数据地图", en: "the data map" },
  assessment: { zh: "评估结果", en: "the assessment" },
  ledger: { zh: "出境台账", en: "the ledger" },
  scan: { zh: "扫描报告", en: "a scan report" },
  register: { zh: "义务登记簿", en: "the obligations register" },
  statement: { zh: "公司陈述", en: "the company's statement (statements in the data map)" },
};

export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string; source?: Source }
  | { kind: "table"; columns: string[]; rows: string[][]; source?: Source; caption?: string }
  /** What only the company can write: shown as such, and listed on the checklist. */
  | { kind: "placeholder"; id: string; text: string; key: string; hint?: string };

/** An open item that is not a placeholder: the package does not apply, or a fact makes it unfileable (a stale assessment). */
export interface Problem {
  text: string;
}

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
  /** The cover's name line: 数据处理者名称 (self-assessment, SA application) or 个人信息处理者名称 (PIPIA, contracts). */
  coverLabel: [zh: string, en: string];
  /** Why the package does not apply to this map (then it has no body): the command line refuses it (exit 2). */
  notApplicable?: string;
  /** What makes it unfileable besides the placeholders. */
  problems: Problem[];
  /** The package's deadlines and their status (transfer, deadline, date, status), for the working copy's notes. */
  deadlines?: string[][];
  blocks: Block[];
}

/** The placeholders: what is still missing, in the order the document asks for it. */
export const missing = (d: FilingDocument) =>
  d.blocks.filter((b): b is Extract<Block, { kind: "placeholder" }> => b.kind === "placeholder");

/**
 * Everything between this document and a filing copy: the package not applying, the problems, the
 * placeholders (materials to sign, seal or copy among them). `xborder report check` lists them; the
 * filing copy (--final) is made only when there is none.
 */
export function openItems(d: FilingDocument): { id: string; text: string; key?: string }[] {
  return [
    ...(d.notApplicable ? [{ id: "N", text: d.notApplicable }] : []),
    ...(d.problems ?? []).map((p, i) => ({ id: `X${i + 1}`, text: p.text })),
    ...missing(d).map((p) => ({ id: p.id, text: p.text, key: `statements.${d.kind}.${p.key}${p.hint ? `（${p.hint}）` : ""}` })),
  ];
}

/** The document around its blocks: the title in the document's language, the edition it follows. */
export function filingDocument(
  kind: FilingDocument["kind"],
  title: [zh: string, en: string],
  edition: string,
  lang: "zh" | "en",
  facts: { processor: string; asOf: string; problems?: Problem[] },
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
    coverLabel:
      kind === "self-assessment" || kind === "sa-application"
        ? ["数据处理者名称", "Data processor"]
        : ["个人信息处理者名称", "PI processor"],
    problems: facts.problems ?? [],
    blocks,
  };
}

/** A placeholder's stable name (from its English wording): `statements.<kind>.<key>` in the data map answers it. */
export function placeholderKey(en: string): string {
  return en
    .toLowerCase()
    .replace(/\([^)]*\)/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, 6)
    .join("-");
}

/** Placeholders the company has answered (`statements.<kind>.<key>` in the data map) become its text. */
export function answer(d: FilingDocument, said: Record<string, string> | undefined): FilingDocument {
  if (!said) return d;
  let n = 0;
  const blocks = d.blocks.map((b): Block => {
    if (b.kind !== "placeholder") return b;
    const text = said[b.key];
    return text ? { kind: "paragraph", text, source: "statement" } : { ...b, id: `P${++n}` };
  });
  return { ...d, blocks };
}
