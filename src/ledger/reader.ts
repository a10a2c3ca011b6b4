/**
 * An event file read on worker threads: reading, validating and keying (HMAC) the events costs
 * about as much as the embedded database's writing, and PGlite writes on the importing thread,
 * so there the two would run in turn. A large CSV or JSON Lines file is split into parts of whole
 * lines, one reader each (the importing thread has nothing to write until the reading is done).
 * Each reader spills its entries by key range, then sorts one partition at a time while the
 * importing thread merges the one before into the database; the readers' partitions of the same
 * key range are merged into one here. At most `ahead` partitions wait per reader (memory stays
 * bounded however fast the reading is). A bad row ends it with the same `EventError`, and the
 * first bad row of the file is the one reported whichever reader finds its own first.
 */
import type { Worker } from "node:worker_threads";
import { workerModule } from "../paths.js";
import { startWorker } from "../workers/start.js";
import { mergeRuns } from "./entries.js";
import { type ByteRange, type EventFormat, EventError } from "./events.js";
import type { Partition } from "./spill.js";

export interface ReadTask {
  file: string;
  format: EventFormat;
  /** The part of the file this reader reads (whole lines); the whole file when absent. */
  range?: Omit<ByteRange, "line">;
  /** The data map's transfer ids and their numbers (ledger_transfer.id). */
  numbers: Record<string, number>;
  /** The installation's secret (the worker computes the person keys). */
  secret: Uint8Array;
  /** Partitions of the spill (`partitionsFor`). */
  partitions: number;
  /** Partitions the worker may finish before the importing thread takes them. */
  ahead: number;
  /** Memory for this reader's spill buffers. */
  spillBytes: number;
}

/** What a source of entries hands the import: first the years and events read, then partitions in key order. */
export type SourceMessage = { years: number[]; rows: number } | { part: Partition };

export type ReaderMessage = SourceMessage | { error: { name: string; message: string; code?: string } };

const workerUrl = workerModule("ledger/read-worker");

function revive(e: { name: string; message: string; code?: string }): Error {
  if (e.name === "EventError") return new EventError(e.message);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}

/** One reader thread's messages, in order. */
class Reader {
  private readonly queue: ReaderMessage[] = [];
  private failure: Error | undefined;
  private exited = false;
  private wake: (() => void) | undefined;
  private readonly worker: Worker;

  constructor(task: ReadTask) {
    this.worker = startWorker(workerUrl, { workerData: task });
    const notify = () => {
      this.wake?.();
      this.wake = undefined;
    };
    this.worker.on("message", (m: ReaderMessage) => {
      this.queue.push(m);
      notify();
    });
    this.worker.on("error", (e: Error) => {
      this.failure ??= e;
      notify();
    });
    this.worker.on("exit", (code) => {
      this.exited = true;
      if (code !== 0) this.failure ??= new Error(`the ledger's reading thread stopped (exit code ${code})`);
      notify();
    });
  }

  /** The next message; a reader's error is thrown. */
  async next(): Promise<Exclude<ReaderMessage, { error: unknown }>> {
    while (this.queue.length === 0 && !this.failure && !this.exited) await new Promise<void>((r) => (this.wake = r));
    const m = this.queue.shift();
    if (!m) throw this.failure ?? new Error("the ledger's reading thread stopped before the end of the file");
    if ("error" in m) throw revive(m.error);
    return m;
  }

  /** Lets the reader sort its next partition. */
  ack(): void {
    if (this.exited) return;
    this.worker.postMessage("next");
  }

  /** Asks the reader to close its spill and end (it does so between two chunks), else ends it after a second. */
  async close(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((r) => this.worker.once("exit", () => r()));
    this.worker.postMessage("stop");
    const timer = new Promise<"late">((r) => setTimeout(() => r("late"), 1000).unref());
    if ((await Promise.race([exited, timer])) === "late") await this.worker.terminate();
  }
}

/** The file's years, then its partitions in order, read by one thread per range (the whole file when `ranges` is empty). */
export async function* readOnWorkers(task: ReadTask, ranges: readonly Omit<ByteRange, "line">[] = []): AsyncGenerator<SourceMessage> {
  const readers = (ranges.length ? ranges.map((range) => ({ ...task, range })) : [task]).map((t) => new Reader(t));
  try {
    // Every reader reads to its end (or its first bad row); the first failure in file order is reported.
    const firsts = await Promise.allSettled(readers.map((r) => r.next()));
    const years = new Set<number>();
    let rows = 0;
    for (const f of firsts) {
      if (f.status === "rejected") throw f.reason;
      if (!("years" in f.value)) throw new Error("the ledger's reading thread sent its entries before its years");
      for (const y of f.value.years) years.add(y);
      rows += f.value.rows;
    }
    yield { years: [...years], rows };
    for (let p = 0; p < task.partitions; p++) {
      const parts: Partition[] = [];
      for (const r of readers) {
        const m = await r.next();
        if (!("part" in m)) throw new Error("the ledger's reading thread ended before its last partition");
        r.ack();
        const e = m.part.entries;
        parts.push({ ...m.part, entries: Buffer.from(e.buffer, e.byteOffset, e.byteLength) });
      }
      const first = parts[0]!;
      const merged = parts.length === 1 ? first : { ...first, ...mergeRuns(parts) };
      if (merged.n > 0) yield { part: merged };
    }
  } finally {
    await Promise.all(readers.map((r) => r.close()));
  }
}
