/**
 * `ledger import`: all or nothing, idempotent. The whole file is applied in one transaction
 * (a bad row, or a killed process, leaves the ledger as it was); a file whose content was
 * imported before changes nothing. Identifiers become HMAC keys before they reach the database.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { sql } from "kysely";
import type { DataMap } from "../engine/datamap.js";
import type { Store } from "../store/open.js";
import { deleteBuckets, readBuckets, writeBuckets } from "./buckets.js";
import { READ, bucketOf, u16 } from "./entries.js";
import { splitPoints } from "../text/split-lines.js";
import { EventError, type LedgerEvent, formatOf, toEvent } from "./events.js";
import { DayMoves, mergeYear } from "./merge.js";
import { type SourceMessage, readOnWorkers } from "./reader.js";
import { spillEvents } from "./spill-events.js";
import { EntrySpill, SPILL_BYTES, partitionsFor } from "./spill.js";
import { type UnionSet, prepareYear, transferNumbers, writeMoves } from "./tallies.js";

export interface ImportResult {
  status: "imported" | "unchanged";
  file: string;
  rows: number;
  /** (year, transfer, person) entries written or moved earlier. */
  entries: number;
}

/** Sizes (tests make them small so that a small file takes many partitions). */
export interface ImportOptions {
  /** Partitions of the import's entries (a power of two; default from the number of events). */
  partitions?: number;
  /** Threads that read a CSV or JSON Lines file, each a part of its lines (default: one per core, up to 4, for files of 16 MB or more). */
  readers?: number;
  /** Stops the import; it is one transaction, so the ledger is left as it was. */
  signal?: AbortSignal;
  /** The share of the import's partitions merged so far (0–1). */
  onProgress?: (done: number) => void;
}

/**
 * Files this large are read by several threads, one per part of their lines (10M events, 470 MB,
 * on 2 vCPUs: 25 s of reading instead of 36 s; a 47 MB file of 1M: 6.8 -> 6.6 s on PGlite); the
 * importing thread has nothing to do meanwhile.
 */
const READ_SPLIT_BYTES = 16 << 20;
const MAX_READERS = 4;

async function sha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** A program's events (already in memory), spilled and sorted on this thread. */
async function* readHere(
  store: Store,
  events: readonly LedgerEvent[],
  numbers: ReadonlyMap<string, number>,
  partitions: number,
): AsyncGenerator<SourceMessage> {
  const spill = new EntrySpill(partitions);
  try {
    const rows = await spillEvents([events], spill, numbers, (c) => store.keyer.keyMany(c));
    yield { years: [...spill.years], rows };
    for (const part of spill.sorted()) yield { part };
  } finally {
    spill.close();
  }
}

/**
 * Apply a source's entries in one transaction, recording `source` so it is never applied twice.
 * `read` is started inside the transaction, with the transfers' numbers: first it gives the
 * years, then partitions of sorted entries in key order; each is merged into the buckets of its
 * key range (read, merged in memory, written back) while the next is read and sorted.
 */
async function applyEntries(
  store: Store,
  map: DataMap,
  source: { digest: string; name: string },
  read: (numbers: ReadonlyMap<string, number>) => AsyncIterable<SourceMessage>,
  control: Pick<ImportOptions, "signal" | "onProgress" | "partitions"> = {},
) {
  let entries = 0;
  let rows = 0;
  let parts = 0;
  await store.db.transaction().execute(async (tx) => {
    // One import at a time per ledger (a server may have several clients): the union sets a
    // registration fills from the entries must not miss another import's uncommitted ones.
    await sql`select pg_advisory_xact_lock(hashtext('xborder.ledger.import.' || current_schema()))`.execute(tx);
    const numbers = await transferNumbers(
      tx,
      map.transfers.map((t) => t.id),
    );
    const moves = new DayMoves();
    const years = new Map<number, { hasEntries: boolean; sets: UnionSet[] }>();
    for await (const m of read(numbers)) {
      // Throwing here rolls the transaction back: a cancelled import leaves the ledger as it was.
      control.signal?.throwIfAborted();
      if ("years" in m) {
        rows = m.rows;
        for (const year of m.years.sort((a, b) => a - b)) {
          const r = await sql<{ any: boolean }>`select exists (select 1 from ledger_bucket where year = ${year}) as any`.execute(tx);
          const hasEntries = Boolean(r.rows[0]?.any);
          years.set(year, { hasEntries, sets: await prepareYear(tx, store, map, year, hasEntries, moves) });
        }
        continue;
      }
      const part = m.part;
      // The buckets each year's entries in this partition fall in (consecutive entries share one mostly).
      const touched = new Map<number, number[]>();
      for (let i = 0; i < part.n; i++) {
        const year = u16(part.entries, i * READ + 32);
        const bucket = bucketOf(part.entries, i * READ);
        const list = touched.get(year) ?? touched.set(year, []).get(year)!;
        if (list[list.length - 1] !== bucket) list.push(bucket);
      }
      for (const [year, buckets] of touched) {
        const y = years.get(year)!;
        // A year that had no entries before the import has no buckets to read; a small import
        // reads only the buckets it touches.
        const old = y.hasEntries ? await readBuckets(tx, store, year, part.first, part.end, buckets) : new Map<number, Buffer>();
        const merged = mergeYear(year, part, old, y.sets, moves);
        entries += merged.moved;
        // Changed buckets are deleted and written again with the new ones: one write of their
        // contents (an update from a staging table wrote them twice; 16,000 events into a ledger
        // of 10M on PGlite: 5.2 -> 3.9 s, with 65,536 buckets then).
        await deleteBuckets(
          tx,
          year,
          merged.changed.map(([b]) => b),
        );
        await writeBuckets(tx, store, year, [...merged.fresh, ...merged.changed]);
      }
      control.onProgress?.(Math.min(1, ++parts / (control.partitions ?? parts)));
    }
    control.signal?.throwIfAborted();
    await writeMoves(tx, moves, new Map([...numbers].map(([id, n]) => [n, id])));
    await tx.insertInto("ledger_import").values({ content_sha256: source.digest, file_name: source.name, row_count: rows }).execute();
  });
  return { rows, entries };
}

async function alreadyApplied(store: Store, digest: string): Promise<boolean> {
  return Boolean(await store.db.selectFrom("ledger_import").select("id").where("content_sha256", "=", digest).executeTakeFirst());
}

export async function importEvents(store: Store, file: string, map: DataMap, options: ImportOptions = {}): Promise<ImportResult> {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new EventError(`${file}: no such file`);
  if (!st.isFile()) throw new EventError(`${file}: not a file of events`);
  const digest = await sha256(file);
  if (await alreadyApplied(store, digest)) return { status: "unchanged", file, rows: 0, entries: 0 };
  const format = formatOf(file);
  // Partitions of ~500,000 entries: a CSV line is ~40 bytes or more; Parquet is compressed.
  const partitions = options.partitions ?? partitionsFor(st.size / (format === "parquet" ? 4 : 40));
  const readers =
    format === "parquet" ? 1 : (options.readers ?? (st.size >= READ_SPLIT_BYTES ? Math.min(availableParallelism(), MAX_READERS) : 1));
  const points = readers > 1 ? await splitPoints(file, 0, st.size, readers) : [];
  const ranges = points.slice(1).map((end, i) => ({ start: points[i]!, end }));
  const read = (numbers: ReadonlyMap<string, number>) =>
    readOnWorkers(
      {
        file,
        format,
        numbers: Object.fromEntries(numbers),
        secret: store.keyer.secretBytes(),
        partitions,
        // One sorted partition waits while another is merged.
        ahead: 1,
        spillBytes: SPILL_BYTES / Math.max(1, ranges.length),
      },
      ranges,
    );
  const r = await applyEntries(store, map, { digest, name: file }, read, { ...options, partitions });
  return { status: "imported", file, ...r };
}

/** An event as a program sends it: the same columns as a file row. */
export interface EventInput {
  date: string;
  transfer: string;
  person: string;
  general?: boolean;
  sensitive?: boolean;
}

/**
 * Record a batch of events from a program (all or nothing). `batchId` makes it idempotent:
 * a batch id seen before changes nothing. Errors name the event by index: `events[3].date: …`.
 */
export async function recordEvents(
  store: Store,
  map: DataMap,
  batchId: string,
  events: readonly EventInput[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const digest = `batch:${createHash("sha256").update(batchId).digest("hex")}`;
  const name = `batch ${batchId}`;
  if (await alreadyApplied(store, digest)) return { status: "unchanged", file: name, rows: 0, entries: 0 };
  const transfers = new Set(map.transfers.map((t) => t.id));
  const validated = events.map((e, i) => toEvent(e as unknown as Record<string, unknown>, i, `events[${i}]`, transfers, "."));
  const partitions = options.partitions ?? partitionsFor(validated.length);
  const r = await applyEntries(store, map, { digest, name }, (numbers) => readHere(store, validated, numbers, partitions));
  return { status: "imported", file: name, ...r };
}
