/**
 * The worker thread of `reader.ts`: reads, validates and keys a file's events (or one part of
 * the file's lines) into a spill of
 * entries, then hands over each partition, sorted and merged (its memory transferred, not
 * copied). At most `ahead` partitions wait for the importing thread; it asks for the next with
 * a message.
 */
import { parentPort, workerData } from "node:worker_threads";
import { hmacSha256Many } from "../identity/keys.js";
import { countLines, readEventChunks } from "./events.js";
import type { ReadTask, ReaderMessage } from "./reader.js";
import { EntrySpill, bufferEntriesFor } from "./spill.js";
import { spillEvents } from "./spill-events.js";

const task = workerData as ReadTask;
const port = parentPort!;
const secret = Buffer.from(task.secret);
let credit = task.ahead;
let wake: (() => void) | undefined;
const spill = new EntrySpill(task.partitions, bufferEntriesFor(task.partitions, task.spillBytes));
port.on("message", (m: "next" | "stop") => {
  if (m === "stop") {
    // The import ended early (another reader's bad row, a failed write): the spill's file is
    // closed here, between two chunks, before the thread ends (a terminated thread would leave
    // its descriptor open in the process).
    spill.close();
    process.exit(0);
  }
  credit++;
  wake?.();
});
const post = (m: ReaderMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);

async function read(): Promise<void> {
  const numbers = new Map(Object.entries(task.numbers));
  // A reader of a later part of the file counts the lines before it, for its messages.
  const range = task.range && { ...task.range, line: task.range.start > 0 ? countLines(task.file, task.range.start) : 0 };
  const rows = await spillEvents(readEventChunks(task.file, new Set(numbers.keys()), task.format, range), spill, numbers, (c) =>
    hmacSha256Many(secret, c),
  );
  post({ years: [...spill.years], rows });
  for (const part of spill.sorted()) {
    while (credit === 0) await new Promise<void>((r) => (wake = r));
    credit--;
    post({ part }, [part.entries.buffer as ArrayBuffer]);
  }
  port.close();
}

read().catch((e: unknown) => {
  spill.close();
  const err = e as Error & { code?: string };
  post({ error: { name: err.name, message: err.message, code: err.code } });
  port.close();
});
