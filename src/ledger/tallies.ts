/**
 * Per-window state kept on import, so an as-of count sums a few hundred day rows instead of
 * reading every entry of the window (issue 4, "Scale").
 *
 * - `ledger_entry`: each (year, person, transfer)'s earliest dates — the entries, keyed so that
 *   a person's entries are adjacent; transfers by number (`ledger_transfer`).
 * - `ledger_daily`: per (year, transfer, day), how many entries have that day as their earliest
 *   date. A transfer's count on D is the sum of its days ≤ D.
 * - Union sets: the total counts each person once over the counted transfers (Q&A Q11), and
 *   which transfers count is the engine's decision. For each set of counted transfers a map gives
 *   in a year, `ledger_union_daily` holds the people newly counted per day over the set. A set is
 *   registered (and filled from the entries) on the first import that sees it, then kept up to
 *   date by every import.
 *
 * An import's batches are staged in `ledger_stage` (a temporary table), then applied at once:
 * the entries' upsert returns each row whose earliest date moved (from `previous_*` to
 * `first_*`), which moves one entry from the old day (−1) to the new one (+1). The entries that
 * moved are kept in `ledger_changed`; for each union set, only their people are looked at: each
 * one's earliest dates over the set before the import and after it, read from their entries.
 */
import { type Kysely, type RawBuilder, sql } from "kysely";
import { type IsoDate, yearOf } from "../calendar/date.js";
import { assess } from "../engine/assess.js";
import type { DataMap } from "../engine/datamap.js";
import { REGIMES, regimeOn } from "../engine/regimes/index.js";
import type { Database } from "../store/schema.js";

/** Whether each transfer counts, as the engine decides on that date. */
export function countedTransfers(map: DataMap, asOf: IsoDate): Record<string, boolean> {
  return Object.fromEntries(assess(map, { asOf }).transfers.map((t) => [t.id, t.counted]));
}

/** A union set's identity: its sorted transfer ids. */
export const setKey = (ids: readonly string[]): string => [...ids].sort().join("\n");

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

/** `transfer in (…)`: the entries of these transfer ids (by number). */
export const ofTransfers = (ids: readonly string[]): RawBuilder<unknown> =>
  sql`transfer in (select id from ledger_transfer where transfer_id in (${sql.join(ids)}))`;

/** The registered union set for these counted transfers in `year`, if any. */
export async function findUnionSet(db: Kysely<Database>, year: number, ids: readonly string[]): Promise<number | null> {
  const r = await db
    .selectFrom("ledger_union_set")
    .select("id")
    .where("year", "=", year)
    .where("transfers", "=", setKey(ids))
    .executeTakeFirst();
  return r?.id ?? null;
}

/**
 * Inside an import's transaction, before its first batch for `year`: register the map's union
 * sets for that year (filling new ones from the entries so far) and return every set of the
 * year, so all of them — also those of an earlier version of the map — stay up to date.
 */
export async function prepareYear(tx: Kysely<Database>, map: DataMap, year: number): Promise<UnionSet[]> {
  for (const ids of unionSetsFor(map, year)) {
    const inserted = await tx
      .insertInto("ledger_union_set")
      .values({ year, transfers: setKey(ids) })
      .onConflict((c) => c.columns(["year", "transfers"]).doNothing())
      .returning("id")
      .executeTakeFirst();
    if (inserted) await countSetFromEntries(tx, inserted.id, year, ofTransfers(ids));
  }
  const rows = await tx.selectFrom("ledger_union_set").select(["id", "year", "transfers"]).where("year", "=", year).execute();
  const sets = rows.map((r) => ({ id: r.id, year: r.year, transfers: r.transfers.split("\n") }));
  const numbers = await transferNumbers(
    tx,
    sets.flatMap((s) => s.transfers),
  );
  return sets.map((s) => ({ ...s, numbers: s.transfers.map((id) => numbers.get(id) as number) }));
}

/**
 * Adds to a union set's days each person's first day over the set's transfers (`inSet`, a
 * condition on `transfer`), read from the entries of `year`: how a new set is filled, and how a
 * year's first import counts its sets.
 */
async function countSetFromEntries(tx: Kysely<Database>, setId: number, year: number, inSet: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into ledger_union_daily (set_id, day, general, sensitive)
    select ${setId}, day, g, s
    from (${perFirstDay(sql`
      select min(first_general) as first_general, min(first_sensitive) as first_sensitive from ledger_entry
      where year = ${year} and ${inSet}
      group by person_key`)}) h
    ${addCounts("ledger_union_daily", "set_id, day")}`.execute(tx);
}

/** People per first day (`day`, `g` ordinary, `s` sensitive) of `rows` (first_general, first_sensitive). */
export function perFirstDay(rows: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`
    with r as (${rows})
    select day, sum(g) as g, sum(s) as s from (
      select first_general as day, 1 as g, 0 as s from r where first_general is not null
      union all
      select first_sensitive, 0, 1 from r where first_sensitive is not null
    ) d group by day`;
}

/**
 * The staging table one import's batches go to, and the entries the import moved with the dates
 * they had before (both dropped at commit).
 */
export async function createStage(tx: Kysely<Database>): Promise<void> {
  await sql`create temp table ledger_stage (
    year smallint, transfer smallint, person_key bytea, first_general date, first_sensitive date) on commit drop`.execute(tx);
  await sql`create temp table ledger_changed (
    year smallint, transfer smallint, person_key bytea,
    first_general date, first_sensitive date, previous_general date, previous_sensitive date) on commit drop`.execute(tx);
}

/**
 * Day moves from `moved` (columns ng/ns = earliest dates now, og/os = before; og/os null for a
 * new row): +1 on the new day, −1 on the day it replaces. `carry` columns (`a, b, ` or empty)
 * are carried along.
 */
function dayMoves(carry: string): RawBuilder<unknown> {
  const k = sql.raw(carry);
  return sql`
    select ${k} ng as day, 1 as g, 0 as s from moved where ng is not null and ng is distinct from og
    union all select ${k} og, -1, 0 from moved where og is not null and ng < og
    union all select ${k} ns, 0, 1 from moved where ns is not null and ns is distinct from os
    union all select ${k} os, 0, -1 from moved where os is not null and ns < os`;
}

/**
 * On a key conflict keep each earliest date and remember the ones replaced, so that RETURNING
 * (which sees the row after the update) tells where the person moved from; write nothing when
 * neither date moves earlier (such rows are not returned: nothing moved). Returns the `carry`
 * columns and ng/ns/og/os for `dayMoves`.
 */
function keepEarliest(table: string, key: string, carry: string): RawBuilder<unknown> {
  const t = sql.raw(table);
  return sql`on conflict (${sql.raw(key)}) do update set
    first_general = least(${t}.first_general, excluded.first_general),
    first_sensitive = least(${t}.first_sensitive, excluded.first_sensitive),
    previous_general = ${t}.first_general,
    previous_sensitive = ${t}.first_sensitive
    where (least(${t}.first_general, excluded.first_general), least(${t}.first_sensitive, excluded.first_sensitive))
      is distinct from (${t}.first_general, ${t}.first_sensitive)
    returning ${sql.raw(carry)}first_general as ng, first_sensitive as ns,
      previous_general as og, previous_sensitive as os`;
}

/**
 * Whether `moved` entries are few next to the entries a server holds: then a union set probes
 * each of their people's entries instead of joining with all of them. Entries are estimated from
 * the table's size (~100 bytes a row): planner statistics may not exist yet right after a large
 * import.
 */
async function fewComparedToEntries(tx: Kysely<Database>, moved: number): Promise<boolean> {
  const r = await sql<{ bytes: string }>`select pg_relation_size(to_regclass('ledger_entry')) as bytes`.execute(tx);
  return moved * 10 < Number(r.rows[0]?.bytes ?? 0) / 100;
}

/** On a key conflict add the day counts. */
function addCounts(table: string, key: string): RawBuilder<unknown> {
  const t = sql.raw(table);
  return sql`on conflict (${sql.raw(key)}) do update set
    general = ${t}.general + excluded.general, sensitive = ${t}.sensitive + excluded.sensitive`;
}

/**
 * The staged entries of `years`, each (year, person, transfer) merged to its earliest dates, into
 * `ledger_entry` (`onKey` ends the insert, returning for each row written or moved `year,
 * transfer` and ng/ns/og/os for `dayMoves`), and their day moves into `ledger_daily`; `then`
 * reads `moved`: a count (`n`) or an insert (its row count is returned).
 */
async function writeEntries(tx: Kysely<Database>, years: readonly number[], onKey: RawBuilder<unknown>, then: RawBuilder<unknown>) {
  if (years.length === 0) return 0;
  const r = await sql<{ n: string }>`
    with moved as (
      insert into ledger_entry (year, person_key, transfer, first_general, first_sensitive)
      select year, person_key, transfer, min(first_general), min(first_sensitive) from ledger_stage
      where year in (${sql.join(years)})
      group by year, person_key, transfer
      order by year, person_key, transfer
      ${onKey}
    ), days as (
      insert into ledger_daily (year, transfer_id, day, general, sensitive)
      select d.year, t.transfer_id, d.day, sum(d.g), sum(d.s)
      from (${dayMoves("year, transfer, ")}) d join ledger_transfer t on t.id = d.transfer
      group by d.year, t.transfer_id, d.day
      ${addCounts("ledger_daily", "year, transfer_id, day")}
    )
    ${then}`.execute(tx);
  return r.rows[0]?.n !== undefined ? Number(r.rows[0].n) : Number(r.numAffectedRows ?? 0);
}

/**
 * Apply the staged entries (each (year, person, transfer) merged to its earliest dates): entries
 * and per-transfer days, then each union set of the import's years. One index probe per entry:
 * the upsert returns each changed row's dates before and after. A union set looks only at the
 * people with a moved entry among its transfers (an entry whose dates did not move cannot lower
 * a person's earliest dates over a set): their earliest dates over the set now and before, from
 * their moved entries' dates and previous dates (none for a new entry) and their other entries
 * (adjacent in the index). A year with no entries before the import (`years` are the import's)
 * skips all of that: its entries are inserted, and each union set counted from them. Returns how
 * many entries were written or moved earlier.
 */
export async function applyStage(
  tx: Kysely<Database>,
  years: readonly number[],
  sets: readonly UnionSet[],
  kind: "pglite" | "postgres",
): Promise<number> {
  // Years without entries before this import (a first import, a backfill): their entries are all
  // new, so they are inserted without a conflict check or a record of what moved, and a union
  // set is counted from their entries as a new set is (at 10M events on PGlite: entries 51 →
  // 30 s, union set 21 → 6.5 s).
  const newYears: number[] = [];
  const oldYears: number[] = [];
  for (const year of years) {
    const r = await sql<{ any: boolean }>`select exists (select 1 from ledger_entry where year = ${year}) as any`.execute(tx);
    (r.rows[0]?.any ? oldYears : newYears).push(year);
  }
  const written = await writeEntries(
    tx,
    newYears,
    sql`returning year, transfer, first_general as ng, first_sensitive as ns, null::date as og, null::date as os`,
    sql`select count(*) as n from moved`,
  );
  const movedOld = await writeEntries(
    tx,
    oldYears,
    keepEarliest("ledger_entry", "year, person_key, transfer", "year, transfer, person_key, "),
    sql`insert into ledger_changed (year, transfer, person_key, first_general, first_sensitive, previous_general, previous_sensitive)
        select year, transfer, person_key, ng, ns, og, os from moved`,
  );
  for (const set of sets.filter((s) => newYears.includes(s.year)))
    await countSetFromEntries(tx, set.id, set.year, sql`transfer in (${sql.join(set.numbers)})`);
  const changedSets = sets.filter((s) => oldYears.includes(s.year));
  if (changedSets.length === 0 || movedOld === 0) return written + movedOld;
  // Statistics for the planner (a temporary table has none): how many people to look up.
  await sql`analyze ledger_changed`.execute(tx);
  const probe = kind === "pglite" || (await fewComparedToEntries(tx, movedOld));
  for (const set of changedSets) {
    const inSet = sql.join(set.numbers);
    // Per person: the moved entries' dates now and before, and the earliest dates of the
    // person's other entries in the set (unchanged by this import).
    const people = sql`
      select person_key, array_agg(transfer) as ts,
        min(first_general) as ng, min(first_sensitive) as ns, min(previous_general) as og, min(previous_sensitive) as os
      from ledger_changed where year = ${set.year} and transfer in (${inSet})
      group by person_key order by person_key`;
    const others = sql`e.year = ${set.year} and e.person_key = p.person_key and e.transfer in (${inSet}) and e.transfer <> all (p.ts)`;
    const otherDates = probe
      ? // An index probe per person, in key order (PGlite: faster than a join even at 4M people).
        sql`cross join lateral (select min(e.first_general) as g, min(e.first_sensitive) as s from ledger_entry e where ${others}) u`
      : // Many people: one pass over the year's entries (a server joins faster than it probes).
        sql`left join (select e.person_key, min(e.first_general) as g, min(e.first_sensitive) as s
                       from p join ledger_entry e on ${others} group by e.person_key) u on u.person_key = p.person_key`;
    await sql`
      with p as (${people}), moved as (
        select least(p.ng, u.g) as ng, least(p.ns, u.s) as ns, least(p.og, u.g) as og, least(p.os, u.s) as os
        from p ${otherDates}
      )
      insert into ledger_union_daily (set_id, day, general, sensitive)
      select ${set.id}, day, sum(g), sum(s) from (${dayMoves("")}) d group by day
      ${addCounts("ledger_union_daily", "set_id, day")}
    `.execute(tx);
  }
  return written + movedOld;
}
