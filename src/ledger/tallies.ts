/**
 * Per-window state kept on import, so an as-of count sums a few hundred day rows instead of
 * reading every entry of the window (issue 4, "Scale").
 *
 * - `ledger_bucket`: each (year, person, transfer)'s earliest dates — the entries, packed by key
 *   so that a person's entries are adjacent (`entries.ts`); transfers by number (`ledger_transfer`).
 * - `ledger_daily`: per (year, transfer, day), how many entries have that day as their earliest
 *   date. A transfer's count on D is the sum of its days ≤ D.
 * - Union sets: the total counts each person once over the counted transfers (Q&A Q11), and
 *   which transfers count is the engine's decision. For each set of counted transfers a map gives
 *   in a year, `ledger_union_daily` holds the people newly counted per day over the set. A set is
 *   registered (and filled from the entries) on the first import that sees it, then kept up to
 *   date by every import (`merge.ts` records the day moves).
 */
import { createHash } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { type IsoDate, yearOf } from "../calendar/date.js";
import { assess } from "../engine/assess.js";
import type { DataMap } from "../engine/datamap.js";
import { REGIMES, regimeOn } from "../engine/regimes/index.js";
import type { Store } from "../store/open.js";
import type { Database } from "../store/schema.js";
import { forEachPerson } from "./buckets.js";
import { earlier, isoOfDay } from "./entries.js";
import { type DayMoves, setsByTransfer } from "./merge.js";

/** Whether each transfer counts, as the engine decides on that date. */
export function countedTransfers(map: DataMap, asOf: IsoDate): Record<string, boolean> {
  return Object.fromEntries(assess(map, { asOf }).transfers.map((t) => [t.id, t.counted]));
}

/** A union set's identity: its sorted transfer ids. */
export const setKey = (ids: readonly string[]): string => [...ids].sort().join("\n");

/** The set's unique key in the database: md5 of its key, as PostgreSQL's md5() of the same text (migration 0006). */
export const setDigest = (key: string): string => createHash("md5").update(key, "utf8").digest("hex");

/**
 * The sets of counted transfers `map` gives on dates of `year` whose window is that one year
 * (the first day, the last, and the day each regime starts). A date whose set was not foreseen
 * here is still counted exactly, from the entries.
 */
export function unionSetsFor(map: DataMap, year: number): string[][] {
  const dates = [`${year}-01-01`, `${year}-12-31`, ...REGIMES.map((r) => r.from).filter((d) => yearOf(d) === year)];
  const sets = new Map<string, string[]>();
  for (const d of dates) {
    let from: IsoDate;
    try {
      from = regimeOn(d).window(d).from;
    } catch {
      continue; // no rules encoded for that date
    }
    if (yearOf(from) !== year) continue; // a multi-year window: counted from the entries
    const counted = countedTransfers(map, d);
    const ids = map.transfers.map((t) => t.id).filter((id) => counted[id]);
    if (ids.length) sets.set(setKey(ids), ids);
  }
  return [...sets.values()];
}

export interface UnionSet {
  id: number;
  year: number;
  transfers: string[];
  /** The same transfers' numbers (ledger_transfer.id). */
  numbers: number[];
}

/**
 * The numbers of these transfer ids, registering the ids not seen before (inside an import: imports
 * are serialised). Existing ids are looked up first: an insert that meets a conflict would still use
 * up a number of the sequence.
 */
export async function transferNumbers(tx: Kysely<Database>, ids: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(ids)];
  const read = async () =>
    unique.length ? await tx.selectFrom("ledger_transfer").select(["id", "transfer_id"]).where("transfer_id", "in", unique).execute() : [];
  let rows = await read();
  if (rows.length < unique.length) {
    const known = new Set(rows.map((r) => r.transfer_id));
    await tx
      .insertInto("ledger_transfer")
      .values(unique.filter((id) => !known.has(id)).map((transfer_id) => ({ transfer_id })))
      .onConflict((c) => c.column("transfer_id").doNothing())
      .execute();
    rows = await read();
  }
  return new Map(rows.map((r) => [r.transfer_id, r.id]));
}

/** The registered union set for these counted transfers in `year`, if any. */
export async function findUnionSet(db: Kysely<Database>, year: number, ids: readonly string[]): Promise<number | null> {
  const r = await db
    .selectFrom("ledger_union_set")
    .select("id")
    .where("year", "=", year)
    .where("digest", "=", setDigest(setKey(ids)))
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Inside an import's transaction, before its entries of `year` are merged: register the map's
 * union sets for that year (a new set of a year that has entries is filled from them, into
 * `moves`) and return every set of the year, so all of them — also those of an earlier version
 * of the map — stay up to date.
 */
export async function prepareYear(
  tx: Kysely<Database>,
  store: Store,
  map: DataMap,
  year: number,
  hasEntries: boolean,
  moves: DayMoves,
): Promise<UnionSet[]> {
  const fresh: number[] = [];
  for (const ids of unionSetsFor(map, year)) {
    const inserted = await tx
      .insertInto("ledger_union_set")
      .values({ year, transfers: setKey(ids), digest: setDigest(setKey(ids)) })
      .onConflict((c) => c.columns(["year", "digest"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) fresh.push(inserted.id);
  }
  const rows = await tx.selectFrom("ledger_union_set").select(["id", "year", "transfers"]).where("year", "=", year).execute();
  const ids = rows.map((r) => ({ id: r.id, year: r.year, transfers: r.transfers.split("\n") }));
  const numbers = await transferNumbers(
    tx,
    ids.flatMap((s) => s.transfers),
  );
  const sets = ids.map((s) => ({ ...s, numbers: s.transfers.map((id) => numbers.get(id) as number) }));
  const filling = sets.filter((s) => fresh.includes(s.id));
  if (hasEntries && filling.length) await fillSets(tx, store, year, filling, moves);
  return sets;
}

/** Each person's first days over each of `sets` (new sets of `year`), from the year's entries, into `moves`. */
async function fillSets(tx: Kysely<Database>, store: Store, year: number, sets: readonly UnionSet[], moves: DayMoves): Promise<void> {
  const inSets = setsByTransfer(sets);
  const g = new Int32Array(sets.length);
  const s = new Int32Array(sets.length);
  await forEachPerson(tx, store, [year], (p) => {
    g.fill(0);
    s.fill(0);
    for (let i = 0; i < p.n; i++) {
      for (const k of inSets[p.transfer[i]!] ?? []) {
        g[k] = earlier(g[k]!, p.general[i]!);
        s[k] = earlier(s[k]!, p.sensitive[i]!);
      }
    }
    sets.forEach((set, k) => {
      if (g[k]) moves.set(set.id, 0, g[k]!, false);
      if (s[k]) moves.set(set.id, 0, s[k]!, true);
    });
  });
}

/** Rows per insert of day counts (five parameters a row, well under PostgreSQL's 65,535). */
const ROWS = 2000;

/** Adds the day moves to `ledger_daily` and `ledger_union_daily`; `ids` names the transfer numbers. */
export async function writeMoves(tx: Kysely<Database>, moves: DayMoves, ids: ReadonlyMap<number, string>): Promise<void> {
  const daily = [...moves.dailyRows()]
    .filter((r) => r.general || r.sensitive)
    .map((r) => ({
      year: r.year,
      transfer_id: ids.get(r.transfer) as string,
      day: isoOfDay(r.year, r.day),
      general: r.general,
      sensitive: r.sensitive,
    }));
  const years = new Map<number, number>();
  const sets = await tx.selectFrom("ledger_union_set").select(["id", "year"]).execute();
  for (const r of sets) years.set(r.id, r.year);
  const union = [...moves.unionRows()]
    .filter((r) => r.general || r.sensitive)
    .map((r) => ({ set_id: r.set, day: isoOfDay(years.get(r.set) as number, r.day), general: r.general, sensitive: r.sensitive }));
  for (let i = 0; i < daily.length; i += ROWS) {
    await tx
      .insertInto("ledger_daily")
      .values(daily.slice(i, i + ROWS))
      .onConflict((c) =>
        c.columns(["year", "transfer_id", "day"]).doUpdateSet({
          general: sql`ledger_daily.general + excluded.general`,
          sensitive: sql`ledger_daily.sensitive + excluded.sensitive`,
        }),
      )
      .execute();
  }
  for (let i = 0; i < union.length; i += ROWS) {
    await tx
      .insertInto("ledger_union_daily")
      .values(union.slice(i, i + ROWS))
      .onConflict((c) =>
        c.columns(["set_id", "day"]).doUpdateSet({
          general: sql`ledger_union_daily.general + excluded.general`,
          sensitive: sql`ledger_union_daily.sensitive + excluded.sensitive`,
        }),
      )
      .execute();
  }
}
