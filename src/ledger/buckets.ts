/**
 * The ledger's buckets in the database: read a range of them, write new or changed ones, and
 * walk every person of some years (how a new union set is filled, and how a count no tally fits
 * is made). All by binary COPY (`src/store/binary-copy.ts`).
 */
import { type Kysely, sql } from "kysely";
import { BUCKET_ROW_OVERHEAD, bucketRows, copyRows } from "../store/binary-copy.js";
import type { Store } from "../store/open.js";
import type { Database } from "../store/schema.js";
import { BUCKETS, KEY, STORED, compareBytes, u16 } from "./entries.js";

/** Buckets per COPY when a whole year is read. */
const SCAN_RANGE = 4096;
/** Bytes of bucket rows per COPY into PGlite (each COPY's rows are copied twice more on their way in). */
const COPY_BYTES = 16 << 20;

const int = (n: number) => {
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
};

/** `bucket = any('{…}')`: an array literal (one parameter-free statement however many buckets). */
const bucketIn = (buckets: readonly number[]) => `bucket = any('{${buckets.map(int).join(",")}}'::integer[])`;

/**
 * The stored entries of `year`'s buckets `first` to `end` (exclusive), by bucket; only those of
 * `only` when they are few of the range.
 */
export async function readBuckets(
  tx: Kysely<Database>,
  store: Store,
  year: number,
  first: number,
  end: number,
  only?: readonly number[],
): Promise<Map<number, Buffer>> {
  const which = only && only.length * 4 < end - first ? bucketIn(only) : `bucket >= ${int(first)} and bucket < ${int(end)}`;
  const data = await store.copyOut(tx, `select bucket, entries from ledger_bucket where year = ${int(year)} and ${which}`);
  const out = new Map<number, Buffer>();
  for (const [b, e] of copyRows(data, "ledger_bucket")) out.set(b!.readInt32BE(0), e!);
  return out;
}

/** Deletes these buckets of `year` (before they are written again). */
export async function deleteBuckets(tx: Kysely<Database>, year: number, buckets: readonly number[]): Promise<void> {
  if (buckets.length === 0) return;
  await sql.raw(`delete from ledger_bucket where year = ${int(year)} and ${bucketIn(buckets)}`).execute(tx);
}

/** COPY buckets of `year` into ledger_bucket. */
export async function writeBuckets(
  tx: Kysely<Database>,
  store: Store,
  year: number,
  buckets: readonly (readonly [number, Uint8Array])[],
): Promise<void> {
  if (buckets.length === 0) return;
  const groups = function* () {
    let from = 0;
    let bytes = 0;
    for (let i = 0; i < buckets.length; i++) {
      bytes += buckets[i]![1].length + BUCKET_ROW_OVERHEAD;
      if (bytes >= COPY_BYTES || i === buckets.length - 1) {
        yield [bucketRows(year, buckets.slice(from, i + 1))];
        from = i + 1;
        bytes = 0;
      }
    }
  };
  await store.copyIn(tx, "ledger_bucket (year, bucket, entries)", groups());
}

/** One person's entries across years: `n` of them, in the arrays' first places. */
export interface PersonEntries {
  n: number;
  year: Int32Array;
  transfer: Int32Array;
  /** Days of the year (0 = none). */
  general: Int32Array;
  sensitive: Int32Array;
}

/**
 * Every person with entries in `years`, with all of their entries in those years: bucket by
 * bucket (a person's entries of every year are in the same bucket number), in key order.
 */
export async function forEachPerson(
  tx: Kysely<Database>,
  store: Store,
  years: readonly number[],
  visit: (p: PersonEntries) => void,
): Promise<void> {
  if (years.length === 0) return;
  const p: PersonEntries = {
    n: 0,
    year: new Int32Array(64),
    transfer: new Int32Array(64),
    general: new Int32Array(64),
    sensitive: new Int32Array(64),
  };
  const push = (y: number, e: Buffer, o: number) => {
    if (p.n === p.year.length) {
      for (const k of ["year", "transfer", "general", "sensitive"] as const) {
        const bigger = new Int32Array(p[k].length * 2);
        bigger.set(p[k]);
        p[k] = bigger;
      }
    }
    p.year[p.n] = y;
    p.transfer[p.n] = u16(e, o + 32);
    p.general[p.n] = u16(e, o + 34);
    p.sensitive[p.n] = u16(e, o + 36);
    p.n++;
  };
  const yearList = years.map(int).join(", ");
  for (let first = 0; first < BUCKETS; first += SCAN_RANGE) {
    const data = await store.copyOut(
      tx,
      `select bucket, year, entries from ledger_bucket where year in (${yearList}) and bucket >= ${first} and bucket < ${first + SCAN_RANGE} order by bucket, year`,
    );
    let bucket = -1;
    let parts: { year: number; e: Buffer; at: number }[] = [];
    const flush = () => {
      // A k-way walk over the bucket's years (each sorted by key): the smallest key next.
      for (;;) {
        let min: (typeof parts)[number] | undefined;
        for (const q of parts) {
          if (q.at >= q.e.length) continue;
          if (!min || compareBytes(q.e, q.at, min.e, min.at, KEY) < 0) min = q;
        }
        if (!min) return;
        const key = Buffer.from(min.e.subarray(min.at, min.at + KEY));
        p.n = 0;
        for (const q of parts) {
          while (q.at < q.e.length && compareBytes(q.e, q.at, key, 0, KEY) === 0) {
            push(q.year, q.e, q.at);
            q.at += STORED;
          }
        }
        visit(p);
      }
    };
    for (const [b, y, e] of copyRows(data, "ledger_bucket")) {
      const nb = b!.readInt32BE(0);
      if (nb !== bucket) {
        flush();
        bucket = nb;
        parts = [];
      }
      parts.push({ year: y!.readInt16BE(0), e: e!, at: 0 });
    }
    flush();
  }
}
