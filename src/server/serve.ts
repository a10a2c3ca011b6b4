/**
 * `xborder serve`: the workspace on the embedded database (default `./.xborder/`) or a PostgreSQL
 * server. Prints its address and, while no one has an account, a one-time setup link.
 */
import type { AddressInfo } from "node:net";
import { serve as listen } from "@hono/node-server";
import { createApp } from "./app.js";
import { type ServerConfig } from "./config.js";
import { WorkspaceCache } from "./cache.js";
import { openWorkspace } from "./db/open.js";
import { Jobs } from "./jobs.js";
import { Ledgers } from "./ledgers.js";
import { PdfPrinter } from "./pdf.js";
import { newSetupToken } from "./setup.js";

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** Scan targets and trusted proxies (none by default). */
  config?: ServerConfig;
}

export interface Running {
  url: string;
  setupUrl?: string;
  deps: import("./context.js").Deps;
  close(): Promise<void>;
}

export async function startServer(o: ServeOptions): Promise<Running> {
  const ws = await openWorkspace(o.db);
  const ledgers = new Ledgers(ws);
  const jobs = new Jobs(ws.db, ledgers);
  try {
    await jobs.recover();
    const cache = new WorkspaceCache(ws.kind === "pglite" ? "sole" : "none");
    if (ws.listen) {
      const tell = await ws.listen(
        () => cache.heard(),
        () => {
          cache.mode = "none"; // the channel is down: keep nothing rather than something stale
          cache.heard();
        },
      );
      if (tell) {
        cache.tell = tell;
        cache.mode = "notified";
      }
    }
    jobs.onSettled = () => cache.changed();
    const deps = { ws, ledgers, jobs, cache, config: o.config ?? { scanTargets: new Map(), trustProxy: [] }, pdf: new PdfPrinter() };
    const app = createApp(deps);
    const server = await new Promise<ReturnType<typeof listen>>((resolve, reject) => {
      const s = listen({ fetch: app.fetch, port: o.port, hostname: o.host }, () => resolve(s));
      s.once("error", reject);
    });
    const port = (server.address() as AddressInfo).port;
    const host = o.host.includes(":") ? `[${o.host}]` : o.host === "0.0.0.0" ? "127.0.0.1" : o.host;
    const url = `http://${host}:${port}`;
    const token = await newSetupToken(ws.db);
    // First start: the setup may ask for the demo organisation, whose ledger is copied from the template.
    if (token) await ledgers.ready();
    return {
      url,
      setupUrl: token ? `${url}/setup/${token}` : undefined,
      deps,
      close: async () => {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await jobs.idle();
        await deps.pdf.close();
        await ledgers.close();
        await ws.close();
      },
    };
  } catch (e) {
    await ledgers.close();
    await ws.close();
    throw e;
  }
}
