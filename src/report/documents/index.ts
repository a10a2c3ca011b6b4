/** `xborder report`: the filing documents, built from the facts and written as HTML, DOCX or PDF. */
import { assess } from "../../engine/assess.js";
import type { DataMap } from "../../engine/datamap.js";
import type { Assessment } from "../../engine/types.js";
import type { Lang } from "../../law/index.js";
import type { ScanReport } from "../../scan/scan.js";
import { buildPipia, buildSelfAssessment } from "./build.js";
import { buildGbaFiling, buildSaApplication } from "./packages.js";
import { buildScFiling } from "./sc-filing.js";
import { type DocumentFacts, type LedgerFacts, SECOND_EDITION } from "./facts.js";
import { answer, type FilingDocument, filingDocument } from "./model.js";
import { NotApplicable, packageScope } from "./scope.js";
import { deadlines } from "./sections.js";

export const DOCUMENT_KINDS = ["self-assessment", "pipia", "sa-application", "sc-filing", "gba-filing"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const TITLES: Record<DocumentKind, [string, string]> = {
  "self-assessment": ["数据出境风险自评估报告", "Data-export risk self-assessment report"],
  pipia: ["个人信息保护影响评估报告", "PI protection impact assessment report"],
  "sa-application": ["数据出境安全评估申报表（内容）", "Security-assessment application form (content)"],
  "sc-filing": ["个人信息出境标准合同备案材料", "Standard-contract filing package"],
  "gba-filing": ["粤港澳大湾区个人信息跨境流动标准合同备案材料", "GBA standard-contract filing package"],
};

export interface DocumentInput {
  map: DataMap;
  asOf: string;
  lang: Lang;
  ledger?: { cumulative: { general: number; sensitive: number }; transfers: Record<string, { general: number; sensitive: number }> };
  scans?: ScanReport[];
  /** pipia: "sc" (standard contract or certification; default) or "gba". */
  route?: "sc" | "gba";
  /** --transfer: the transfers the document is about (each must be of its route); default, all of the route's. */
  transfers?: string[];
}

/**
 * The document for the map. A package that does not apply (scope.ts) comes back with no body and
 * `notApplicable` saying why — the command line refuses it, the workspace shows the reason.
 */
export function buildDocument(kind: DocumentKind, input: DocumentInput): FilingDocument {
  const assessment: Assessment = assess(input.map, { asOf: input.asOf, lang: input.lang, ledger: input.ledger });
  let ledger: LedgerFacts | undefined;
  if (input.ledger) {
    const days = Math.round((Date.parse(assessment.window.to) - Date.parse(assessment.window.from)) / 86_400_000) + 1;
    ledger = { thisYear: input.ledger.cumulative, days };
  }
  const facts: DocumentFacts = {
    map: input.map,
    assessment,
    ledger,
    scans: input.scans ?? [],
    scope: [],
    edition: assessment.asOf < SECOND_EDITION ? 1 : 2,
  };
  try {
    facts.scope = packageScope(kind, facts, { transfers: input.transfers, route: input.route });
  } catch (e) {
    if (!(e instanceof NotApplicable)) throw e;
    const d = filingDocument(kind, TITLES[kind], "", input.lang, { processor: input.map.processor.name, asOf: assessment.asOf }, []);
    return { ...d, notApplicable: e.message };
  }
  const said = input.map.statements?.[kind];
  const o = { lang: input.lang, route: input.route, said };
  const d =
    kind === "pipia"
      ? buildPipia(facts, o)
      : kind === "sc-filing"
        ? buildScFiling(facts, o)
        : kind === "sa-application"
          ? buildSaApplication(facts, o)
          : kind === "gba-filing"
            ? buildGbaFiling(facts, o)
            : buildSelfAssessment(facts, o);
  return { ...answer(d, said), deadlines: deadlines(facts, input.lang).rows };
}

export { documentToHtml } from "./html.js";
export { documentToDocx } from "./docx.js";
export { htmlToPdf, PdfUnavailable } from "./pdf.js";
export { type FilingDocument, missing, openItems } from "./model.js";
