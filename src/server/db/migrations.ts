/** The workspace's schema migrations: the same for embedded PGlite and a PostgreSQL server. */
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from "kysely";
import { retryOnVanishedSchema } from "../../store/migrations.js";

/** Row-level security on an organisation's table (the wall of migration 0002), and reading rights for xborder_app. */
async function orgWall(db: Kysely<unknown>, table: string): Promise<void> {
  const t = sql.table(table);
  await sql`alter table ${t} enable row level security`.execute(db);
  await sql`create policy org_wall on ${t}
    using (org_id = nullif(current_setting('xborder.org', true), '')::int)
    with check (org_id = nullif(current_setting('xborder.org', true), '')::int)`.execute(db);
  // A DO block takes no parameters: the name is one of this file's own constants.
  await sql
    .raw(
      `do $$ begin
    if exists (select from pg_roles where rolname = 'xborder_app') then grant select on ${table} to xborder_app; end if;
  exception when insufficient_privilege then null;
  end $$`,
    )
    .execute(db);
}

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
  // The second wall: row-level security on every table that belongs to an organisation. Queries the
  // workspace makes for an organisation run as the role xborder_app with `xborder.org` set to it
  // (db/wall.ts), so even a query that forgot its WHERE sees no other organisation's rows. Where the
  // database user may not create the role, the tables keep their policies and the wall is off.
  "0002_org_wall": {
    async up(db: Kysely<unknown>) {
      await sql`do $$ begin
        if not exists (select from pg_roles where rolname = 'xborder_app') then create role xborder_app nologin; end if;
        execute format('grant usage on schema %I to xborder_app', current_schema());
        execute format('grant xborder_app to %I', current_user);
      exception when insufficient_privilege then raise notice 'xborder: row-level security is off (cannot create the role xborder_app)';
      end $$`.execute(db);
      for (const table of ["ws_datamap_version", "ws_audit", "ws_job", "ws_token", "ws_member"]) {
        await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
        await sql`create policy org_wall on ${sql.table(table)}
          using (org_id = nullif(current_setting('xborder.org', true), '')::int)
          with check (org_id = nullif(current_setting('xborder.org', true), '')::int)`.execute(db);
      }
      await sql`alter table ws_org enable row level security`.execute(db);
      await sql`create policy org_wall on ws_org using (id = nullif(current_setting('xborder.org', true), '')::int)`.execute(db);
      await sql`do $$ begin
        if exists (select from pg_roles where rolname = 'xborder_app') then
          grant select on ws_org, ws_datamap_version, ws_audit, ws_job, ws_token, ws_member to xborder_app;
        end if;
      exception when insufficient_privilege then null;
      end $$`.execute(db);
    },
  },
  // The filing documents each organisation generated: the document as data (the writers lay it out on download).
  "0003_documents": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ws_document")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("map_version", "integer", (c) => c.notNull())
        .addColumn("lang", "text", (c) => c.notNull())
        .addColumn("missing", "integer", (c) => c.notNull())
        .addColumn("model", "text", (c) => c.notNull())
        .addColumn("digest", "text", (c) => c.notNull())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addUniqueConstraint("ws_document_key", ["org_id", "kind", "version"])
        .execute();
      await orgWall(db, "ws_document");
    },
  },
  // Review and sign-off of an assessment (issue 29 §3): a map version on a date, submitted, then approved or sent back.
  "0005_assessment_reviews": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ws_review")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("map_version", "integer", (c) => c.notNull())
        .addColumn("digest", "text", (c) => c.notNull())
        .addColumn("as_of", "text", (c) => c.notNull())
        .addColumn("counts_source", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('submitted', 'approved', 'returned')`))
        .addColumn("submitted_by", "text", (c) => c.notNull())
        .addColumn("submitted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("decided_by", "text")
        .addColumn("decided_at", "timestamptz")
        .addColumn("comment", "text")
        .execute();
      await orgWall(db, "ws_review");
    },
  },
  // Members join by accepting an invitation (a one-time link), never added to an account without it.
  "0004_invitations": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("ws_invitation")
        .addColumn("id", "serial", (c) => c.primaryKey())
        .addColumn("org_id", "integer", (c) => c.notNull().references("ws_org.id").onDelete("cascade"))
        .addColumn("email", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
        .addColumn("expires_at", "timestamptz", (c) => c.notNull())
        .addColumn("accepted_at", "timestamptz")
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
  const { error, results } = await retryOnVanishedSchema(schema, () => migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    throw new Error(`workspace migration ${failed ?? ""} failed: ${(error as Error).message}`);
  }
}
