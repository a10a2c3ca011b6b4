/**
 * `ledger count`: distinct people in the window of the rules in force on `asOf`, ordinary and
 * sensitive, per transfer and over the counted transfers together (exempt transfers, as the
 * engine decides, left out — Q&A Q11). Reproducible for any past date.
 */
import { type Kysely, sql } from "kysely";
import { type IsoDate, yearOf } from "../calendar/date.js";
import { assess } from "../engine/assess.js";
import type { DataMap } from "../engine/datamap.js";
import { regimeOn } from "../engine/regimes/index.js";
import type { Counts } from "../engine/types.js";
import type { Store } from "../store/open.js";
import type { Database } from "../store/schema.js";

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

/** Whether each transfer counts, as the engine decides on that date. */
export function countedTransfers(map: DataMap, asOf: IsoDate): Record<string, boolean> {
  return Object.fromEntries(assess(map, { asOf }).transfers.map((t) => [t.id, t.counted]));
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
  // Entries are unique per (year, transfer, person): in a one-year window a transfer's count is a
  // plain count; over several years each person's earliest dates come first (a hash aggregate,
  // several times faster than count(distinct), which sorts per group).
  const entries =
    ys.length === 1
      ? sql`select transfer_id, first_general, first_sensitive from ledger_first_seen
            where year = ${ys[0]} and transfer_id in (${sql.join(ids)})`
      : sql`select transfer_id, min(first_general) as first_general, min(first_sensitive) as first_sensitive
            from ledger_first_seen where year in (${sql.join(ys)}) and transfer_id in (${sql.join(ids)})
            group by transfer_id, person_key`;
  const per = ids.length
    ? (
        await sql<{ transfer_id: string; general: string; sensitive: string }>`
          select transfer_id,
                 count(*) filter (where first_general <= ${asOf}::date) as general,
                 count(*) filter (where first_sensitive <= ${asOf}::date) as sensitive
          from (${entries}) p
          group by transfer_id
        `.execute(db)
      ).rows
    : [];
  const countedIds = ids.filter((id) => counted[id]);
  // The total: PostgreSQL counts distinct keys fastest itself; PGlite is faster with the histogram.
  let total: Counts = { general: 0, sensitive: 0 };
  if (countedIds.length && kind === "postgres") {
    const r = await sql<{ general: string; sensitive: string }>`
      select count(distinct person_key) filter (where first_general <= ${asOf}::date) as general,
             count(distinct person_key) filter (where first_sensitive <= ${asOf}::date) as sensitive
      from ledger_first_seen where year in (${sql.join(ys)}) and transfer_id in (${sql.join(countedIds)})
    `.execute(db);
    total = { general: Number(r.rows[0]?.general ?? 0), sensitive: Number(r.rows[0]?.sensitive ?? 0) };
  } else if (countedIds.length) total = upTo(await firstDates(db, ys, countedIds), asOf);

  const transfers: LedgerCount["transfers"] = {};
  for (const id of ids) {
    const row = per.find((r) => r.transfer_id === id);
    transfers[id] = { general: Number(row?.general ?? 0), sensitive: Number(row?.sensitive ?? 0), counted: counted[id] ?? false };
  }
  return { asOf, window, cumulative: total, transfers };
}

/**
 * Cumulative counts for many dates at once (the `status` trend): dates that share their window's
 * years and counted transfers share one pass — each person's earliest date over those transfers,
 * as a histogram by day — instead of one `count(distinct)` per date.
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
    const histogram = g.ids.length ? await firstDates(db, g.ys, g.ids) : [];
    for (const d of g.dates) out.set(d, upTo(histogram, d));
  }
  return out;
}

type Histogram = { measure: "g" | "s"; day: string; n: string }[];

/** How many people were first sent (ordinary / sensitive) on each day, over these years and transfers. */
async function firstDates(db: Kysely<Database>, ys: number[], ids: string[]): Promise<Histogram> {
  const r = await sql<Histogram[number]>`
    with p as (
      select min(first_general) as g, min(first_sensitive) as s from ledger_first_seen
      where year in (${sql.join(ys)}) and transfer_id in (${sql.join(ids)})
      group by person_key
    )
    select 'g' as measure, to_char(g, 'YYYY-MM-DD') as day, count(*) as n from p where g is not null group by g
    union all
    select 's', to_char(s, 'YYYY-MM-DD'), count(*) from p where s is not null group by s
  `.execute(db);
  return r.rows;
}

/** People first sent on or before `d`. */
function upTo(histogram: Histogram, d: IsoDate): Counts {
  const c = { general: 0, sensitive: 0 };
  for (const r of histogram) {
    if (r.day > d) continue;
    if (r.measure === "g") c.general += Number(r.n);
    else c.sensitive += Number(r.n);
  }
  return c;
}
