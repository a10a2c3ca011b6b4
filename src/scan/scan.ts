/**
 * The scanner (contracts §4): files or database tables in; validated entities, column types,
 * people and sensitive categories out. A record's person is its strongest identifier (ID
 * number, then passport or permit, then mobile, then e-mail), normalised and held only as a
 * keyed tag under a key made for this scan. Big UTF-8 tables and text are split at line
 * breaks and read by worker threads, one per core.
 */
import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { randomKey } from "../native/random-key.js";
import { CATEGORIES, ENTITY_TYPES, type EntityType } from "./core/entities.js";
import { detect } from "./detect.js";
import { FieldScanner } from "./core/field-scanner.js";
import { KeyedHash } from "./core/keyed-hash.js";
import { PersonTable } from "./core/person-table.js";
import { type ColumnReport, ColumnStats, Tally } from "./core/tally.js";
import { lookAlikeColumns } from "./core/look-alike.js";
import { describeEncoding, type Encoding } from "../text/decode.js";
import { CsvScanner, type TableHeader, readHeaderLine, sampleRows } from "./sources/csv.js";
import { BinaryFileError, type Format, formatOf, listFiles, openUtf8, type Skipped } from "./sources/files.js";
import { ValueScanner } from "./sources/values.js";
import type { RangeResult } from "./workers.js";

// Loaded when a file needs them, not at every start (a CSV scan needs neither).
const structured = () => import("./sources/structured.js");
const workers = () => import("./workers.js");

export type { EntityType };

export interface ScanReport {
  asOf: string;
  files: {
    path: string;
    format: string;
    encoding: string;
    /** Present (true) where the encoding was read from the bytes, not from a BOM or a valid UTF-8 check. */
    encodingGuessed?: true;
    records: number;
    sheets?: string[];
    error?: string;
  }[];
  /** Entries not scanned, and why: binary files, dangling links, link loops, files reached twice, FIFOs… */
  skipped: Skipped[];
  entities: Partial<Record<EntityType, number>>;
  columns: ColumnReport[];
  persons: { distinct: number; sensitive: number };
  sensitiveCategories: Record<string, number>;
  samples: Partial<Record<EntityType, string[]>>;
}

export interface ScanProgress {
  file: string;
  bytesDone: number;
  bytesTotal: number;
}

export interface ScanOptions {
  /** Scan date (YYYY-MM-DD): birth dates after it are invalid; ages (minors under 14) on it. */
  asOf: string;
  /** Masked samples per entity type (default 3). */
  sample?: number;
  /** Paths in the report are relative to this folder. */
  root?: string;
  /** Worker threads for big files (default: one per available core; 1 = none). */
  workers?: number;
  /** Files at least this big are split across workers (default 32 MiB). */
  splitBytes?: number;
  onProgress?: (p: ScanProgress) => void;
}

/** Everything a scan accumulates; also what each worker sends back for its part. */
export class ScanState {
  readonly key = randomKey(8);
  readonly people = new PersonTable();
  readonly tally: Tally;
  readonly asOf: number;
  readonly report: ScanReport;

  constructor(readonly opts: ScanOptions) {
    this.asOf = Number(opts.asOf.replace(/-/g, ""));
    this.tally = new Tally(this.people, new KeyedHash(this.key), opts.sample ?? 3);
    this.report = {
      asOf: opts.asOf,
      files: [],
      skipped: [],
      entities: {},
      columns: [],
      persons: { distinct: 0, sensitive: 0 },
      sensitiveCategories: {},
      samples: {},
    };
  }

  /** A tally for one file: merged into the scan's only if the file is read to its end. */
  fileTally(): Tally {
    return new Tally(new PersonTable(), new KeyedHash(this.key), this.opts.sample ?? 3);
  }

  /** A file read to its end: its counts, people and columns join the scan's. */
  absorb(file: Tally): void {
    this.tally.mergePart(file.entities, file.samples, file.people);
    this.tally.columns.push(...file.columns);
  }

  /** A worker's range into a file's tally (`columns` gathers the column statistics). */
  mergeRange(tally: Tally, r: RangeResult, columns: ColumnStats[]): void {
    tally.mergePart(r.entities, r.samples, r.people);
    const max = this.opts.sample ?? 3;
    r.columns.forEach((c, i) => {
      while (columns.length <= i) columns.push(new ColumnStats(c.name));
      columns[i]!.merge(c, max);
    });
  }

  finish(): ScanReport {
    const { report, tally } = this;
    ENTITY_TYPES.forEach((t, i) => {
      if (tally.entities[i]! > 0) report.entities[t] = tally.entities[i]!;
      if (tally.samples[i]!.length > 0) report.samples[t] = tally.samples[i]!;
    });
    report.columns = tally.columns;
    report.persons.distinct = this.people.size;
    const { perBit, any } = this.people.categoryCounts(CATEGORIES.length);
    report.persons.sensitive = any;
    // In the order of CATEGORIES, whichever thread or core saw a person first.
    CATEGORIES.forEach((c, i) => {
      if (perBit[i]! > 0) report.sensitiveCategories[c] = perBit[i]!;
    });
    return report;
  }
}

function shownPath(file: string, root?: string): string {
  return root ? relative(root, file) || file : file;
}

/**
 * Header of a CSV/TSV file (the first line), read from the start of its UTF-8 chunks (the rest stay
 * unread). A first line holding an identifier is a record, not a header (a file without a header
 * row): its columns are c1…cn and the line is read as data, so no one's ID number becomes a name.
 */
async function readHeader(chunks: AsyncGenerator<Buffer>, format: Format, asOf: string): Promise<{ header?: TableHeader; rest: Buffer[] }> {
  const delimiter = format === "tsv" ? "\t" : undefined;
  let acc: Buffer = Buffer.alloc(0);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    acc = acc.length ? Buffer.concat([acc, next.value]) : next.value; // usually the first chunk holds it: no copy
    const line = readHeaderLine(acc, delimiter);
    if (line) {
      const header = headerOrRecord(line, asOf);
      return { header, rest: [acc.subarray(header.length)] };
    }
  }
  const line = acc.length ? readHeaderLine(Buffer.concat([acc, Buffer.from("\n")]), delimiter) : undefined;
  const header = line && headerOrRecord(line, asOf);
  return { header, rest: header?.length === 0 ? [acc] : [] };
}

function headerOrRecord(line: TableHeader, asOf: string): TableHeader {
  if (!line.names.some((n) => detect(n, asOf).length > 0)) return line;
  return { delimiter: line.delimiter, names: line.names.map((_, i) => `c${i + 1}`), length: 0 };
}

/** The first lines (at least two) all hold the same number of tabs, at least one. Reads 64 KiB. */
async function looksLikeTsv(file: string): Promise<boolean> {
  const opened = await openUtf8(file, { end: 64 * 1024 });
  try {
    const parts: Buffer[] = [];
    for await (const c of opened.chunks) parts.push(c);
    const lines = Buffer.concat(parts).toString("utf8").split(/\r?\n/);
    const complete = lines.slice(0, Math.min(lines.length - 1, 6)).filter((l) => l.length > 0);
    if (complete.length < 2) return false;
    const tabs = (l: string) => l.split("\t").length - 1;
    const n = tabs(complete[0]!);
    return n > 0 && complete.every((l) => tabs(l) === n);
  } finally {
    await opened.close();
  }
}

/** One file being read: where its counts go and how its progress is shown. */
interface FileJob {
  state: ScanState;
  file: string;
  shown: string;
  format: Format;
  tally: Tally;
  opts: ScanOptions;
  progress: (done: number, total: number) => void;
}

/**
 * A big UTF-8 table or text cut over worker threads; undefined when it should be read on one
 * thread instead (a cut inside a multi-line quoted field shows as a range ending in quotes).
 */
async function readSplit(job: FileJob, dataStart: number, size: number, header?: TableHeader): Promise<number | undefined> {
  const { state, file, format, tally } = job;
  const threads = job.opts.workers ?? availableParallelism();
  const { splitPoints, scanRangesInWorkers } = await workers();
  const points = await splitPoints(file, dataStart, size, threads);
  const results = await scanRangesInWorkers(state, file, format, header, points, (d) => job.progress(d, size));
  if (results.some((r) => r.endedInQuotes)) return undefined;
  const columns = (header?.names ?? []).map((n, i) => new ColumnStats(n || `c${i + 1}`, header?.lookAlike?.[i]));
  for (const r of results) state.mergeRange(tally, r, columns);
  if (header) tally.finishColumns(job.shown, columns);
  return results.reduce((n, r) => n + r.records, 0);
}

/** CSV, TSV, JSON, JSON Lines or text: decoded to UTF-8 chunks; returns the records and the encoding. */
async function readDecoded(job: FileJob, vs: ValueScanner): Promise<{ records: number; encoding: Encoding }> {
  const { file, format, tally } = job;
  let done = 0;
  const table = format === "csv" || format === "tsv";
  const opened = await openUtf8(file, { reuseBuffers: table }, (n) => job.progress((done += n), opened.size));
  const closers = [opened.close];
  try {
    const workers = job.opts.workers ?? availableParallelism();
    const utf8 = opened.encoding === "utf-8" || opened.encoding === "utf-8-bom";
    const split = utf8 && workers > 1 && opened.size >= (job.opts.splitBytes ?? 32 * 1024 * 1024);
    const bom = opened.encoding === "utf-8-bom" ? 3 : 0;
    const result = (records: number) => ({ records, encoding: opened.encoding });
    if (format === "jsonl") {
      await (await structured()).scanJsonLines(opened.chunks, job.shown, vs);
      vs.flush();
      return result(vs.records);
    }
    if (format === "json") {
      await (await structured()).scanJson(opened.chunks, job.shown, vs);
      vs.flush();
      return result(vs.records);
    }
    if (format === "text") {
      const records = split ? await readSplit(job, bom, opened.size) : undefined;
      if (records !== undefined) return result(records);
      const { scanTextLines } = await import("./sources/text.js");
      return result(await scanTextLines(opened.chunks, new FieldScanner(job.state.asOf), tally));
    }
    const { header, rest } = await readHeader(opened.chunks, format, job.state.opts.asOf);
    if (!header) {
      tally.finishColumns(job.shown, []);
      return result(0);
    }
    // Look-alike columns are judged on the first rows, before anything is counted.
    if (rest[0]) header.lookAlike = lookAlikeColumns(header.names, sampleRows(rest[0], header.delimiter), job.state.opts.asOf);
    let chunks = opened.chunks;
    let first = rest;
    if (split) {
      const records = await readSplit(job, bom + header.length, opened.size, header);
      if (records !== undefined) return result(records);
      // Read again on one thread.
      done = 0;
      const again = await openUtf8(file, { reuseBuffers: true }, (n) => job.progress((done += n), opened.size));
      closers.push(again.close);
      chunks = again.chunks;
      first = (await readHeader(chunks, format, job.state.opts.asOf)).rest;
    }
    const csv = new CsvScanner(header, job.state.asOf, tally, opened.size - header.length);
    for (const c of first) csv.push(c);
    for await (const c of chunks) csv.push(c);
    csv.end();
    if (csv.unclosedAt) throw new Error(`data row ${csv.unclosedAt}: not valid CSV (a quoted field is never closed; truncated file?)`);
    tally.finishColumns(job.shown, csv.columns);
    return result(csv.records);
  } finally {
    for (const close of closers) await close();
  }
}

async function scanFile(state: ScanState, file: string, opts: ScanOptions): Promise<void> {
  const shown = shownPath(file, opts.root);
  let format = formatOf(file);
  // Excel's "Unicode Text (*.txt)" is a UTF-16 table with tabs: read such a .txt as TSV.
  if (format === "text" && (await looksLikeTsv(file).catch(() => false))) format = "tsv";
  // xlsx and Parquet hold their text as UTF-8; other formats report what was detected.
  const entry: ScanReport["files"][number] = { path: shown, format, encoding: "utf-8", records: 0 };
  // Counted apart until the file has been read to its end: a broken file adds nothing.
  const tally = state.fileTally();
  const job: FileJob = {
    state,
    file,
    shown,
    format,
    tally,
    opts,
    progress: (done, total) => opts.onProgress?.({ file: shown, bytesDone: done, bytesTotal: total }),
  };
  const vs = new ValueScanner(new FieldScanner(state.asOf), tally, opts.asOf);
  try {
    if (format === "xlsx") entry.sheets = await (await structured()).scanXlsx(file, shown, vs);
    else if (format === "parquet") await (await structured()).scanParquet(file, shown, vs);
    else {
      const r = await readDecoded(job, vs);
      const described = describeEncoding(r.encoding);
      entry.encoding = described.name;
      if (described.guessed) entry.encodingGuessed = true;
      entry.records = r.records;
    }
    if (format === "jsonl" || format === "json" || format === "xlsx" || format === "parquet") {
      vs.flush();
      entry.records = vs.records;
      tally.finishColumns(shown, vs.columns.values());
    }
    state.absorb(tally);
  } catch (e) {
    if (e instanceof BinaryFileError) {
      state.report.skipped.push({ path: shown, reason: e.message });
      return;
    }
    entry.error = (e as Error).message.split("\n")[0] ?? "unreadable";
    entry.records = 0;
  }
  state.report.files.push(entry);
}

export async function scanPaths(paths: string[], opts: ScanOptions): Promise<ScanReport> {
  const state = new ScanState(opts);
  const { files, skipped } = listFiles(paths);
  state.report.skipped.push(...skipped.map((s) => ({ ...s, path: shownPath(s.path, opts.root) })));
  for (const file of files) await scanFile(state, file, opts);
  return state.finish();
}

/** A PostgreSQL table (`--table`, optionally `schema.table`) or every table of a schema. */
export async function scanDatabase(url: string, what: { table?: string; schema?: string }, opts: ScanOptions): Promise<ScanReport> {
  const state = new ScanState(opts);
  const { connect, listTables, scanTable } = await import("./sources/postgres.js"); // pg, only for databases
  const client = await connect(url);
  try {
    const tables = what.table ? [what.table] : await listTables(client, what.schema ?? "public");
    for (const table of tables) {
      const tally = state.fileTally();
      const vs = new ValueScanner(new FieldScanner(state.asOf), tally, opts.asOf);
      const entry: ScanReport["files"][number] = { path: table, format: "postgres", encoding: "utf-8", records: 0 };
      try {
        await scanTable(client, table, vs);
        vs.flush();
        entry.records = vs.records;
        tally.finishColumns(table, vs.columns.values());
        state.absorb(tally);
      } catch (e) {
        entry.error = (e as Error).message.split("\n")[0] ?? "unreadable";
      }
      state.report.files.push(entry);
    }
  } finally {
    await client.end();
  }
  return state.finish();
}
