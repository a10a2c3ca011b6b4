/**
 * `ledger count`: distinct people in the window of the rules in force on `asOf`, ordinary and
 * sensitive, per transfer and over the counted transfers together (exempt transfers, as the
 * engine decides, left out — Q&A Q11). Reproducible for any past date.
 */
import { type Kysely, sql } from "kysely";
import { type IsoDate, yearOf } from "../calendar/date.js";
import type { DataMap } from "../engine/datamap.js";
import { regimeOn } from "../engine/regimes/index.js";
import type { Counts } from "../engine/types.js";
import type { Store } from "../store/open.js";
import type { Database } from "../store/schema.js";
import { countedTransfers, findUnionSet, ofTransfers, perFirstDay } from "./tallies.js";

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
  return withWorkMem(store, (db) => countIn(db, store.kind, map, asOf));
}

async function countIn(db: Kysely<Database>, kind: Store["kind"], map: DataMap, asOf: IsoDate): Promise<LedgerCount> {
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
    // Several years (the 2022 rules): entries are unique per (year, transfer, person), so each
    // person's earliest dates come first (a hash aggregate, faster than count(distinct)).
    per = (
      await sql<(typeof per)[number]>`
        select t.transfer_id,
               count(*) filter (where first_general <= ${asOf}::date) as general,
               count(*) filter (where first_sensitive <= ${asOf}::date) as sensitive
        from (
          select transfer, min(first_general) as first_general, min(first_sensitive) as first_sensitive
          from ledger_entry where year in (${sql.join(ys)}) and ${ofTransfers(ids)}
          group by transfer, person_key
        ) p join ledger_transfer t on t.id = p.transfer
        group by t.transfer_id`.execute(db)
    ).rows;
  }
  if (countedIds.length) total = await cumulative(db, kind, ys, countedIds, asOf);

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
  return withWorkMem(store, (db) => seriesIn(db, map, dates));
}

async function seriesIn(db: Kysely<Database>, map: DataMap, dates: readonly IsoDate[]): Promise<Map<IsoDate, Counts>> {
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
    const h = g.ids.length ? await histogram(db, g.ys, g.ids, await unionSetOf(db, g.ys, g.ids)) : [];
    for (const d of g.dates) out.set(d, upTo(h, d));
  }
  return out;
}

/** Distinct people over the counted transfers `ids` in years `ys`, first sent on or before `asOf`. */
async function cumulative(db: Kysely<Database>, kind: Store["kind"], ys: number[], ids: string[], asOf: IsoDate): Promise<Counts> {
  const set = await unionSetOf(db, ys, ids);
  if (set === null && kind === "postgres") {
    // No union set kept for these transfers (a multi-year window, or a map changed since the
    // last import): PostgreSQL counts distinct keys fastest itself; PGlite uses the histogram.
    const r = await sql<{ general: string; sensitive: string }>`
      select count(distinct person_key) filter (where first_general <= ${asOf}::date) as general,
             count(distinct person_key) filter (where first_sensitive <= ${asOf}::date) as sensitive
      from ledger_entry where year in (${sql.join(ys)}) and ${ofTransfers(ids)}
    `.execute(db);
    return { general: Number(r.rows[0]?.general ?? 0), sensitive: Number(r.rows[0]?.sensitive ?? 0) };
  }
  return upTo(await histogram(db, ys, ids, set), asOf);
}

/** The union set kept for these counted transfers: only one-year windows have one. */
async function unionSetOf(db: Kysely<Database>, ys: number[], ids: string[]): Promise<number | null> {
  return ys.length === 1 ? findUnionSet(db, ys[0] as number, ids) : null;
}

type Histogram = { day: string; g: string; s: string }[];

/**
 * How many people were first sent (ordinary / sensitive) on each day, over these years and
 * transfers: the union set's day counts when one is kept, else from each person's earliest dates.
 */
async function histogram(db: Kysely<Database>, ys: number[], ids: string[], set: number | null): Promise<Histogram> {
  if (set !== null) {
    return (
      await sql<Histogram[number]>`
        select to_char(day, 'YYYY-MM-DD') as day, general as g, sensitive as s from ledger_union_daily where set_id = ${set}`.execute(db)
    ).rows;
  }
  const r = await sql<Histogram[number]>`
    select to_char(day, 'YYYY-MM-DD') as day, g, s from (${perFirstDay(sql`
      select min(first_general) as first_general, min(first_sensitive) as first_sensitive from ledger_entry
      where year in (${sql.join(ys)}) and ${ofTransfers(ids)}
      group by person_key`)}) h
  `.execute(db);
  return r.rows;
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
