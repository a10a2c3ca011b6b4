/** Schema migrations, the same for embedded PGlite and a PostgreSQL server. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

const migrations: Record<string, Migration> = {
  "0001_ledger": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ledger_meta")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("value", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("ledger_import")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("content_sha256", "text", (c) => c.notNull().unique())
        .addColumn("file_name", "text", (c) => c.notNull())
        .addColumn("row_count", "integer", (c) => c.notNull())
        .addColumn("imported_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable("ledger_first_seen")
        .addColumn("year", "smallint", (c) => c.notNull())
        .addColumn("transfer_id", "text", (c) => c.notNull())
        .addColumn("person_key", "bytea", (c) => c.notNull())
        .addColumn("first_general", "date")
        .addColumn("first_sensitive", "date")
        .addPrimaryKeyConstraint("ledger_first_seen_pk", ["year", "transfer_id", "person_key"])
        .execute();
    },
  },
  "0002_window_histograms": {
    // Counts by day, kept on import, so an as-of count sums at most 366 rows a transfer instead
    // of reading every entry of the window (see src/ledger/tallies.ts).
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ledger_daily")
        .addColumn("year", "smallint", (c) => c.notNull())
        .addColumn("transfer_id", "text", (c) => c.notNull())
        .addColumn("day", "date", (c) => c.notNull())
        .addColumn("general", "integer", (c) => c.notNull())
        .addColumn("sensitive", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("ledger_daily_pk", ["year", "transfer_id", "day"])
        .execute();
      await sql`
        insert into ledger_daily (year, transfer_id, day, general, sensitive)
        select year, transfer_id, day, sum(g), sum(s) from (
          select year, transfer_id, first_general as day, 1 as g, 0 as s from ledger_first_seen where first_general is not null
          union all
          select year, transfer_id, first_sensitive, 0, 1 from ledger_first_seen where first_sensitive is not null
        ) d group by year, transfer_id, day`.execute(db);
      await db.schema
        .createTable("ledger_union_set")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("year", "smallint", (c) => c.notNull())
        .addColumn("transfers", "text", (c) => c.notNull())
        .addUniqueConstraint("ledger_union_set_key", ["year", "transfers"])
        .execute();
      await db.schema
        .createTable("ledger_union_first")
        .addColumn("set_id", "integer", (c) => c.notNull())
        .addColumn("person_key", "bytea", (c) => c.notNull())
        .addColumn("first_general", "date")
        .addColumn("first_sensitive", "date")
        .addPrimaryKeyConstraint("ledger_union_first_pk", ["set_id", "person_key"])
        .execute();
      await db.schema
        .createTable("ledger_union_daily")
        .addColumn("set_id", "integer", (c) => c.notNull())
        .addColumn("day", "date", (c) => c.notNull())
        .addColumn("general", "integer", (c) => c.notNull())
        .addColumn("sensitive", "integer", (c) => c.notNull())
        .addPrimaryKeyConstraint("ledger_union_daily_pk", ["set_id", "day"])
        .execute();
    },
  },
  "0003_previous_dates": {
    // The earliest dates an upsert replaced, so that the upsert itself reports where each person
    // moves from (RETURNING sees the row after the update) instead of a second index probe
    // reading the rows as they were (see applyStage in src/ledger/tallies.ts).
    async up(db: Kysely<unknown>) {
      for (const table of ["ledger_first_seen", "ledger_union_first"])
        await db.schema.alterTable(table).addColumn("previous_general", "date").addColumn("previous_sensitive", "date").execute();
    },
  },
  "0004_entries_by_person": {
    // Entries keyed (year, person, transfer number) instead of (year, transfer id, person): a
    // person's entries sit together, so a union set's earliest dates are read from them at import
    // (ledger_union_first, as many rows again as the entries, is dropped), and a smallint compares
    // faster than text in the key. Day tallies and union sets are unchanged.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ledger_transfer")
        .addColumn("id", sql`smallserial`, (c) => c.primaryKey())
        .addColumn("transfer_id", "text", (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createTable("ledger_entry")
        .addColumn("year", "smallint", (c) => c.notNull())
        .addColumn("person_key", "bytea", (c) => c.notNull())
        .addColumn("transfer", "smallint", (c) => c.notNull())
        .addColumn("first_general", "date")
        .addColumn("first_sensitive", "date")
        .addColumn("previous_general", "date")
        .addColumn("previous_sensitive", "date")
        .addPrimaryKeyConstraint("ledger_entry_pk", ["year", "person_key", "transfer"])
        .execute();
      await sql`
        insert into ledger_transfer (transfer_id)
        select transfer_id from (select transfer_id from ledger_first_seen union select transfer_id from ledger_daily) t
        order by transfer_id`.execute(db);
      await sql`
        insert into ledger_entry (year, person_key, transfer, first_general, first_sensitive)
        select f.year, f.person_key, t.id, f.first_general, f.first_sensitive
        from ledger_first_seen f join ledger_transfer t on t.transfer_id = f.transfer_id
        order by 1, 2, 3`.execute(db);
      await db.schema.dropTable("ledger_first_seen").execute();
      await db.schema.dropTable("ledger_union_first").execute();
    },
  },
  "0005_entry_buckets": {
    // Entries packed into buckets (a year's entries whose keys start with the same 18 bits, as
    // bytes sorted by key and transfer; src/ledger/entries.ts): PGlite wrote a row with its index
    // entry at ~13 µs, 4.3M entries in ~57 s, and ~65,000 buckets of the same entries in ~4 s.
    // Imports merge buckets in memory; the previous dates an upsert needed are gone.
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ledger_bucket")
        .addColumn("year", "smallint", (c) => c.notNull())
        .addColumn("bucket", "integer", (c) => c.notNull())
        .addColumn("entries", "bytea", (c) => c.notNull())
        .addPrimaryKeyConstraint("ledger_bucket_pk", ["year", "bucket"])
        .execute();
      // Keyed hashes do not compress: store them out of line without trying.
      await sql`alter table ledger_bucket alter column entries set storage external`.execute(db);
      const day = (col: string) => sql.raw(`int2send(coalesce(${col} - make_date(year, 1, 1) + 1, 0)::int2)`);
      await sql`
        insert into ledger_bucket (year, bucket, entries)
        select year, get_byte(person_key, 0) * 1024 + get_byte(person_key, 1) * 4 + get_byte(person_key, 2) / 64,
          string_agg(person_key || int2send(transfer) || ${day("first_general")} || ${day("first_sensitive")}, ''::bytea
                     order by person_key, transfer)
        from ledger_entry group by 1, 2`.execute(db);
      await db.schema.dropTable("ledger_entry").execute();
    },
  },
  // A union set's list of transfer ids is keyed by its digest: the list itself, as a unique key,
  // overflowed a B-tree index row (2,704 bytes) for a map of a few hundred transfers.
  "0006_union_set_digest": {
    async up(db: Kysely<unknown>) {
      await sql`alter table ledger_union_set add column digest text`.execute(db);
      await sql`update ledger_union_set set digest = md5(transfers)`.execute(db);
      await sql`alter table ledger_union_set alter column digest set not null`.execute(db);
      await sql`alter table ledger_union_set drop constraint ledger_union_set_key`.execute(db);
      await sql`alter table ledger_union_set add constraint ledger_union_set_digest unique (year, digest)`.execute(db);
    },
  },
};

/**
 * Kysely's migrator reads the table list of every schema of the database; a schema another client
 * drops meanwhile fails that read ("schema … does not exist", 3F000) though it is not ours. Such a
 * failure is tried again (a few times); one about our own schema is not.
 */
export async function retryOnVanishedSchema<T extends { error?: unknown }>(schema: string, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const r = await run();
    const m = r.error instanceof Error ? /schema "([^"]+)" does not exist/.exec(r.error.message) : null;
    if (!m || m[1] === schema || attempt >= 5) return r;
    await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
  }
}

class InCodeProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

/**
 * Bring the schema up to date. `schema` must name where the tables live: Kysely otherwise looks
 * for its bookkeeping tables in every schema of the database and can be fooled by another's.
 * `upTo` stops at that migration (tests build a ledger as an earlier version left it).
 */
export async function migrate(db: Kysely<unknown>, schema = "public", upTo?: string): Promise<void> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(), migrationTableSchema: schema });
  const { error, results } = await retryOnVanishedSchema(schema, () => (upTo ? migrator.migrateTo(upTo) : migrator.migrateToLatest()));
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${(error as Error).message}`);
  }
}
