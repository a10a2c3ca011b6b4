/**
 * An event file read on a worker thread: reading, validating, keying (HMAC) and merging the
 * events costs about as much as the embedded database's writing, and PGlite writes on the
 * importing thread, so there the two run in turn unless the reading moves to a thread of its
 * own. The importing thread receives finished batches, at most `ahead` of them waiting (memory
 * stays bounded however fast the reading is); a bad row ends it with the same `EventError`.
 */
import type { Worker } from "node:worker_threads";
import { siblingModule, startWorker } from "../workers/start.js";
import { type EntryBatch, type RawBatch, batchOf } from "./batcher.js";
import { type EventFormat, EventError } from "./events.js";

export interface ReadTask {
  file: string;
  format: EventFormat;
  transfers: string[];
  /** The installation's secret (the worker computes the person keys). */
  secret: Uint8Array;
  batch: number;
  keyCache: number;
  /** Batches the worker may finish before the importing thread takes them. */
  ahead: number;
}

export type ReaderMessage =
  { batch: RawBatch; rows: number } | { done: number } | { error: { name: string; message: string; code?: string } };

const workerUrl = siblingModule("read-worker", import.meta.url);

function revive(e: { name: string; message: string; code?: string }): Error {
  if (e.name === "EventError") return new EventError(e.message);
  return Object.assign(new Error(e.message), e.code ? { code: e.code } : {});
}

/** The file's batches in order; `counter.rows` is the events read so far (all of them at the end). */
export async function* batchesOnWorker(task: ReadTask, counter: { rows: number }): AsyncGenerator<EntryBatch> {
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
      if ("done" in m) {
        counter.rows = m.done;
        return;
      }
      counter.rows = m.rows;
      yield batchOf(m.batch);
      worker.postMessage("next");
    }
  } finally {
    if (!exited) await worker.terminate();
  }
}
