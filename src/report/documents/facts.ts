/** The facts a filing document is filled from, gathered once: map, assessment, ledger counts, scans. */
import type { DataMap } from "../../engine/datamap.js";
import type { Assessment } from "../../engine/types.js";
import type { ScanReport } from "../../scan/scan.js";

export interface LedgerFacts {
  /** People counted this year, de-duplicated, over the counted transfers. */
  thisYear: { general: number; sensitive: number };
  /** Days of the year so far (for the projection). */
  days: number;
}

export interface DocumentFacts {
  map: DataMap;
  assessment: Assessment;
  ledger?: LedgerFacts;
  scans: ScanReport[];
  /** The transfers this package is about (scope.ts), in the map's order. */
  scope: string[];
  /** The templates' edition: 1 before the 2nd-edition guides of 2024-03-22, else 2. */
  edition: 1 | 2;
}

/** The 2nd-edition guides (数据出境安全评估申报指南（第二版）, 个人信息出境标准合同备案指南（第二版）) came out on 2024-03-22. */
export const SECOND_EDITION = "2024-03-22";

/** The map's transfers this package is about. */
export const scoped = (f: DocumentFacts) => f.map.transfers.filter((t) => f.scope.includes(t.id));

type ItemTable = { scenario: string; transfers: string[]; items: string[][]; source: "data_map" | "scan" };
const itemTables = new WeakMap<DocumentFacts, ItemTable[]>();

/** A data-item table per scenario (computed once per document: each transfer's appendix reads it). */
export function dataItems(f: DocumentFacts): ItemTable[] {
  let t = itemTables.get(f);
  if (!t) itemTables.set(f, (t = itemTablesOf(f)));
  return t;
}

/** The map's `scenarios[].items`, else items found by scans, de-duplicated by name. */
function itemTablesOf(f: DocumentFacts): { scenario: string; transfers: string[]; items: string[][]; source: "data_map" | "scan" }[] {
  if (f.map.scenarios.length) {
    return f.map.scenarios
      .filter((sc) => sc.transfers.some((id) => f.scope.includes(id)))
      .map((sc) => {
        const seen = new Set<string>();
        const rows = sc.items.filter((i) => !seen.has(i.name) && seen.add(i.name));
        return {
          scenario: sc.name,
          transfers: sc.transfers,
          items: rows.map((i, k) => [String(k + 1), i.name, i.description ?? "", i.necessity ?? "", i.example ?? "", i.note ?? ""]),
          source: "data_map" as const,
        };
      });
  }
  if (f.scans.length) {
    const seen = new Map<string, string>();
    for (const r of f.scans)
      for (const c of r.columns) if (!seen.has(c.name)) seen.set(c.name, (r.samples[c.type as keyof typeof r.samples] ?? [])[0] ?? "");
    return [
      {
        scenario: "",
        transfers: f.scope,
        items: [...seen].map(([name, example], k) => [String(k + 1), name, "", "", example, ""]),
        source: "scan" as const,
      },
    ];
  }
  return [];
}

/** The next three years' people, at this year's daily rate (an estimate, said as such). */
export function projection(l: LedgerFacts): number[] {
  const perYear = Math.round((l.thisYear.general / Math.max(1, l.days)) * 365);
  return [perYear, perYear, perYear];
}
