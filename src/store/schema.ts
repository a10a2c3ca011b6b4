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

/** Transfer ids as small numbers (entries key on the number). */
export interface LedgerTransferTable {
  id: Generated<number>;
  transfer_id: string;
}

/**
 * Per-window state, the entries: for each calendar year, person (keyed hash) and transfer, the
 * first day that year their ordinary / sensitive PI was sent, packed into buckets by the key's
 * first 18 bits (`src/ledger/entries.ts`): a person's entries are adjacent in one bucket.
 */
export interface LedgerBucketTable {
  year: number;
  /** The keys' first 18 bits, 0–262143. */
  bucket: number;
  /** 38 bytes an entry (key, transfer number, day-of-year dates), sorted by key and transfer. */
  entries: Uint8Array;
}

/** People newly counted per day, per year and transfer (kept on import; a count sums these). */
export interface LedgerDailyTable {
  year: number;
  transfer_id: string;
  day: string;
  general: number;
  sensitive: number;
}

/**
 * A set of counted transfers in one year (the transfers the engine does not exempt) whose union
 * is kept up to date on import: `transfers` is their sorted ids joined by a newline.
 */
export interface LedgerUnionSetTable {
  id: Generated<number>;
  year: number;
  transfers: string;
  /** md5 of `transfers` (as PostgreSQL's md5() of the text): the unique key with `year`. */
  digest: string;
}

/** For each union set, people newly counted per day. */
export interface LedgerUnionDailyTable {
  set_id: number;
  day: string;
  general: number;
  sensitive: number;
}

export interface Database {
  ledger_meta: LedgerMetaTable;
  ledger_import: LedgerImportTable;
  ledger_transfer: LedgerTransferTable;
  ledger_bucket: LedgerBucketTable;
  ledger_daily: LedgerDailyTable;
  ledger_union_set: LedgerUnionSetTable;
  ledger_union_daily: LedgerUnionDailyTable;
}
