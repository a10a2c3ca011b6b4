/**
 * An event file read on a worker thread: reading, validating and keying (HMAC) the events costs
 * about as much as the embedded database's writing, and PGlite writes on the importing thread,
 * so there the two would run in turn. The worker spills the entries by key range, then sorts one
 * partition while the importing thread merges the one before into the database; at most `ahead`
 * partitions wait (memory stays bounded however fast the reading is). A bad row ends it with the
 * same `EventError`.
 */
import type { Worker } from "node:worker_threads";
import { siblingModule, startWorker } from "../workers/start.js";
import { type EventFormat, EventError } from "./events.js";
import type { Partition } from "./spill.js";

export interface ReadTask {
  file: string;
  format: EventFormat;
  /** The data map's transfer ids and their numbers (ledger_transfer.id). */
  numbers: Record<string, number>;
  /** The installation's secret (the worker computes the person keys). */
  secret: Uint8Array;
  /** Partitions of the spill (`partitionsFor`). */
  partitions: number;
  /** Partitions the worker may finish before the importing thread takes them. */
  ahead: number;
}

/** What a source of entries hands the import: first the years and events read, then partitions in key order. */
export type SourceMessage = { years: number[]; rows: number } | { part: Partition };

export type ReaderMessage = SourceMessage | { done: number } | { error: { name: string; message: string; code?: string } };

const workerUrl = siblingModule("read-worker", import.meta.url);

function revive(e: { name: string; message: string; code?: string }): Error {
  if (e.name === "EventError") return new EventError(e.message);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}

/** The file's years, then its partitions in order. */
export async function* readOnWorker(task: ReadTask): AsyncGenerator<SourceMessage> {
  const worker: Worker = startWorker(workerUrl, { workerData: task });
  const queue: ReaderMessage[] = [];
  let failure: Error | undefined;
  let exited = false;
  let wake: (() => void) | undefined;
  const notify = () => {
    wake?.();
    wake = undefined;
  };
  worker.on("message", (m: ReaderMessage) => {
    queue.push(m);
    notify();
  });
  worker.on("error", (e: Error) => {
    failure ??= e;
    notify();
  });
  worker.on("exit", (code) => {
    exited = true;
    if (code !== 0) failure ??= new Error(`the ledger's reading thread stopped (exit code ${code})`);
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0 && !failure && !exited) await new Promise<void>((r) => (wake = r));
      const m = queue.shift();
      if (!m) throw failure ?? new Error("the ledger's reading thread stopped before the end of the file");
      if ("error" in m) throw revive(m.error);
      if ("done" in m) return;
      if ("part" in m) {
        const p = m.part;
        yield { part: { ...p, entries: Buffer.from(p.entries.buffer, p.entries.byteOffset, p.entries.byteLength) } };
        worker.postMessage("next");
      } else yield m;
    }
  } finally {
    if (!exited) await worker.terminate();
  }
}
