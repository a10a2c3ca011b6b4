/**
 * The data map as a JSON Schema (draft 2020-12), generated from the zod schema that validates it,
 * so the two cannot drift: editors autocomplete and check YAML with it
 * (`# yaml-language-server: $schema=…`). Shipped as schema/data-map.schema.json and printed by
 * `xborder schema`. zod's refinements (real dates, division codes) have no JSON Schema form; the
 * patterns added here say as much as a pattern can, and `xborder assess` checks the rest.
 */
import { z } from "zod";
import { DataMapSchema } from "./datamap.js";

const DATE = { pattern: "^\\d{4}-\\d{2}-\\d{2}$", format: "date" };
const PATTERNS: Record<string, Record<string, string>> = {
  asOf: DATE,
  effectiveDate: DATE,
  resultDate: DATE,
  submittedDate: DATE,
  acceptedDate: DATE,
};

const DESCRIPTIONS: Record<string, string> = {
  xborder: "format version: 1",
  asOf: "the assessment date (default: today in Asia/Shanghai)",
  processor: "the data processor (数据处理者)",
  region: "GB/T 2260 code (6 digits) of where it is registered; for a recipient also ISO 3166-1 alpha-2 (US, HK, MO, TW)",
  ciio: "a critical information infrastructure operator (关键信息基础设施运营者), as notified",
  ftz: "the pilot free trade zone it is registered in (tianjin, beijing, shanghai, …); `xborder ftz` lists them",
  ftzListFiled: "the zone's own procedure for using its list is done",
  personsProcessed: "natural persons whose PI it holds in total",
  importantData: "notified or publicly announced as important data (CBDF-2024 Art 2)",
  inNegativeList: "hits a row of its zone's negative list",
  subjects: "whose PI the dataset holds (Art 5(1)(2) needs employees)",
  necessary: "the PI sent is what the purpose truly needs (确需); absent is read as false",
  labourRules: "for cross_border_hr: under labour rules made according to law",
  collectiveContract: "for cross_border_hr: under a collective contract signed according to law",
  lawfulBasis: "PIPL Art 13(1): all but consent owe the notice without separate consent",
  ftzCovered: "the transfer's sector and scenario are ones its zone's list covers",
  sector: "decides the Mainland–Hong Kong GBA contract's pilot (2023-12-13 – 2024-10-31)",
  onwardOutsideGBA: "the recipient passes the data on outside the Greater Bay Area",
  persons: "distinct natural persons over the counting window",
};

type Node = { properties?: Record<string, Node>; items?: Node; [k: string]: unknown };

function annotate(node: Node): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    Object.assign(child, PATTERNS[key] ?? {});
    if (DESCRIPTIONS[key] && !child.description) child.description = DESCRIPTIONS[key];
    annotate(child);
  }
  if (node.items) annotate(node.items);
}

export function dataMapJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DataMapSchema, { io: "input", unrepresentable: "any" }) as Node;
  annotate(schema);
  return {
    $schema: schema.$schema,
    title: "xborder data map",
    description: "One data processor and its outbound transfers (docs/data-map.md). Generated from src/engine/datamap.ts: do not edit.",
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== "$schema")),
  };
}
