/**
 * `ledger import`: all or nothing, idempotent. The whole file is applied in one transaction
 * (a bad row, or a killed process, leaves the ledger as it was); a file whose content was
 * imported before changes nothing. Identifiers become HMAC keys before they reach the database.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { sql } from "kysely";
import type { DataMap } from "../engine/datamap.js";
import type { Store } from "../store/open.js";
import { type EntryBatch, EntryBatcher, batchOf, rawBatches } from "./batcher.js";
import { EventError, type LedgerEvent, formatOf, toEvent } from "./events.js";
import { batchesOnWorker } from "./reader.js";
import { type UnionSet, applyStage, createStage, prepareYear, transferNumbers } from "./tallies.js";

export interface ImportResult {
  status: "imported" | "unchanged";
  file: string;
  rows: number;
  /** (year, transfer, person) entries written or moved earlier. */
  entries: number;
}

/**
 * Entries per batch: larger batches merge more repeat events in memory, so fewer rows reach the
 * database (~60 bytes an entry; 1,000,000 instead of 250,000: 55,000 -> 79,000 events/s at 1M
 * events on PGlite, 34,400 -> 41,800 at 10M, peak memory unchanged, PGlite's dominates it).
 */
const BATCH = 1_000_000;
/** People whose keys are kept between batches (~40 bytes a person); a batch also ends at this many people. */
const KEY_CACHE = 1_000_000;

/** Entries per COPY into PGlite's staging table (~10 MB of text). */
const COPY_SLICE = 100_000;

/** Batch sizes (tests make them small so that a small file takes many batches). */
export interface ImportOptions {
  /** Entries per batch. */
  batchEntries?: number;
  /** People whose keys are kept between batches. */
  keyCache?: number;
  /** Entries per COPY into PGlite's staging table. */
  copySlice?: number;
}

async function sha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

/** Events merged into batches on this thread (a program's events, already in memory). */
async function* batchesHere(
  store: Store,
  events: readonly LedgerEvent[],
  counter: { rows: number },
  options: ImportOptions,
): AsyncGenerator<EntryBatch> {
  const batcher = new EntryBatcher((c) => store.keyer.keyMany(c), options.batchEntries ?? BATCH, options.keyCache ?? KEY_CACHE);
  for await (const raw of rawBatches([events], batcher, counter)) yield batchOf(raw);
}

/** Apply batches of validated entries in one transaction, recording `source` so it is never applied twice. */
async function applyBatches(
  store: Store,
  map: DataMap,
  source: { digest: string; name: string },
  batches: AsyncIterable<EntryBatch>,
  counter: { rows: number },
  copySlice = COPY_SLICE,
) {
  let entries = 0;
  await store.db.transaction().execute(async (tx) => {
    // One import at a time per ledger (a server may have several clients): the union sets a
    // registration fills from the entries must not miss another import's uncommitted ones.
    await sql`select pg_advisory_xact_lock(hashtext('xborder.ledger.import.' || current_schema()))`.execute(tx);
    // The staged entries are merged and applied in key order, so index pages are visited in
    // order once the indexes outgrow shared buffers: a large sort in memory.
    await sql`set local work_mem = '64MB'`.execute(tx);
    await createStage(tx);
    const sets = new Map<number, UnionSet[]>();
    const stage = async (batch: EntryBatch) => {
      for (const y of batch.years) if (!sets.has(y)) sets.set(y, await prepareYear(tx, map, y));
      const known = await transferNumbers(tx, batch.transferIds);
      const numbers = batch.transferIds.map((id) => known.get(id) as number);
      // COPY the batch in as CSV text, a slice at a time: on PGlite each slice's text is copied
      // twice more on its way in (a Blob, then its memory), outside what the garbage collector
      // sees; a server streams the slices into one COPY.
      const slices = function* () {
        for (let from = 0; from < batch.size; from += copySlice) yield batch.csv(numbers, from, Math.min(batch.size, from + copySlice));
      };
      await store.copyIn(tx, "ledger_stage", slices());
    };
    // Every batch is staged (the database stages one while the next is read and keyed, on a
    // server or with the reading on a worker thread), then all are applied at once: a person in
    // several batches is written once, not once per batch (at 10M events, 4.3M entries instead
    // of 9.7M), and memory holds one batch whatever the file's size (the stage is on disk).
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const batch of batches) {
        await writing;
        writing = stage(batch);
        writing.catch(() => undefined); // handled: awaited before the next batch or at the end
      }
    } catch (e) {
      await writing.catch(() => undefined);
      throw e;
    }
    await writing;
    entries = await applyStage(tx, [...sets.keys()], [...sets.values()].flat(), store.kind);
    await tx
      .insertInto("ledger_import")
      .values({ content_sha256: source.digest, file_name: source.name, row_count: counter.rows })
      .execute();
  });
  return { rows: counter.rows, entries };
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
  const counter = { rows: 0 };
  const task = {
    file,
    format: formatOf(file),
    transfers: map.transfers.map((t) => t.id),
    secret: store.keyer.secretBytes(),
    batch: options.batchEntries ?? BATCH,
    keyCache: options.keyCache ?? KEY_CACHE,
    // One finished batch waits while another is written: two waiting cost ~200 MiB more at 10M
    // events on a server, for no measurable speed.
    ahead: 1,
  };
  const r = await applyBatches(store, map, { digest, name: file }, batchesOnWorker(task, counter), counter, options.copySlice);
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
  const counter = { rows: 0 };
  const r = await applyBatches(store, map, { digest, name }, batchesHere(store, validated, counter, options), counter, options.copySlice);
  return { status: "imported", file: name, ...r };
}
