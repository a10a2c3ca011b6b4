/**
 * The workspace's exports (issue 29 §4), on the same service functions as its pages: the transfers
 * with pathways and citations, the counts as of a date, the obligations register, the audit log;
 * as CSV or XLSX. The counts are the ones every other answer uses (人数来源).
 */
import type { Lang } from "../law/index.js";
import { countsTable, obligationsTable, type Table, tableToCsv, tablesToXlsx, transfersTable } from "../report/tables.js";
import { type AuditEntry, auditEntries } from "./audit.js";
import type { Deps } from "./context.js";
import { InputProblem } from "./orgs.js";
import { shanghaiTime } from "./pages/time.js";
import { assessOrg, countOrg, hasLedger, registerOrg, requireMap } from "./service.js";

export const EXPORT_KINDS = ["transfers", "counts", "obligations", "audit"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const isExportKind = (k: string): k is ExportKind => (EXPORT_KINDS as readonly string[]).includes(k);

/** The audit log, oldest first; times in UTC and in Asia/Shanghai. */
export function auditTable(entries: readonly AuditEntry[], lang: Lang): Table {
  return {
    name: lang === "zh" ? "审计日志" : "audit log",
    columns: [
      "seq",
      "at (UTC)",
      lang === "zh" ? "时间（北京时间）" : "at (Asia/Shanghai)",
      "actor",
      "action",
      "target",
      "before",
      "after",
      "hash",
    ],
    rows: [...entries]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => [e.seq, e.at, shanghaiTime(e.at), e.actor, e.action, e.target, e.before, e.after, e.hash]),
  };
}

export async function exportTable(deps: Deps, orgId: number, kind: ExportKind, o: { asOf?: string; lang: Lang }): Promise<Table> {
  if (kind === "audit") return auditTable(await auditEntries(deps.ws.db, orgId), o.lang);
  if (kind === "obligations") return obligationsTable(await registerOrg(deps, orgId, o), o.lang);
  if (kind === "counts")
    return countsTable(await countOrg(deps, orgId, o.asOf), (await hasLedger(deps, orgId)) ? "ledger" : "data_map", o.lang);
  const { assessment } = await assessOrg(deps, orgId, o);
  let counts: Record<string, { general: number; sensitive: number }>;
  if (assessment.countsSource === "ledger") counts = (await countOrg(deps, orgId, assessment.asOf)).transfers;
  else counts = Object.fromEntries((await requireMap(deps, orgId)).map.transfers.map((t) => [t.id, t.persons]));
  return transfersTable(assessment, counts, o.lang);
}

/** The file to send: its bytes, type and name (`<kind>-<org>-<asOf or today>.<format>`). */
export async function exportFile(
  deps: Deps,
  org: { id: number; slug: string },
  kind: ExportKind,
  format: string,
  o: { asOf?: string; lang: Lang },
): Promise<{ body: Buffer; type: string; filename: string }> {
  if (format !== "csv" && format !== "xlsx") throw new InputProblem(`expected one of ${EXPORT_FORMATS.join(" | ")}`, "format");
  const table = await exportTable(deps, org.id, kind, o);
  const filename = `${kind}-${org.slug}.${format}`;
  if (format === "csv") return { body: Buffer.from(tableToCsv(table)), type: "text/csv; charset=utf-8", filename };
  return {
    body: await tablesToXlsx([table]),
    type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    filename,
  };
}
