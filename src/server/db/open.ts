/**
 * Where the workspace keeps its data: a directory (embedded PostgreSQL, PGlite: `workspace/` for
 * users, organisations, versions and the audit log; `orgs/<id>/` for each organisation's ledger,
 * with its own secret) or a PostgreSQL server (schema `xborder_workspace`; each organisation's
 * ledger in its own schema `xborder_org_<id>`). Sessions and jobs live in the database, so two
 * `serve` processes on one server work side by side.
 */
import { randomUUID } from "node:crypto";
import { join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { lockDirectory } from "../../store/lock.js";
import { clusterFromTemplate } from "../../store/template.js";
import { checkTarget, isUrl, makeDirectory, redact, StoreError } from "../../store/open.js";
import { PGliteDialect } from "../../store/pglite-dialect.js";
import { auditKeyPath, useAuditKey } from "../audit.js";
import { migrateWorkspace } from "./migrations.js";
import { detectWall } from "./wall.js";
import type { WorkspaceDatabase } from "./schema.js";

export const WORKSPACE_SCHEMA = "xborder_workspace";

export interface WorkspaceDb {
  db: Kysely<WorkspaceDatabase>;
  kind: "pglite" | "postgres";
  location: string;
  /** Row-level security is on (db/wall.ts). */
  wall: boolean;
  /**
   * PostgreSQL: hear other workspace processes' writes (LISTEN) and tell them of ours (NOTIFY).
   * Returns the function that tells, or undefined where the channel cannot be opened.
   */
  listen?(heard: () => void, lost: () => void): Promise<(() => void) | undefined>;
  /** Where an organisation's ledger lives: a directory or a postgres:// URL with its schema. */
  ledgerTarget(orgId: number): string;
  /** Embedded: the fresh cluster, and the empty ledger each new organisation's ledger is copied from (store/template.ts). */
  templates?: { cluster: string; ledger: string };
  close(): Promise<void>;
}

export async function openWorkspace(target: string): Promise<WorkspaceDb> {
  checkTarget(target);
  if (isUrl(target)) {
    const url = new URL(target);
    const schema = url.searchParams.get("schema") ?? WORKSPACE_SCHEMA;
    url.searchParams.delete("schema");
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema))
      throw new StoreError(`--db: schema must be a lower-case identifier, got ${JSON.stringify(schema)}`);
    const pool = new pg.Pool({ connectionString: url.toString(), max: 16, options: `-c search_path=${schema}` });
    try {
      await pool.query(`create schema if not exists ${schema}`);
    } catch (e) {
      if ((e as { code?: string }).code !== "23505") {
        await pool.end().catch(() => undefined);
        throw new StoreError(`${redact(target)}: cannot connect to PostgreSQL (${(e as Error).message})`);
      }
    }
    const db = new Kysely<WorkspaceDatabase>({ dialect: new PostgresDialect({ pool }) });
    await migrateWorkspace(db as Kysely<unknown>, schema);
    useAuditKey(db, auditKeyPath("postgres"));
    const wall = await detectWall(db);
    const channel = `xborder_ws_${schema}`.slice(0, 63);
    let listener: pg.Client | undefined;
    const me = randomUUID(); // this workspace instance: its own notifications are not news to it
    return {
      db,
      kind: "postgres",
      wall,
      listen: async (heard, lost) => {
        try {
          listener = new pg.Client({ connectionString: url.toString() });
          await listener.connect();
          await listener.query(`listen ${channel}`);
          listener.on("notification", (n) => {
            if (n.payload !== me) heard();
          });
          listener.on("error", lost);
          listener.on("end", lost);
          return () => void pool.query("select pg_notify($1, $2)", [channel, me]).catch(lost);
        } catch {
          await listener?.end().catch(() => undefined);
          listener = undefined;
          return undefined;
        }
      },
      location: redact(target),
      ledgerTarget: (orgId) => {
        const u = new URL(url);
        u.searchParams.set("schema", `${schema === WORKSPACE_SCHEMA ? "xborder" : schema}_org_${orgId}`);
        return u.toString();
      },
      close: async () => {
        const l = listener;
        listener = undefined;
        l?.removeAllListeners();
        await l?.end().catch(() => undefined);
        await db.destroy();
      },
    };
  }
  const dir = resolve(target);
  const home = join(dir, "workspace");
  makeDirectory(home);
  const unlock = await lockDirectory(home);
  const templates = { cluster: join(dir, "template", "cluster"), ledger: join(dir, "template", "ledger") };
  try {
    makeDirectory(join(dir, "template"));
    await clusterFromTemplate(home, templates.cluster);
    const pglite = new PGlite(join(home, "pglite"));
    const db = new Kysely<WorkspaceDatabase>({ dialect: new PGliteDialect(pglite) });
    await sql`select 1`.execute(db);
    await migrateWorkspace(db as Kysely<unknown>, "public");
    useAuditKey(db, auditKeyPath("pglite", home));
    const wall = await detectWall(db);
    return {
      db,
      kind: "pglite",
      wall,
      location: dir,
      ledgerTarget: (orgId) => join(dir, "orgs", String(orgId)),
      templates,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
