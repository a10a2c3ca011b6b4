/**
 * Where the ledger lives (contracts §5): `--db DIR_OR_URL`, else $XBORDER_DB, else `./.xborder/`.
 * A directory holds an embedded PostgreSQL (PGlite) in `pglite/` and the secret in `secret.key`;
 * a `postgres://` URL uses that server, with the secret in $XBORDER_SECRET_FILE or
 * `~/.xborder/secret.key`. Both get the same schema and migrations.
 */
import { mkdirSync, statSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { PersonKeyer, SecretError, loadOrCreateSecret } from "../identity/keys.js";
import { lockDirectory } from "./lock.js";
import { migrate } from "./migrations.js";
import { clusterFromTemplate } from "./template.js";
import { PGliteDialect } from "./pglite-dialect.js";
import type { Database } from "./schema.js";
import { copyHeader, copyTrailer } from "./binary-copy.js";
import { type CopyIn, type CopyOut, serverCopy } from "./server-copy.js";

export interface Store {
  db: Kysely<Database>;
  kind: "pglite" | "postgres";
  /** Where the data is, for messages (a URL is shown without its password). */
  location: string;
  keyer: PersonKeyer;
  /**
   * `COPY table FROM` rows in PostgreSQL's binary format, inside the transaction `tx` (PGlite: its
   * one session, a COPY per group of rows from '/dev/blob'; a server: one `COPY … FROM STDIN`
   * streaming them). Bulk loads this way skip per-value parameter encoding.
   */
  copyIn: CopyIn;
  /** `COPY (query) TO` in the binary format, inside `tx`: how buckets of entries are read. */
  copyOut: CopyOut;
  close(): Promise<void>;
}

export class StoreError extends Error {
  override name = "StoreError";
}

/** A `--db` (or $XBORDER_DB) the user must correct: a URL of another database, a path that is a file. */
export class StoreTargetError extends Error {
  override name = "StoreTargetError";
}

export function resolveTarget(flag?: string): string {
  return flag ?? process.env.XBORDER_DB ?? ".xborder";
}

export const isUrl = (t: string) => /^postgres(ql)?:\/\//.test(t);

/**
 * What `--db` names, checked before anything is created: a `postgres://` or `postgresql://` URL,
 * or a directory. Any other `scheme://` (mysql://, a typo such as postgress://) is refused rather
 * than taken for a folder name — an embedded ledger made there would look like success.
 */
export function checkTarget(target: string): void {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target);
  if (scheme && !isUrl(target)) {
    throw new StoreTargetError(
      `--db: ${JSON.stringify(`${scheme[1]}://…`)} is not a PostgreSQL URL: give postgres://… (or postgresql://…), or a directory for an embedded ledger`,
    );
  }
}

/**
 * Make the embedded ledger's directory, one level at a time: an existing file in the way is named
 * (Node's recursive mkdir loops on some paths, such as under /proc).
 */
export function makeDirectory(dir: string): void {
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    let st;
    try {
      st = statSync(at);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT") throw new StoreTargetError(`--db: ${at}: cannot be used for the ledger (${code ?? (e as Error).message})`);
      missing.push(at);
      const up = dirname(at);
      if (up === at) break;
      at = up;
      continue;
    }
    if (!st.isDirectory()) {
      throw new StoreTargetError(
        at === dir
          ? `--db: ${dir} is a file, not a directory for the ledger`
          : `--db: ${dir}: ${at} is a file, so no directory can be made under it`,
      );
    }
    break;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d, { mode: 0o700 });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "EEXIST") throw new StoreTargetError(`--db: cannot make the directory ${d} (${code ?? (e as Error).message})`);
    }
  }
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
}

export interface OpenOptions {
  /** Stop migrating at this migration (tests build a ledger as an earlier version left it). */
  migrateUpTo?: string;
  /** Embedded: a new directory starts as a copy of this closed, fresh cluster (store/template.ts) instead of running initdb. */
  template?: string;
}

export async function openStore(target = resolveTarget(), options: OpenOptions = {}): Promise<Store> {
  checkTarget(target);
  let db: Kysely<Database>;
  let kind: Store["kind"];
  let secretPath: string;
  let location: string;
  let schemaName = "public";
  let unlock = () => {};
  let copyIn: CopyIn;
  let copyOut: CopyOut;
  if (isUrl(target)) {
    const url = new URL(target);
    const schema = url.searchParams.get("schema");
    url.searchParams.delete("schema");
    if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new StoreError(`--db: schema must be a lower-case identifier, got ${JSON.stringify(schema)}`);
    }
    const pool = new pg.Pool({ connectionString: url.toString(), max: 4, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
    ({ copyIn, copyOut } = serverCopy(pool));
    if (schema) {
      schemaName = schema;
      // Once, before any pooled connection uses it (concurrent CREATE SCHEMA IF NOT EXISTS can collide).
      try {
        await pool.query(`create schema if not exists ${schema}`);
      } catch (e) {
        if ((e as { code?: string }).code !== "23505") {
          await pool.end().catch(() => undefined);
          throw new StoreError(`${redact(target)}: cannot connect to PostgreSQL (${(e as Error).message})`);
        }
      }
    }
    db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    kind = "postgres";
    location = redact(target);
    secretPath = process.env.XBORDER_SECRET_FILE ?? join(homedir(), ".xborder", "secret.key");
    try {
      await sql`select 1`.execute(db);
    } catch (e) {
      await db.destroy().catch(() => undefined);
      throw new StoreError(`${location}: cannot connect to PostgreSQL (${(e as Error).message})`);
    }
  } else {
    const dir = resolve(target);
    makeDirectory(dir);
    unlock = await lockDirectory(dir);
    if (options.template) {
      try {
        await clusterFromTemplate(dir, options.template);
      } catch (e) {
        unlock();
        throw e;
      }
    }
    const pglite = new PGlite(join(dir, "pglite"));
    copyIn = async (_tx, table, groups) => {
      for (const rows of groups) {
        const blob = new Blob([copyHeader(), ...rows, copyTrailer()]);
        await pglite.query(`copy ${table} from '/dev/blob' with (format binary)`, [], { blob });
      }
    };
    copyOut = async (_tx, query) => {
      const r = await pglite.query(`copy (${query}) to '/dev/blob' with (format binary)`);
      return Buffer.from(await (r.blob as Blob).arrayBuffer());
    };
    db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
    kind = "pglite";
    location = dir;
    secretPath = process.env.XBORDER_SECRET_FILE ?? join(dir, "secret.key");
  }
  try {
    await migrate(db as Kysely<unknown>, schemaName, options.migrateUpTo);
    const keyer = new PersonKeyer(loadOrCreateSecret(secretPath));
    await checkFingerprint(db, keyer, secretPath);
    return {
      db,
      kind,
      location,
      keyer,
      copyIn,
      copyOut,
      close: async () => {
        try {
          await db.destroy();
        } finally {
          unlock();
        }
      },
    };
  } catch (e) {
    await db.destroy().catch(() => undefined);
    unlock();
    throw e;
  }
}

/** The first secret used with a database is recorded by fingerprint; a different one is refused. */
async function checkFingerprint(db: Kysely<Database>, keyer: PersonKeyer, secretPath: string): Promise<void> {
  const fp = keyer.fingerprint();
  await db
    .insertInto("ledger_meta")
    .values({ key: "secret_fingerprint", value: fp })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db.selectFrom("ledger_meta").select("value").where("key", "=", "secret_fingerprint").executeTakeFirstOrThrow();
  if (row.value !== fp) {
    throw new SecretError(`${secretPath}: this is not the secret this ledger was created with; its people would be counted twice`);
  }
}
