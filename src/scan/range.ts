/** One byte range of a big file, scanned on its own (in a worker thread, or on the main thread). */
import { FieldScanner } from "./core/field-scanner.js";
import { KeyedHash } from "./core/keyed-hash.js";
import { PersonTable } from "./core/person-table.js";
import { Tally } from "./core/tally.js";
import { CsvScanner, type TableHeader } from "./sources/csv.js";
import { type Format, openUtf8 } from "./sources/files.js";
import { scanTextLines } from "./sources/text.js";

export interface RangeTask {
  file: string;
  format: Format;
  header?: TableHeader;
  start: number;
  end: number;
  asOf: string;
  key: Uint8Array;
  sample: number;
}

export interface RangeResult {
  records: number;
  entities: Float64Array;
  samples: string[][];
  columns: { name: string; counts: Float64Array; nameSamples: string[]; addressSamples: string[] }[];
  /** The range's people: its table on the thread that scanned it, packed triples (`export()`) once sent from a worker. */
  people: PersonTable | Uint32Array;
  /**
   * The range ended inside a quoted field: either the file is broken, or the cut fell inside a
   * quoted field holding a line break (then some range ends inside quotes); the caller rescans
   * the whole file on one thread.
   */
  endedInQuotes?: boolean;
}

export async function scanRange(task: RangeTask, onRead: (bytesSoFar: number) => void): Promise<RangeResult> {
  const asOf = Number(task.asOf.replace(/-/g, ""));
  const people = new PersonTable();
  const tally = new Tally(people, new KeyedHash(task.key), task.sample);
  let read = 0;
  const opened = await openUtf8(
    task.file,
    { start: task.start, end: task.end, encoding: "utf-8", reuseBuffers: task.header !== undefined },
    (n) => onRead((read += n)),
  );
  let records: number;
  let columns: RangeResult["columns"] = [];
  if (task.header) {
    const csv = new CsvScanner(task.header, asOf, tally, task.end - task.start);
    for await (const c of opened.chunks) csv.push(c);
    csv.end();
    if (csv.unclosedAt)
      return { records: 0, entities: tally.entities, samples: [], columns: [], people: new Uint32Array(0), endedInQuotes: true };
    records = csv.records;
    columns = csv.columns.map((c) => ({ name: c.name, counts: c.counts, nameSamples: c.nameSamples, addressSamples: c.addressSamples }));
  } else records = await scanTextLines(opened.chunks, new FieldScanner(asOf), tally);
  return { records, entities: tally.entities, samples: tally.samples, columns, people };
}
