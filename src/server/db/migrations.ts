/** The workspace's schema migrations: the same for embedded PGlite and a PostgreSQL server. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";

const migrations: Record<string, Migration> = {
  "0001_workspace": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ws_user")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable("ws_org")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("slug", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("feed_secret", "text", (c) => c.notNull().unique())
        // The audit log's head: a removed last entry is detected against it.
        .addColumn("audit_seq", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("audit_head", "text", (c) => c.notNull().defaultTo("0".repeat(64)))
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema
        .createTable("ws_member")
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("user_id", "integer", (c) => c.notNull().references("ws_user.id").onDelete("cascade"))
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'editor', 'viewer', 'auditor')`))
        .addPrimaryKeyConstraint("ws_member_pk", ["org_id", "user_id"])
        .execute();
      await db.schema
        .createTable("ws_session")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "integer", (c) => c.notNull().references("ws_user.id").onDelete("cascade"))
        .addColumn("csrf", "text", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("expires_at", "timestamptz", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("ws_token")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('owner', 'editor', 'viewer', 'auditor')`))
        .addColumn("expires_at", "timestamptz", (c) => c.notNull())
        .addColumn("created_by", "integer", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("revoked_at", "timestamptz")
        .execute();
      await db.schema
        .createTable("ws_setup")
        .addColumn("token_hash", "text", (c) => c.primaryKey())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("used_at", "timestamptz")
        .execute();
      await db.schema
        .createTable("ws_signin_failure")
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
      await db.schema.createIndex("ws_signin_failure_key").on("ws_signin_failure").columns(["key", "at"]).execute();
      await db.schema
        .createTable("ws_datamap_version")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("content", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("digest", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint("ws_datamap_version_key", ["org_id", "version"])
        .execute();
      await db.schema
        .createTable("ws_audit")
        .addColumn("id", "bigserial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull())
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("at", "timestamptz", (c) => c.notNull())
        .addColumn("actor", "text", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("before_digest", "text")
        .addColumn("after_digest", "text")
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull())
        .addUniqueConstraint("ws_audit_seq", ["org_id", "seq"])
        .execute();
      await db.schema
        .createTable("ws_job")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("progress", "real", (c) => c.notNull().defaultTo(0))
        .addColumn("message", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("result", "text")
        .addColumn("created_by", "text", (c) => c.notNull())
        // host:pid of the process running it: a restart fails only its own jobs, not another server's
        .addColumn("owner", "text", (c) => c.notNull().defaultTo(""))
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .execute();
    },
  },
};

class InCodeProvider implements MigrationProvider {
  async getMigrations() {
    return migrations;
  }
}

export async function migrateWorkspace(db: Kysely<unknown>, schema: string): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: new InCodeProvider(),
    migrationTableSchema: schema,
    migrationTableName: "ws_migration",
    migrationLockTableName: "ws_migration_lock",
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`workspace migration ${failed ?? ""} failed: ${(error as Error).message}`);
  }
}
