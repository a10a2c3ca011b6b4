/**
 * `ledger count`: distinct people in the window of the rules in force on `asOf`, ordinary and
 * sensitive, per transfer and over the counted transfers together (exempt transfers, as the
 * engine decides, left out — Q&A Q11). Reproducible for any past date.
 */
import { type Kysely, sql } from "kysely";
import { type IsoDate, fromDayNumber, toDayNumber as toDay, yearOf } from "../calendar/date.js";
import type { DataMap } from "../engine/datamap.js";
import { regimeOn } from "../engine/regimes/index.js";
import type { Counts } from "../engine/types.js";
import type { Store } from "../store/open.js";
import type { Database } from "../store/schema.js";
import { forEachPerson } from "./buckets.js";
import { dayNumber } from "./entries.js";
import { countedTransfers, findUnionSet } from "./tallies.js";

export interface LedgerCount {
  asOf: IsoDate;
  window: { from: IsoDate; to: IsoDate };
  cumulative: Counts;
  transfers: Record<string, Counts & { counted: boolean }>;
}

function years(from: IsoDate, to: IsoDate): number[] {
  const out: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) out.push(y);
  return out;
}

/** Runs `f` with room for the hash aggregates of a count (PostgreSQL's default work_mem of 4 MB makes them spill to disk). */
async function withWorkMem<T>(store: Store, f: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (tx) => {
    await sql`set local work_mem = '256MB'`.execute(tx);
    return f(tx);
  });
}

export async function countLedger(store: Store, map: DataMap, asOf: IsoDate): Promise<LedgerCount> {
  return withWorkMem(store, (db) => countIn(db, store, map, asOf));
}

async function countIn(db: Kysely<Database>, store: Store, map: DataMap, asOf: IsoDate): Promise<LedgerCount> {
  const window = regimeOn(asOf).window(asOf);
  const ys = years(window.from, window.to);
  const counted = countedTransfers(map, asOf);
  const ids = map.transfers.map((t) => t.id);
  const countedIds = ids.filter((id) => counted[id]);
  let per: { transfer_id: string; general: string; sensitive: string }[] = [];
  let total: Counts = { general: 0, sensitive: 0 };
  if (ys.length === 1 && ids.length) {
    // One year (the rules since 2024): sums of the day counts kept on import.
    per = (
      await sql<(typeof per)[number]>`
        select transfer_id, sum(general) as general, sum(sensitive) as sensitive from ledger_daily
        where year = ${ys[0]} and transfer_id in (${sql.join(ids)}) and day <= ${asOf}::date
        group by transfer_id`.execute(db)
    ).rows;
  } else if (ids.length) {
    // Several years (the 2022 rules): each person's earliest dates per transfer over the years, from the entries.
    per = await perTransferFromEntries(db, store, ys, ids, asOf);
  }
  if (countedIds.length) total = await cumulative(db, store, ys, countedIds, asOf);

  const transfers: LedgerCount["transfers"] = {};
  for (const id of ids) {
    const row = per.find((r) => r.transfer_id === id);
    transfers[id] = { general: Number(row?.general ?? 0), sensitive: Number(row?.sensitive ?? 0), counted: counted[id] ?? false };
  }
  return { asOf, window, cumulative: total, transfers };
}

/**
 * Cumulative counts for many dates at once (the `status` trend): dates that share their window's
 * years and counted transfers share one histogram of people by the day they were first sent.
 */
export async function cumulativeSeries(store: Store, map: DataMap, dates: readonly IsoDate[]): Promise<Map<IsoDate, Counts>> {
  return withWorkMem(store, (db) => seriesIn(db, store, map, dates));
}

async function seriesIn(db: Kysely<Database>, store: Store, map: DataMap, dates: readonly IsoDate[]): Promise<Map<IsoDate, Counts>> {
  const groups = new Map<string, { ys: number[]; ids: string[]; dates: IsoDate[] }>();
  for (const d of dates) {
    const w = regimeOn(d).window(d);
    const ys = years(w.from, w.to);
    const counted = countedTransfers(map, d);
    const ids = map.transfers.map((t) => t.id).filter((id) => counted[id]);
    const key = `${ys.join(",")}|${ids.join("\u0000")}`;
    const g = groups.get(key) ?? { ys, ids, dates: [] };
    g.dates.push(d);
    groups.set(key, g);
  }
  const out = new Map<IsoDate, Counts>();
  for (const g of groups.values()) {
    const h = g.ids.length ? await histogram(db, store, g.ys, g.ids, await unionSetOf(db, g.ys, g.ids)) : [];
    for (const d of g.dates) out.set(d, upTo(h, d));
  }
  return out;
}

/** Distinct people over the counted transfers `ids` in years `ys`, first sent on or before `asOf`. */
async function cumulative(db: Kysely<Database>, store: Store, ys: number[], ids: string[], asOf: IsoDate): Promise<Counts> {
  return upTo(await histogram(db, store, ys, ids, await unionSetOf(db, ys, ids)), asOf);
}

/** The union set kept for these counted transfers: only one-year windows have one. */
async function unionSetOf(db: Kysely<Database>, ys: number[], ids: string[]): Promise<number | null> {
  return ys.length === 1 ? findUnionSet(db, ys[0] as number, ids) : null;
}

type Histogram = { day: string; g: string; s: string }[];

/**
 * How many people were first sent (ordinary / sensitive) on each day, over these years and
 * transfers: the union set's day counts when one is kept, else from each person's entries.
 */
async function histogram(db: Kysely<Database>, store: Store, ys: number[], ids: string[], set: number | null): Promise<Histogram> {
  if (set !== null) {
    return (
      await sql<Histogram[number]>`
        select to_char(day, 'YYYY-MM-DD') as day, general as g, sensitive as s from ledger_union_daily where set_id = ${set}`.execute(db)
    ).rows;
  }
  const counted = new Set((await numbersOf(db, ids)).values());
  const days = new Map<number, [number, number]>();
  const add = (day: number, k: 0 | 1) => {
    const v = days.get(day) ?? [0, 0];
    v[k]++;
    days.set(day, v);
  };
  await forEachPerson(db, store, ys, (p) => {
    let g = Infinity;
    let s = Infinity;
    for (let i = 0; i < p.n; i++) {
      if (!counted.has(p.transfer[i]!)) continue;
      if (p.general[i]) g = Math.min(g, dayNumber(p.year[i]!, p.general[i]!));
      if (p.sensitive[i]) s = Math.min(s, dayNumber(p.year[i]!, p.sensitive[i]!));
    }
    if (g !== Infinity) add(g, 0);
    if (s !== Infinity) add(s, 1);
  });
  return [...days].map(([d, [g, s]]) => ({ day: fromDayNumber(d), g: String(g), s: String(s) }));
}

/** The numbers (ledger_transfer.id) of these transfer ids that have any. */
async function numbersOf(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = ids.length
    ? await db.selectFrom("ledger_transfer").select(["id", "transfer_id"]).where("transfer_id", "in", ids).execute()
    : [];
  return new Map(rows.map((r) => [r.transfer_id, r.id]));
}

/** Per transfer, the people whose earliest date over the years `ys` is on or before `asOf`. */
async function perTransferFromEntries(db: Kysely<Database>, store: Store, ys: number[], ids: string[], asOf: IsoDate) {
  const numbers = await numbersOf(db, ids);
  const idOf = new Map([...numbers].map(([id, n]) => [n, id]));
  const limit = toDay(asOf);
  const counts = new Map<number, { g: number; s: number }>([...numbers.values()].map((n) => [n, { g: 0, s: 0 }]));
  const g = new Map<number, number>();
  const s = new Map<number, number>();
  await forEachPerson(db, store, ys, (p) => {
    g.clear();
    s.clear();
    for (let i = 0; i < p.n; i++) {
      const t = p.transfer[i]!;
      if (!counts.has(t)) continue;
      if (p.general[i]) g.set(t, Math.min(g.get(t) ?? Infinity, dayNumber(p.year[i]!, p.general[i]!)));
      if (p.sensitive[i]) s.set(t, Math.min(s.get(t) ?? Infinity, dayNumber(p.year[i]!, p.sensitive[i]!)));
    }
    for (const [t, d] of g) if (d <= limit) counts.get(t)!.g++;
    for (const [t, d] of s) if (d <= limit) counts.get(t)!.s++;
  });
  return [...counts].map(([n, c]) => ({ transfer_id: idOf.get(n) as string, general: String(c.g), sensitive: String(c.s) }));
}

/** People first sent on or before `d`. */
function upTo(h: Histogram, d: IsoDate): Counts {
  const c = { general: 0, sensitive: 0 };
  for (const r of h) {
    if (r.day > d) continue;
    c.general += Number(r.g);
    c.sensitive += Number(r.s);
  }
  return c;
}

/**
 * A stamp that changes whenever the ledger does (every import or recording adds a row to
 * ledger_import): what a cache of counts keys on, safe across processes.
 */
export async function ledgerStamp(store: Store): Promise<string> {
  const r = await store.db
    .selectFrom("ledger_import")
    .select((eb) => [eb.fn.countAll<string>().as("n"), eb.fn.max("id").as("last")])
    .executeTakeFirstOrThrow();
  return `${r.n}:${r.last ?? 0}`;
}
