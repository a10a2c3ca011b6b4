/** A document's outline — headings, each table's caption and row count, the people counted — as the examples' golden files keep it. */
import type { FilingDocument } from "./model.js";

export interface Outline {
  title: string;
  /** Why the package does not apply to the map (then nothing else). */
  notApplicable?: string;
  headings: string[];
  tables: { caption?: string; columns: string[]; rows: number }[];
  people: string[];
  missing: number;
}

export function outlineOf(d: FilingDocument): Outline {
  if (d.notApplicable) return { title: d.title, notApplicable: d.notApplicable, headings: [], tables: [], people: [], missing: 0 };
  return {
    title: d.title,
    headings: d.blocks.flatMap((b) => (b.kind === "heading" ? [`${"#".repeat(b.level)} ${b.text}`] : [])),
    tables: d.blocks.flatMap((b) =>
      b.kind === "table" ? [{ ...(b.caption ? { caption: b.caption } : {}), columns: b.columns, rows: b.rows.length }] : [],
    ),
    people: d.blocks.flatMap((b) =>
      b.kind === "paragraph" && /人（|people/.test(b.text) && /本年度|This year/.test(b.text) ? [b.text] : [],
    ),
    missing: d.blocks.filter((b) => b.kind === "placeholder").length,
  };
}
