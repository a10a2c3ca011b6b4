/**
 * A scan of a database the server's operator named (`xborder serve --scan-target NAME=postgres://…`):
 * a request names the target, never a URL, so no one can make the server connect elsewhere. A
 * database that holds an xborder workspace (this one's, or any other's: its tables are every
 * tenant's data) is refused. What fails is told by the target's name only: the URL, its
 * password and the network's answer (refused, timed out, unknown host) go to the server's log.
 */
import pg from "pg";
import { scanDatabase, type ScanReport } from "../scan/scan.js";
import { redact } from "../store/open.js";
import { InputProblem } from "./orgs.js";

export class ScanTargetError extends Error {
  override name = "ScanTargetError";
}

/** Refused when the database holds a workspace's tables (ws_org), whatever its host is called. */
async function refuseWorkspace(name: string, url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
    const r = await client.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relname = 'ws_org' AND relkind IN ('r','p')",
    );
    if ((r.rows[0]?.n ?? 0) > 0) throw new ScanTargetError(`the scan target ${name} holds an xborder workspace: it is not scanned`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function scanTarget(name: string, url: string, table: string, asOf: string): Promise<ScanReport> {
  try {
    await refuseWorkspace(name, url);
    return await scanDatabase(url, { table }, { asOf, sample: 3 });
  } catch (e) {
    if (e instanceof ScanTargetError) throw e;
    console.error(`scan target ${name} (${redact(url).replace(/\?.*$/, "")}): ${(e as Error).message.split(url).join(redact(url))}`);
    throw new ScanTargetError(`the scan target ${name} could not be read (the server's log says why)`);
  }
}

/** A request's scan of a database: a configured target's name and a table; a URL is refused, whatever it is. */
export function scanTargetRequest(
  targets: ReadonlyMap<string, string>,
  fields: { target?: unknown; url?: unknown; table?: unknown },
): { target: string; url: string; table: string } {
  if (fields.url !== undefined && fields.url !== "")
    throw new InputProblem("a database URL is not accepted: name a scan target the server's operator configured", "url");
  if (!targets.size)
    throw new InputProblem(
      "no database scan targets are configured on this server (xborder serve --scan-target NAME=postgres://…)",
      "target",
    );
  const name = typeof fields.target === "string" ? fields.target : "";
  const url = targets.get(name);
  if (!url) throw new InputProblem(`expected one of ${[...targets.keys()].join(" | ")}`, "target");
  const table = typeof fields.table === "string" ? fields.table.trim() : "";
  if (!/^[\w.]{1,200}$/.test(table)) throw new InputProblem("expected a table (schema.table)", "table");
  return { target: name, url, table };
}
