/**
 * `COPY` on a PostgreSQL server inside a Kysely transaction, with pg-copy-streams
 * (node-postgres's COPY streams). Kysely does not hand out the client a transaction runs on, so
 * the pool's clients are known by their backend process id and the transaction's session is
 * asked for its own (`pg_backend_pid()`).
 */
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { type Kysely, sql } from "kysely";
import type pg from "pg";
import { copyHeader, copyTrailer } from "./binary-copy.js";
import type { Database } from "./schema.js";

/** `COPY table FROM` binary rows, in groups (each group's rows are whole rows of the binary format). */
export type CopyIn = (tx: Kysely<Database>, table: string, groups: Iterable<readonly Uint8Array[]>) => Promise<void>;
/** `COPY (query) TO` in the binary format: the whole output. */
export type CopyOut = (tx: Kysely<Database>, query: string) => Promise<Buffer>;

export function serverCopy(pool: pg.Pool): { copyIn: CopyIn; copyOut: CopyOut } {
  const clients = new Map<number, pg.PoolClient>();
  pool.on("connect", (client) => {
    const pid = (client as unknown as { processID?: number }).processID;
    if (pid) clients.set(pid, client);
  });
  pool.on("remove", (client) => {
    for (const [pid, c] of clients) if (c === client) clients.delete(pid);
  });
  const clientOf = async (tx: Kysely<Database>) => {
    const r = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(tx);
    const client = clients.get(Number(r.rows[0]?.pid));
    if (!client) throw new Error("COPY: the transaction's connection is not one of the store's");
    return client;
  };
  return {
    async copyIn(tx, table, groups) {
      const client = await clientOf(tx);
      const { from } = await import("pg-copy-streams");
      const chunks = (function* () {
        yield copyHeader();
        for (const g of groups) for (const c of g) yield Buffer.from(c.buffer, c.byteOffset, c.byteLength);
        yield copyTrailer();
      })();
      await pipeline(Readable.from(chunks), client.query(from(`copy ${table} from stdin with (format binary)`)));
    },
    async copyOut(tx, query) {
      const client = await clientOf(tx);
      const { to } = await import("pg-copy-streams");
      const parts: Buffer[] = [];
      const sink = new Writable({
        write(chunk: Buffer, _enc, done) {
          parts.push(chunk);
          done();
        },
      });
      await pipeline(client.query(to(`copy (${query}) to stdout with (format binary)`)), sink);
      return Buffer.concat(parts);
    },
  };
}
