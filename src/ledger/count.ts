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
  const general = sql<string>`count(distinct person_key) filter (where first_general <= ${asOf}::date)`;
  const sensitive = sql<string>`count(distinct person_key) filter (where first_sensitive <= ${asOf}::date)`;

  const per = ids.length
    ? await store.db
        .selectFrom("ledger_first_seen")
        .select(["transfer_id", general.as("general"), sensitive.as("sensitive")])
        .where("year", "in", ys)
        .where("transfer_id", "in", ids)
        .groupBy("transfer_id")
        .execute()
    : [];
  const countedIds = ids.filter((id) => counted[id]);
  const total = countedIds.length
    ? await store.db
        .selectFrom("ledger_first_seen")
        .select([general.as("general"), sensitive.as("sensitive")])
        .where("year", "in", ys)
        .where("transfer_id", "in", countedIds)
        .executeTakeFirstOrThrow()
    : { general: "0", sensitive: "0" };

  const transfers: LedgerCount["transfers"] = {};
  for (const id of ids) {
    const row = per.find((r) => r.transfer_id === id);
    transfers[id] = { general: Number(row?.general ?? 0), sensitive: Number(row?.sensitive ?? 0), counted: counted[id] ?? false };
  }
  return { asOf, window, cumulative: { general: Number(total.general), sensitive: Number(total.sensitive) }, transfers };
}
