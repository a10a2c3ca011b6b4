/** A worker thread's part of a big file (see workers.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { type RangeTask, scanRange } from "./range.js";

let last = 0;
scanRange(workerData as RangeTask, (read) => {
  if (read - last >= 16 << 20) {
    last = read;
    parentPort?.postMessage({ progress: read });
  }
}).then(
  (result) => {
    const people = result.people instanceof Uint32Array ? result.people : result.people.export();
    parentPort?.postMessage({ result: { ...result, people } }, [people.buffer as ArrayBuffer]);
  },
  (e: unknown) => parentPort?.postMessage({ error: (e as Error).message }),
);
