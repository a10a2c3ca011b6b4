/**
 * A fresh embedded PostgreSQL cluster, kept closed beside the workspace and copied for each new
 * embedded database (the workspace's own, and each organisation's ledger). PGlite makes a cluster
 * with initdb, which takes 5–10 s on 2 busy cores; copying a made one and starting it takes under
 * a second, so a new organisation (the demo's at first setup) does not wait for initdb.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { Kysely } from "kysely";
import { migrate } from "./migrations.js";
import { PGliteDialect } from "./pglite-dialect.js";

const making = new Map<string, Promise<void>>();

/**
 * Make the cluster at `template` once (in a directory of its own, renamed into place when closed):
 * a copy of `from` if given, else by initdb; `prepare` runs in it first (the ledger's migrations).
 */
export async function makeTemplate(template: string, from?: string, prepare?: (pglite: PGlite) => Promise<void>): Promise<void> {
  if (existsSync(template)) return;
  let m = making.get(template);
  if (!m) {
    m = (async () => {
      const partial = `${template}.${process.pid}.partial`;
      // What a killed maker left (one process holds the workspace at a time, so none is in use).
      const name = basename(template);
      for (const f of readdirSync(dirname(template)))
        if (f.startsWith(`${name}.`) && f.endsWith(".partial")) rmSync(join(dirname(template), f), { recursive: true, force: true });
      try {
        if (from) {
          await makeTemplate(from);
          cpSync(from, partial, { recursive: true });
        }
        const pglite = new PGlite(partial);
        await pglite.waitReady;
        try {
          await prepare?.(pglite);
        } finally {
          await pglite.close();
        }
        if (!existsSync(template)) renameSync(partial, template);
      } finally {
        rmSync(partial, { recursive: true, force: true });
        making.delete(template);
      }
    })();
    making.set(template, m);
  }
  return m;
}

/**
 * Where `dir` has no cluster yet (`dir/pglite` absent), put a copy of the template there (made
 * first if need be). The caller holds `dir`'s lock; the copy goes in under another name and is
 * renamed into place, so a killed copy leaves no half cluster behind.
 */
export async function clusterFromTemplate(dir: string, template: string): Promise<void> {
  const target = join(dir, "pglite");
  if (existsSync(target)) return;
  await makeTemplate(template);
  const partial = `${target}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(template, partial, { recursive: true });
  renameSync(partial, target);
}

/**
 * The template of an empty ledger: the fresh cluster at `cluster` with the ledger's migrations
 * applied (no secret, no fingerprint: those are the new ledger's own, made when it is opened).
 */
export async function makeLedgerTemplate(template: string, cluster: string): Promise<void> {
  await makeTemplate(template, cluster, async (pglite) => {
    await migrate(new Kysely<unknown>({ dialect: new PGliteDialect(pglite) }));
  });
}
