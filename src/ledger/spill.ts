/**
 * An import's entries, spilled by key range: each read entry goes to the partition of its key's
 * first bits (a range of buckets), in memory while a partition's buffer has room, else appended
 * to a temporary file. When the events have been read, each partition in turn is sorted and
 * merged (`sortUnique`) — partitions in order give every entry of the import in key order, and
 * one partition at a time is in memory whatever the file's size.
 *
 * The temporary file is removed as soon as it is opened (only its descriptor names it), so a
 * killed import leaves nothing behind; it holds keyed hashes, never identifiers.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, rmdirSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BUCKETS, BUCKET_BITS, KEY, READ, bucketOf, copyBytes, putU16, sortUnique } from "./entries.js";

/** Entries a partition is sized for (~20 MB of them in memory when one is sorted). */
const PARTITION_ENTRIES = 500_000;
/** Memory for all partitions' buffers together while reading (shared by an import's readers). */
export const SPILL_BYTES = 64 << 20;

/** Entries each of `partitions` buffers holds in `bytes`. */
export const bufferEntriesFor = (partitions: number, bytes = SPILL_BYTES): number =>
  Math.max(64, Math.min(1 << 16, Math.floor(bytes / partitions / READ)));

/** Partitions (a power of two, at most one per bucket) for about `events` events. */
export function partitionsFor(events: number): number {
  let p = 1;
  while (p * PARTITION_ENTRIES < events && p < BUCKETS) p *= 2;
  return p;
}

/** One partition's entries, sorted and merged: buckets `first` to `end` (exclusive). */
export interface Partition {
  first: number;
  end: number;
  /** `READ`-byte entries, sorted by key, year and transfer, one per (key, year, transfer). */
  entries: Buffer;
  n: number;
}

export class EntrySpill {
  private readonly shift: number;
  private readonly buffers: Buffer[];
  private readonly used: Uint32Array;
  /** Per partition, the [position, length] of its pieces in the file. */
  private readonly pieces: number[][];
  private fd = -1;
  /** The temporary file's folder, where it could not be removed while open. */
  private dir: string | undefined;
  private fileEnd = 0;
  readonly years = new Set<number>();

  constructor(
    private readonly partitions: number,
    /** Entries a partition holds in memory before they go to the file (tests make it small). */
    bufferEntries = bufferEntriesFor(partitions),
  ) {
    if (!Number.isInteger(Math.log2(partitions)) || partitions > BUCKETS)
      throw new Error(`partitions must be a power of two up to ${BUCKETS}`);
    this.shift = BUCKET_BITS - Math.log2(partitions);
    const size = bufferEntries * READ;
    this.buffers = Array.from({ length: partitions }, () => Buffer.allocUnsafe(size));
    this.used = new Uint32Array(partitions);
    this.pieces = Array.from({ length: partitions }, () => []);
  }

  /** Adds an entry: the 32-byte key at `ko` of `keys`, its year, transfer number and days of the year (0 = none). */
  add(keys: Uint8Array, ko: number, year: number, transfer: number, general: number, sensitive: number): void {
    const p = bucketOf(keys, ko) >>> this.shift;
    let buf = this.buffers[p]!;
    if (this.used[p]! === buf.length) {
      this.flush(p);
      buf = this.buffers[p]!;
    }
    const o = this.used[p]!;
    copyBytes(keys, ko, buf, o, KEY);
    putU16(buf, o + 32, year);
    putU16(buf, o + 34, transfer);
    putU16(buf, o + 36, general);
    putU16(buf, o + 38, sensitive);
    this.used[p] = o + READ;
    this.years.add(year);
  }

  /** Whether some entries went to the temporary file. */
  get spilled(): boolean {
    return this.fileEnd > 0;
  }

  private flush(p: number): void {
    if (this.fd < 0) {
      const dir = mkdtempSync(join(tmpdir(), "xborder-import-"));
      const file = join(dir, "entries");
      this.fd = openSync(file, "w+", 0o600);
      try {
        unlinkSync(file);
        rmdirSync(dir);
      } catch {
        this.dir = dir; // a file open elsewhere cannot be removed (Windows): removed at close
      }
    }
    const len = this.used[p]!;
    writeSync(this.fd, this.buffers[p]!, 0, len, this.fileEnd);
    this.pieces[p]!.push(this.fileEnd, len);
    this.fileEnd += len;
    this.used[p] = 0;
  }

  /** Each partition in key order (empty ones too), sorted and merged; the spill is closed at the end. */
  *sorted(): Generator<Partition> {
    try {
      const width = BUCKETS / this.partitions;
      for (let p = 0; p < this.partitions; p++) {
        const pieces = this.pieces[p]!;
        let bytes = this.used[p]!;
        for (let k = 1; k < pieces.length; k += 2) bytes += pieces[k]!;
        const all = Buffer.allocUnsafe(bytes);
        let o = 0;
        for (let k = 0; k < pieces.length; k += 2) o += readSync(this.fd, all, o, pieces[k + 1]!, pieces[k]!);
        this.buffers[p]!.copy(all, o, 0, this.used[p]!);
        this.buffers[p] = Buffer.alloc(0); // read: its memory can go
        const { entries, n } = sortUnique(all, bytes / READ);
        yield { first: p * width, end: (p + 1) * width, entries, n };
      }
    } finally {
      this.close();
    }
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
    this.dir = undefined;
  }
}
