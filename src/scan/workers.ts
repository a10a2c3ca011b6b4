/**
 * Spreading one big file over cores: the file is cut at line breaks into one byte range per
 * core; the first is scanned on this thread, each other by a worker thread, all with the same
 * header and the same per-scan key; workers send back counts, column statistics and their
 * people as packed keyed tags.
 * A range cut is only safe where no quoted field spans lines (`splitPoints` checks the first
 * MiB): a file whose quoted fields hold line breaks is read by one thread.
 */
import type { Worker } from "node:worker_threads";
import { workerModule } from "../paths.js";
import { startWorker } from "../workers/start.js";
import { type RangeResult, type RangeTask, scanRange } from "./range.js";
import type { ScanState } from "./scan.js";
import type { TableHeader } from "./sources/csv.js";
import type { Format } from "./sources/files.js";

export type { RangeResult, RangeTask };
export { splitPoints } from "../text/split-lines.js";

const workerUrl = workerModule("scan/worker");

function startRangeWorker(task: RangeTask): Worker {
  return startWorker(workerUrl, { workerData: task, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
}

export async function scanRangesInWorkers(
  state: ScanState,
  file: string,
  format: Format,
  header: TableHeader | undefined,
  points: number[],
  onProgress: (bytesDone: number) => void,
): Promise<RangeResult[]> {
  const done = new Array<number>(points.length - 1).fill(0);
  const tasks = points.slice(1).map((end, i) => {
    const task: RangeTask = {
      file,
      format,
      header,
      start: points[i]!,
      end,
      asOf: state.opts.asOf,
      key: state.key,
      sample: state.opts.sample ?? 3,
    };
    // The first range on this thread (no start-up, warm code), the others on workers.
    if (i === 0)
      return scanRange(task, (read) => {
        done[0] = read;
        onProgress(done.reduce((a, b) => a + b, 0));
      });
    return new Promise<RangeResult>((resolve, reject) => {
      const w = startRangeWorker(task);
      w.on("message", (m: { progress?: number; result?: RangeResult; error?: string }) => {
        if (m.progress !== undefined) {
          done[i] = m.progress;
          onProgress(done.reduce((a, b) => a + b, 0));
        } else if (m.error) reject(new Error(m.error));
        else if (m.result) resolve(m.result);
      });
      w.on("error", reject);
      w.on("exit", (code) => {
        if (code !== 0) reject(new Error(`scan worker exited with code ${code}`));
      });
    });
  });
  return Promise.all(tasks);
}
