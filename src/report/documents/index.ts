/** `xborder report`: the filing documents, built from the facts and written as HTML, DOCX or PDF. */
import { assess } from "../../engine/assess.js";
import type { DataMap } from "../../engine/datamap.js";
import type { Assessment } from "../../engine/types.js";
import type { Lang } from "../../law/index.js";
import type { ScanReport } from "../../scan/scan.js";
import { buildPipia, buildSelfAssessment } from "./build.js";
import { buildGbaFiling, buildSaApplication } from "./packages.js";
import { buildScFiling } from "./sc-filing.js";
import type { DocumentFacts, LedgerFacts } from "./facts.js";
import { answer, type FilingDocument } from "./model.js";

export const DOCUMENT_KINDS = ["self-assessment", "pipia", "sa-application", "sc-filing", "gba-filing"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface DocumentInput {
  map: DataMap;
  asOf: string;
  lang: Lang;
  ledger?: { cumulative: { general: number; sensitive: number }; transfers: Record<string, { general: number; sensitive: number }> };
  scans?: ScanReport[];
  /** pipia: "sc" (standard contract or certification; default) or "gba". */
  route?: "sc" | "gba";
}

export function buildDocument(kind: DocumentKind, input: DocumentInput): FilingDocument {
  return answer(draft(kind, input), input.map.statements?.[kind]);
}

function draft(kind: DocumentKind, input: DocumentInput): FilingDocument {
  const assessment: Assessment = assess(input.map, { asOf: input.asOf, lang: input.lang, ledger: input.ledger });
  let ledger: LedgerFacts | undefined;
  if (input.ledger) {
    const days = Math.round((Date.parse(assessment.window.to) - Date.parse(assessment.window.from)) / 86_400_000) + 1;
    ledger = { thisYear: input.ledger.cumulative, days };
  }
  const facts: DocumentFacts = { map: input.map, assessment, ledger, scans: input.scans ?? [] };
  if (kind === "pipia") return buildPipia(facts, { lang: input.lang, route: input.route });
  if (kind === "sc-filing") return buildScFiling(facts, { lang: input.lang });
  if (kind === "sa-application") return buildSaApplication(facts, { lang: input.lang });
  if (kind === "gba-filing") return buildGbaFiling(facts, { lang: input.lang });
  return buildSelfAssessment(facts, { lang: input.lang });
}

export { documentToHtml } from "./html.js";
export { documentToDocx } from "./docx.js";
export { htmlToPdf, PdfUnavailable } from "./pdf.js";
export { type FilingDocument, missing } from "./model.js";
