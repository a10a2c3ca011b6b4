/**
 * The worker thread of `reader.ts`: reads, validates, keys and merges a file's events into
 * batches and hands each over (its arrays transferred, not copied). At most `ahead` batches
 * wait for the importing thread; it asks for the next with a message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { hmacSha256Many } from "../identity/keys.js";
import { EntryBatcher, buffersOf, rawBatches } from "./batcher.js";
import { readEventChunks } from "./events.js";
import type { ReadTask, ReaderMessage } from "./reader.js";

const task = workerData as ReadTask;
const port = parentPort!;
const secret = Buffer.from(task.secret);
let credit = task.ahead;
let wake: (() => void) | undefined;
port.on("message", () => {
  credit++;
  wake?.();
});
const post = (m: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function read(): Promise<void> {
  const batcher = new EntryBatcher((c) => hmacSha256Many(secret, c), task.batch, task.keyCache);
  const counter = { rows: 0 };
  const ready = async () => {
    while (credit === 0) await new Promise<void>((r) => (wake = r));
    credit--;
  };
  for await (const batch of rawBatches(readEventChunks(task.file, new Set(task.transfers), task.format), batcher, counter, ready))
    post({ batch, rows: counter.rows }, buffersOf(batch));
  post({ done: counter.rows });
  port.close();
}

read().catch((e: unknown) => {
  const err = e as Error & { code?: string };
  post({ error: { name: err.name, message: err.message, code: err.code } });
  port.close();
});
