/** A worker thread's part of a big file (see workers.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { FieldScanner } from "./core/field-scanner.js";
import { KeyedHash } from "./core/keyed-hash.js";
import { PersonTable } from "./core/person-table.js";
import { Tally } from "./core/tally.js";
import { scanTextLines } from "./scan.js";
import { CsvScanner } from "./sources/csv.js";
import { openUtf8 } from "./sources/files.js";
import type { RangeResult, RangeTask } from "./workers.js";

const task = workerData as RangeTask;

async function run(): Promise<RangeResult> {
  const asOf = Number(task.asOf.replace(/-/g, ""));
  const people = new PersonTable();
  const tally = new Tally(people, new KeyedHash(task.key), task.sample);
  let read = 0;
  let last = 0;
  const opened = await openUtf8(task.file, { start: task.start, end: task.end, encoding: "utf-8" }, (n) => {
    read += n;
    if (read - last >= 16 << 20) {
      last = read;
      parentPort?.postMessage({ progress: read });
    }
  });
  let records: number;
  let columns: RangeResult["columns"] = [];
  if (task.header) {
    const csv = new CsvScanner(task.header, asOf, tally);
    for await (const c of opened.chunks) csv.push(c);
    csv.end();
    records = csv.records;
    columns = csv.columns.map((c) => ({ name: c.name, counts: c.counts, nameSamples: c.nameSamples, addressSamples: c.addressSamples }));
  } else records = await scanTextLines(opened.chunks, new FieldScanner(asOf), tally);
  parentPort?.postMessage({ progress: read });
  return { records, entities: tally.entities, samples: tally.samples, columns, people: people.export() };
}

run().then(
  (result) => parentPort?.postMessage({ result }, [result.people.buffer as ArrayBuffer]),
  (e: unknown) => parentPort?.postMessage({ error: (e as Error).message }),
);
