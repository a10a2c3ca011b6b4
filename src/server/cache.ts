/**
 * What the workspace keeps in memory between requests (lru-cache): parsed data maps by their
 * digest — a version never changes, so a digest's map is always right — and assessments of them
 * made without the ledger (a pure function of the map, the date, the language and the gate).
 * What reads the ledger is keyed by its stamp (ledger_import's rows), so an import by another
 * process is seen at once.
 */
import { LRUCache } from "lru-cache";
import type { DataMap } from "../engine/datamap.js";
import type { MapVersion } from "./datamaps.js";
import type { Overview } from "./service.js";

/** A response body ready to send, plain and (made on first request) gzipped. */
export interface Body {
  raw: Buffer;
  gzip?: Buffer;
}

export class WorkspaceCache {
  readonly maps = new LRUCache<string, { version: MapVersion; map: DataMap }>({ max: 32 });
  /** Serialised assessments (UTF-8 JSON, and gzipped once asked for), by digest, date, language and gate. */
  readonly assessments = new LRUCache<string, Body>({
    max: 64,
    maxSize: 256 * 1024 * 1024,
    sizeCalculation: (b) => b.raw.length + (b.gzip?.length ?? 0) || 1,
  });
  /** Overviews by digest, date, language and the ledger's stamp (which changes with every import, in any process). */
  readonly overviews = new LRUCache<string, Overview>({ max: 64 });

  /**
   * Answers of the database kept between requests — API tokens, the latest version's digest, the
   * ledger's stamp — only where every write is known:
   * - `sole`: the embedded store, whose directory is locked to this process; every write here
   *   clears them;
   * - `notified`: a PostgreSQL server, where each workspace process tells the others of its writes
   *   (LISTEN/NOTIFY) and clears on their word; the ledger's stamp is not kept (the command line
   *   may import into a ledger schema directly);
   * - `none`: nothing is kept (the notification channel is down).
   */
  private readonly volatile = new LRUCache<string, { value: unknown }>({ max: 10_000 });
  /** Tells the other processes (set where the mode is `notified`). */
  tell: () => void = () => {};
  constructor(public mode: "sole" | "notified" | "none" = "none") {}

  async memo<T>(key: string, compute: () => Promise<T>, o: { ledger?: boolean } = {}): Promise<T> {
    if (this.mode === "none" || (o.ledger && this.mode !== "sole")) return compute();
    const hit = this.volatile.get(key);
    if (hit) return hit.value as T;
    const value = await compute();
    this.volatile.set(key, { value });
    return value;
  }

  /** A write happened here: forget, and tell the other processes. */
  changed(): void {
    this.volatile.clear();
    this.tell();
  }

  /** Another process wrote. */
  heard(): void {
    this.volatile.clear();
  }
}
