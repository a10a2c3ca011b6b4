/** The ledger's tables, as Kysely sees them. No table holds a raw identifier. */
import type { ColumnType, Generated } from "kysely";

export interface LedgerMetaTable {
  key: string;
  value: string;
}

/** One row per imported file (by content hash): makes imports idempotent. */
export interface LedgerImportTable {
  id: Generated<number>;
  content_sha256: string;
  file_name: string;
  row_count: number;
  imported_at: ColumnType<Date, string | undefined, never>;
}

/**
 * Per-window state: for each calendar year, transfer and person (keyed hash), the first day
 * that year their ordinary / sensitive PI was sent. A count for any date in the year is a
 * distinct count over this table, never a rescan of events.
 */
export interface LedgerFirstSeenTable {
  year: number;
  transfer_id: string;
  person_key: Uint8Array;
  first_general: ColumnType<string | null, string | null, string | null>;
  first_sensitive: ColumnType<string | null, string | null, string | null>;
}

export interface Database {
  ledger_meta: LedgerMetaTable;
  ledger_import: LedgerImportTable;
  ledger_first_seen: LedgerFirstSeenTable;
}
