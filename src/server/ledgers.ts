/**
 * Each organisation's ledger is its own store (an embedded directory with its own secret, or its
 * own PostgreSQL schema): the ledger code is the CLI's, and one organisation's people can never be
 * counted in another's. Stores are opened on first use and kept.
 */
import { openStore, type Store } from "../store/open.js";
import type { WorkspaceDb } from "./db/open.js";

export class Ledgers {
  private readonly open = new Map<number, Promise<Store>>();
  constructor(private readonly ws: WorkspaceDb) {}

  of(orgId: number): Promise<Store> {
    let s = this.open.get(orgId);
    if (!s) {
      s = openStore(this.ws.ledgerTarget(orgId));
      s.catch(() => this.open.delete(orgId));
      this.open.set(orgId, s);
    }
    return s;
  }

  async close(): Promise<void> {
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(all.map(async (s) => (await s).close()));
  }
}
