/**
 * Each organisation's ledger is its own store (an embedded directory with its own secret, or its
 * own PostgreSQL schema): the ledger code is the CLI's, and one organisation's people can never be
 * counted in another's. Stores are opened on first use and kept.
 */
import { openStore, type Store } from "../store/open.js";
import { makeLedgerTemplate } from "../store/template.js";
import type { WorkspaceDb } from "./db/open.js";

export class Ledgers {
  private readonly open = new Map<number, Promise<Store>>();
  /** Embedded: the empty ledger new ones are copied from, made in the background from the start (store/template.ts). */
  private readonly template?: Promise<string | undefined>;

  constructor(private readonly ws: WorkspaceDb) {
    const t = ws.templates;
    if (t)
      this.template = makeLedgerTemplate(t.ledger, t.cluster).then(
        () => t.ledger,
        () => undefined, // each new ledger then makes its own cluster, as without a template
      );
  }

  /** Settles once the template of new ledgers is made (at first start, before the setup link is offered). */
  async ready(): Promise<void> {
    await this.template;
  }

  of(orgId: number): Promise<Store> {
    let s = this.open.get(orgId);
    if (!s) {
      s = (async () => openStore(this.ws.ledgerTarget(orgId), { template: await this.template }))();
      s.catch(() => this.open.delete(orgId));
      this.open.set(orgId, s);
    }
    return s;
  }

  async close(): Promise<void> {
    await this.template;
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.allSettled(all.map(async (s) => (await s).close()));
  }
}
