/**
 * A PostgreSQL table, or every table of a schema, read through a server-side cursor in
 * batches (memory stays bounded). Every value arrives as PostgreSQL's own text form, so
 * bigint and numeric columns keep every digit.
 */
import pg from "pg";
import { SourceError } from "./structured.js";
import type { ValueScanner } from "./values.js";

const BATCH = 5000;
const asText = { getTypeParser: () => (v: string) => v };

function quoteIdent(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** `schema.table` or `table` (then the search path decides). */
function qualified(name: string): string {
  const dot = name.indexOf(".");
  return dot < 0 ? quoteIdent(name) : `${quoteIdent(name.slice(0, dot))}.${quoteIdent(name.slice(dot + 1))}`;
}

export async function listTables(client: pg.Client, schema: string): Promise<string[]> {
  const r = await client.query<{ t: string }>(
    "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type IN ('BASE TABLE','VIEW') ORDER BY 1",
    [schema],
  );
  return r.rows.map((x) => `${schema}.${x.t}`);
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (e) {
    throw new SourceError(`${url.replace(/\/\/[^@/]*@/, "//***@")}: cannot connect (${(e as Error).message})`);
  }
  return client;
}

/** Scans one table; returns its row count. */
export async function scanTable(client: pg.Client, table: string, vs: ValueScanner): Promise<void> {
  try {
    await client.query("BEGIN READ ONLY");
    await client.query({ text: `DECLARE xborder_scan NO SCROLL CURSOR FOR SELECT * FROM ${qualified(table)}`, types: asText });
    for (;;) {
      const r = await client.query({ text: `FETCH ${BATCH} FROM xborder_scan`, types: asText, rowMode: "array" });
      const names = r.fields.map((f) => f.name);
      for (const row of r.rows as (string | null)[][]) vs.record(row.map((v, i): [string, string] => [names[i]!, v ?? ""]));
      if (r.rows.length < BATCH) break;
    }
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw new SourceError(`${table}: ${(e as Error).message}`);
  }
}
