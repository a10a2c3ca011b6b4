/**
 * The ledger tests run against every store this machine has: embedded PGlite always, and the
 * PostgreSQL server at $XBORDER_TEST_PG_URL when set (CI sets it; there an unreachable server
 * fails the tests instead of skipping them).
 */
import { mkdtempSync } from "node:fs";
import { describe, test } from "node:test";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Target {
  name: string;
  /** Why this store's suites are skipped on this machine (shown, and counted, by the test runner). */
  skip?: string;
  /** A fresh, empty ledger location each call. */
  fresh(): string;
}

let n = 0;
const created: string[] = [];

/** Drop the PostgreSQL schemas the tests created (call from `after`). */
export async function dropTestSchemas(): Promise<void> {
  const url = process.env.XBORDER_TEST_PG_URL;
  if (!url || created.length === 0) return;
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of created.splice(0)) {
      // The schema, and those made beside it (the workspace keeps each organisation's ledger in `<schema>_org_<id>`).
      const { rows } = await client.query<{ nspname: string }>("select nspname from pg_namespace where starts_with(nspname, $1)", [s]);
      for (const r of rows)
        if (r.nspname === s || r.nspname.startsWith(`${s}_org_`)) await client.query(`drop schema if exists ${r.nspname} cascade`);
    }
  } finally {
    await client.end();
  }
}
export function targets(): Target[] {
  const list: Target[] = [{ name: "embedded PGlite", fresh: () => mkdtempSync(join(tmpdir(), "xborder-ledger-")) }];
  const url = process.env.XBORDER_TEST_PG_URL;
  if (!url) {
    // Registered as skipped, not left out: the runner's closing lines count what did not run here.
    list.push({
      name: "PostgreSQL server",
      skip: "no PostgreSQL server: set XBORDER_TEST_PG_URL (CI does)",
      fresh: () => {
        throw new Error("no PostgreSQL server");
      },
    });
  } else {
    list.push({
      name: "PostgreSQL server",
      fresh: () => {
        const u = new URL(url);
        const schema = `xb_test_${process.pid}_${Date.now()}_${n++}`;
        created.push(schema);
        u.searchParams.set("schema", schema);
        return u.toString();
      },
    });
  }
  return list;
}

/**
 * A suite run on one store; on a machine without that store, one skipped test in its place, so
 * that the runner's closing "skipped" count shows it (a skipped suite is not counted there).
 */
export function suiteOn(target: Target, title: string, fn: () => void): void {
  if (target.skip) test(title, { skip: target.skip }, () => {});
  else describe(title, fn);
}
