/**
 * `ledger count`: distinct people in the window of the rules in force on `asOf`, ordinary and
 * sensitive, per transfer and over the counted transfers together (exempt transfers, as the
 * engine decides, left out — Q&A Q11). Reproducible for any past date.
 */
import { sql } from "kysely";
import { type IsoDate, yearOf } from "../calendar/date.js";
import { assess } from "../engine/assess.js";
import type { DataMap } from "../engine/datamap.js";
import { regimeOn } from "../engine/regimes/index.js";
import type { Counts } from "../engine/types.js";
import type { Store } from "../store/open.js";

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

export async function countLedger(store: Store, map: DataMap, asOf: IsoDate): Promise<LedgerCount> {
  const window = regimeOn(asOf).window(asOf);
  const ys = years(window.from, window.to);
  const counted = countedTransfers(map, asOf);
  const ids = map.transfers.map((t) => t.id);
  // Rows are unique per (year, transfer, person): in a one-year window a transfer's count is a plain
  // count; over several years each person's earliest dates come first (a hash aggregate, several
  // times faster than count(distinct), which sorts per group).
  const rowsOf =
    ys.length === 1
      ? sql`ledger_first_seen`
      : sql`(
      select transfer_id, min(first_general) as first_general, min(first_sensitive) as first_sensitive from ledger_first_seen
      where year in (${sql.join(ys)}) and transfer_id in (${sql.join(ids)})
      group by transfer_id, person_key
    )`;
  const per = ids.length
    ? (
        await sql<{ transfer_id: string; general: string; sensitive: string }>`
          select transfer_id,
                 count(*) filter (where first_general <= ${asOf}::date) as general,
                 count(*) filter (where first_sensitive <= ${asOf}::date) as sensitive
          from ${rowsOf} p
          where ${ys.length === 1 ? sql`year = ${ys[0]} and ` : sql``}transfer_id in (${sql.join(ids)})
          group by transfer_id
        `.execute(store.db)
      ).rows
    : [];
  const countedIds = ids.filter((id) => counted[id]);
  const total = countedIds.length
    ? ((await cumulativeSeries(store, map, [asOf])).get(asOf) ?? { general: 0, sensitive: 0 })
    : { general: 0, sensitive: 0 };

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
    if (g.ids.length === 0) {
      for (const d of g.dates) out.set(d, { general: 0, sensitive: 0 });
      continue;
    }
    const rows = await sql<{ measure: "g" | "s"; day: string; n: string }>`
      with p as (
        select min(first_general) as g, min(first_sensitive) as s from ledger_first_seen
        where year in (${sql.join(g.ys)}) and transfer_id in (${sql.join(g.ids)})
        group by person_key
      )
      select 'g' as measure, to_char(g, 'YYYY-MM-DD') as day, count(*) as n from p where g is not null group by g
      union all
      select 's', to_char(s, 'YYYY-MM-DD'), count(*) from p where s is not null group by s
    `.execute(store.db);
    for (const d of g.dates) {
      let general = 0;
      let sensitive = 0;
      for (const r of rows.rows) {
        if (r.day > d) continue;
        if (r.measure === "g") general += Number(r.n);
        else sensitive += Number(r.n);
      }
      out.set(d, { general, sensitive });
    }
  }
  return out;
}
