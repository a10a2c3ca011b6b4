/**
 * `ledger import`: all or nothing, idempotent. The whole file is applied in one transaction
 * (a bad row, or a killed process, leaves the ledger as it was); a file whose content was
 * imported before changes nothing. Identifiers become HMAC keys before they reach the database.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { sql } from "kysely";
import { yearOf } from "../calendar/date.js";
import type { DataMap } from "../engine/datamap.js";
import type { Store } from "../store/open.js";
import { type LedgerEvent, formatOf, readEvents, toEvent } from "./events.js";
import { type UnionSet, applyStage, createStage, prepareYear } from "./tallies.js";

export interface ImportResult {
  status: "imported" | "unchanged";
  file: string;
  rows: number;
  /** (year, transfer, person) entries written or moved earlier. */
  entries: number;
}

const BATCH = 50_000;
const KEY_CACHE = 500_000;

async function sha256(file: string): Promise<string> {
  const h = createHash("sha256");
  for await (const chunk of createReadStream(file)) h.update(chunk as Buffer);
  return h.digest("hex");
}

interface Entry {
  year: number;
  transfer_id: string;
  person_key: Buffer;
  first_general: string | null;
  first_sensitive: string | null;
}

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);

/** Events in, batches of de-duplicated (year, transfer, person) entries out. */
export class EntryBatcher {
  /** year → transfer → person key (as a latin1 string, reused so its hash is computed once) → entry. */
  private readonly entries = new Map<number, Map<string, Map<string, Entry>>>();
  private count = 0;
  /**
   * Keys of recent people (people recur across events and transfers): HMAC costs ~2 µs a call.
   * Bounded: emptied when it reaches KEY_CACHE entries. Lives only for one import.
   */
  private readonly keys = new Map<string, { key: Buffer; id: string }>();
  constructor(private readonly keyOf: (canonical: string) => Buffer) {}

  add(e: LedgerEvent): void {
    let k = this.keys.get(e.canonical);
    if (!k) {
      if (this.keys.size >= KEY_CACHE) this.keys.clear();
      const key = this.keyOf(e.canonical);
      k = { key, id: key.toString("latin1") };
      this.keys.set(e.canonical, k);
    }
    const year = yearOf(e.date);
    let byTransfer = this.entries.get(year);
    if (!byTransfer) this.entries.set(year, (byTransfer = new Map()));
    let people = byTransfer.get(e.transfer);
    if (!people) byTransfer.set(e.transfer, (people = new Map()));
    const g = e.general ? e.date : null;
    const s = e.sensitive ? e.date : null;
    const prev = people.get(k.id);
    if (prev) {
      prev.first_general = earliest(prev.first_general, g);
      prev.first_sensitive = earliest(prev.first_sensitive, s);
    } else {
      people.set(k.id, { year, transfer_id: e.transfer, person_key: k.key, first_general: g, first_sensitive: s });
      this.count++;
    }
  }

  get size(): number {
    return this.count;
  }

  take(): Entry[] {
    const out: Entry[] = [];
    for (const byTransfer of this.entries.values()) for (const people of byTransfer.values()) for (const e of people.values()) out.push(e);
    this.entries.clear();
    this.count = 0;
    return out;
  }
}

/** Apply validated events in one transaction, recording `source` so it is never applied twice. */
async function applyEvents(
  store: Store,
  map: DataMap,
  source: { digest: string; name: string },
  events: AsyncIterable<LedgerEvent> | Iterable<LedgerEvent>,
) {
  const batcher = new EntryBatcher((c) => store.keyer.key(c));
  let rows = 0;
  let entries = 0;
  await store.db.transaction().execute(async (tx) => {
    // One import at a time per ledger (a server may have several clients): the union sets a
    // registration fills from the entries must not miss another import's uncommitted ones.
    await sql`select pg_advisory_xact_lock(hashtext('xborder.ledger.import.' || current_schema()))`.execute(tx);
    // The staging table has no statistics: left to itself the planner hashes the whole entries
    // table for every batch. Index probes keep each batch's cost independent of the ledger's size.
    await sql`set local enable_hashjoin = off`.execute(tx);
    await sql`set local enable_mergejoin = off`.execute(tx);
    await createStage.execute(tx);
    const sets = new Map<number, UnionSet[]>();
    const flush = async () => {
      const batch = batcher.take();
      if (batch.length === 0) return;
      entries += batch.length;
      const years = new Set(batch.map((b) => b.year));
      for (const y of years) if (!sets.has(y)) sets.set(y, await prepareYear(tx, map, y));
      if (store.copyFrom) {
        // Embedded: COPY the batch in (~10 % faster than parameters here).
        let csv = "";
        for (const b of batch)
          csv += `${b.year},"${b.transfer_id.replace(/"/g, '""')}",\\x${b.person_key.toString("hex")},${b.first_general ?? ""},${b.first_sensitive ?? ""}\n`;
        await store.copyFrom("copy ledger_stage from '/dev/blob' with (format csv)", csv);
      } else {
        // A server: one statement per batch with five array parameters (unnest), whatever the batch size.
        await sql`insert into ledger_stage select * from unnest(
          ${batch.map((b) => b.year)}::smallint[], ${batch.map((b) => b.transfer_id)}::text[],
          ${batch.map((b) => b.person_key)}::bytea[], ${batch.map((b) => b.first_general)}::date[],
          ${batch.map((b) => b.first_sensitive)}::date[])`.execute(tx);
      }
      await applyStage(
        tx,
        [...years].flatMap((y) => sets.get(y) ?? []),
      );
      await sql`truncate ledger_stage`.execute(tx);
    };
    // The database writes one batch while the next is read and keyed (a server works in parallel).
    let writing: Promise<void> = Promise.resolve();
    try {
      for await (const e of events) {
        rows++;
        batcher.add(e);
        if (batcher.size >= BATCH) {
          await writing;
          writing = flush();
          writing.catch(() => undefined); // handled: awaited before the next batch or at the end
        }
      }
    } catch (e) {
      await writing.catch(() => undefined);
      throw e;
    }
    await writing;
    await flush();
    await tx.insertInto("ledger_import").values({ content_sha256: source.digest, file_name: source.name, row_count: rows }).execute();
  });
  return { rows, entries };
}

async function alreadyApplied(store: Store, digest: string): Promise<boolean> {
  return Boolean(await store.db.selectFrom("ledger_import").select("id").where("content_sha256", "=", digest).executeTakeFirst());
}

export async function importEvents(store: Store, file: string, map: DataMap): Promise<ImportResult> {
  const digest = await sha256(file);
  if (await alreadyApplied(store, digest)) return { status: "unchanged", file, rows: 0, entries: 0 };
  const transfers = new Set(map.transfers.map((t) => t.id));
  const r = await applyEvents(store, map, { digest, name: file }, readEvents(file, transfers, formatOf(file)));
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
export async function recordEvents(store: Store, map: DataMap, batchId: string, events: readonly EventInput[]): Promise<ImportResult> {
  const digest = `batch:${createHash("sha256").update(batchId).digest("hex")}`;
  const name = `batch ${batchId}`;
  if (await alreadyApplied(store, digest)) return { status: "unchanged", file: name, rows: 0, entries: 0 };
  const transfers = new Set(map.transfers.map((t) => t.id));
  const validated = events.map((e, i) => toEvent(e as unknown as Record<string, unknown>, i, `events[${i}]`, transfers, "."));
  const r = await applyEvents(store, map, { digest, name }, validated);
  return { status: "imported", file: name, ...r };
}
