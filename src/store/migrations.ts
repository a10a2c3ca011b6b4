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
};

class InCodeProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

/**
 * Bring the schema up to date. `schema` must name where the tables live: Kysely otherwise looks
 * for its bookkeeping tables in every schema of the database and can be fooled by another's.
 */
export async function migrate(db: Kysely<unknown>, schema = "public"): Promise<void> {
  const { error, results } = await new Migrator({ db, provider: new InCodeProvider(), migrationTableSchema: schema }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`database migration ${failed ?? ""} failed: ${(error as Error).message}`);
  }
}
