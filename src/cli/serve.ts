import { auditEntries, verifyAudit } from "../server/audit.js";
import { ConfigError, configFrom } from "../server/config.js";
import { openWorkspace } from "../server/db/open.js";
import { startServer } from "../server/serve.js";
import { resolveTarget } from "../store/open.js";
import { EXIT, UsageError } from "./errors.js";

export interface ServeCliOptions {
  port: string;
  host: string;
  db?: string;
  scanTarget?: string[];
  trustProxy?: string[];
}

/** `xborder serve`: runs until interrupted (Ctrl-C), then closes the databases cleanly. */
export async function runServe(o: ServeCliOptions, out: (s: string) => void): Promise<number> {
  const port = Number(o.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port: expected 0–65535, got ${JSON.stringify(o.port)}`);
  let config;
  try {
    config = configFrom({ scanTargets: o.scanTarget, trustProxy: o.trustProxy });
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const running = await startServer({ db: resolveTarget(o.db), port, host: o.host, config });
  out(`xborder workspace: ${running.url}  (data: ${running.deps.ws.location})\n`);
  if (running.setupUrl) out(`No account yet. Create the first owner (this link works once):\n  ${running.setupUrl}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await running.close();
  return EXIT.ok;
}

export interface AuditCliOptions {
  db?: string;
  org?: string;
  format: string;
  expectHead?: string;
}

/** `xborder audit verify`: every organisation's chain (or one), exit 1 when any is broken. */
export async function runAuditVerify(o: AuditCliOptions, out: (s: string) => void): Promise<number> {
  if (o.format !== "text" && o.format !== "json") throw new UsageError(`--format: expected json or text, got ${JSON.stringify(o.format)}`);
  const ws = await openWorkspace(resolveTarget(o.db));
  try {
    let q = ws.db.selectFrom("ws_org").select(["id", "slug", "name"]).orderBy("slug");
    if (o.org) q = q.where("slug", "=", o.org);
    const orgs = await q.execute();
    if (o.org && !orgs.length) throw new UsageError(`--org: no organisation ${JSON.stringify(o.org)}`);
    if (o.expectHead !== undefined && !o.org) throw new UsageError("--expect-head: name the organisation (--org SLUG)");
    if (o.expectHead !== undefined && !/^\d+:[0-9a-f]{64}$/.test(o.expectHead))
      throw new UsageError(`--expect-head: expected SEQ:HASH as verify printed it, got ${JSON.stringify(o.expectHead)}`);
    const results = [];
    for (const org of orgs)
      results.push({
        org: org.slug,
        ...(await verifyAudit(ws.db, org.id, o.expectHead)),
        latest: (await auditEntries(ws.db, org.id, 1))[0]?.at ?? null,
      });
    if (o.format === "json") out(`${JSON.stringify(results, null, 2)}\n`);
    else
      for (const r of results)
        out(
          r.intact
            ? `${r.org}: intact since ${r.since ?? "—"} (${r.entries} entries; head ${r.head ?? "—"})\n`
            : `${r.org}: BROKEN at entry ${r.broken?.seq}: ${r.broken?.reason}\n`,
        );
    return results.every((r) => r.intact) ? EXIT.ok : EXIT.failure;
  } finally {
    await ws.close();
  }
}
