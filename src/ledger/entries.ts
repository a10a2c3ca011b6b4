/**
 * The ledger's entries as bytes: for each calendar year, person (32-byte HMAC key) and transfer,
 * the first day that year their ordinary and their sensitive PI was sent.
 *
 * - An entry as read from events (`READ` = 40 bytes): key | year | transfer | general | sensitive,
 *   each after the key an unsigned 16-bit big-endian number; the transfer is its
 *   `ledger_transfer.id`, a date is its day of the year (1–366, 0 = none). Byte order is sort order:
 *   key, then year, then transfer.
 * - An entry as stored in a bucket (`STORED` = 38 bytes): key | transfer | general | sensitive,
 *   the year being the bucket's. A bucket holds a year's entries whose key starts with the same
 *   18 bits, sorted by key and transfer: a person's entries are adjacent.
 */

import { fromDayNumber, toDayNumber } from "../calendar/date.js";

export const KEY = 32;
export const READ = 40;
export const STORED = 38;
/**
 * Buckets per year: a key's first 18 bits. 262,144 buckets hold ~16 entries each (~600 bytes) at
 * 4.3M entries: few enough rows for a large import to write quickly, small enough that a small
 * import, which rewrites every bucket it touches, writes little (with 65,536 buckets, 16,000
 * events into a year of 4.3M entries rewrote ~38 MB: 3.9 s on PGlite, 2.1 s with 262,144).
 */
export const BUCKET_BITS = 18;
export const BUCKETS = 1 << BUCKET_BITS;

const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Day of the year (1–366) of yyyymmdd `n`. */
export function dayOfYear(n: number): number {
  const y = Math.floor(n / 10_000);
  const m = Math.floor(n / 100) % 100;
  return CUMULATIVE[m - 1]! + (n % 100) + (m > 2 && leap(y) ? 1 : 0);
}

const yearStarts = new Map<number, number>();

/** Days since 1970-01-01 of day `doy` of `year` (a count that walks every entry asks once an entry). */
export function dayNumber(year: number, doy: number): number {
  let start = yearStarts.get(year);
  if (start === undefined) yearStarts.set(year, (start = toDayNumber(`${String(year).padStart(4, "0")}-01-01`)));
  return start + doy - 1;
}

/** `YYYY-MM-DD` of day `doy` of `year`. */
export const isoOfDay = (year: number, doy: number): string => fromDayNumber(dayNumber(year, doy));

export const u16 = (b: Uint8Array, o: number): number => (b[o]! << 8) | b[o + 1]!;

export function putU16(b: Uint8Array, o: number, v: number): void {
  b[o] = v >>> 8;
  b[o + 1] = v & 0xff;
}

/** The bucket of the key at `o`. */
export const bucketOf = (b: Uint8Array, o: number): number => (b[o]! << 10) | (b[o + 1]! << 2) | (b[o + 2]! >>> 6);

/** The earlier of two days (0 = none). */
export const earlier = (a: number, b: number): number => (a === 0 ? b : b === 0 || a < b ? a : b);

/** Compares `len` bytes of a at `ao` with b at `bo` (memcmp). */
export function compareBytes(a: Uint8Array, ao: number, b: Uint8Array, bo: number, len: number): number {
  for (let i = 0; i < len; i++) {
    const d = a[ao + i]! - b[bo + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

const word0 = (b: Uint8Array, o: number): number => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

/** Indexes below this fit beside a key's first word in a double (32 + 21 bits). */
const INDEX_LIMIT = 1 << 21;

/** Copies read entry `i` of `from` to place `j` of `to` (both 4-byte aligned: ten words). */
function copyRead(from: Int32Array, i: number, to: Int32Array, j: number): void {
  const a = i * 10;
  const b = j * 10;
  for (let k = 0; k < 10; k++) to[b + k] = from[a + k]!;
}

/** Words of a buffer, or undefined where it is not 4-byte aligned. */
const words = (b: Uint8Array): Int32Array | undefined =>
  b.byteOffset % 4 === 0 && b.byteLength % 4 === 0 ? new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4) : undefined;

/** Copies `len` bytes (a few dozen: a loop beats `set` on a `subarray`, which allocates). */
export function copyBytes(from: Uint8Array, fo: number, to: Uint8Array, to0: number, len: number): void {
  for (let i = 0; i < len; i++) to[to0 + i] = from[fo + i]!;
}

/**
 * `n` read entries (`READ` bytes each) sorted by key, year and transfer, with one entry per
 * (key, year, transfer): its earliest dates. Keys are uniformly random, so the sort is one
 * numeric sort of (first key word, index) — a typed-array sort, no comparator — and only runs of
 * equal first words (nearly always one person's entries) are compared further.
 */
export function sortUnique(recs: Uint8Array, n: number): { entries: Buffer; n: number } {
  const order = new Uint32Array(n);
  if (n < INDEX_LIMIT) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = word0(recs, i * READ) * INDEX_LIMIT + i;
    v.sort();
    for (let i = 0; i < n; i++) order[i] = v[i]! % INDEX_LIMIT;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => word0(recs, a * READ) - word0(recs, b * READ));
  }
  // Its own memory (not Node's shared pool): a worker thread hands it over without copying.
  const out = Buffer.from(new ArrayBuffer(n * READ));
  const outWords = words(out)!;
  const inWords = words(recs);
  let m = 0;
  for (let a = 0; a < n;) {
    const w = word0(recs, order[a]! * READ);
    let b = a + 1;
    while (b < n && word0(recs, order[b]! * READ) === w) b++;
    // A run of equal first words: by insertion (runs are a person's few entries).
    for (let i = a + 1; i < b; i++) {
      const x = order[i]!;
      let j = i - 1;
      for (; j >= a && compareBytes(recs, order[j]! * READ, recs, x * READ, KEY + 4) > 0; j--) order[j + 1] = order[j]!;
      order[j + 1] = x;
    }
    for (let i = a; i < b; i++) {
      const o = order[i]! * READ;
      const p = (m - 1) * READ;
      if (i > a && compareBytes(out, p, recs, o, KEY + 4) === 0) {
        putU16(out, p + 36, earlier(u16(out, p + 36), u16(recs, o + 36)));
        putU16(out, p + 38, earlier(u16(out, p + 38), u16(recs, o + 38)));
      } else {
        if (inWords) copyRead(inWords, order[i]!, outWords, m);
        else copyBytes(recs, o, out, m * READ, READ);
        m++;
      }
    }
    a = b;
  }
  return { entries: out.subarray(0, m * READ), n: m };
}

/** Sorted runs of read entries (each from `sortUnique`) as one, still one entry per (key, year, transfer). */
export function mergeRuns(runs: readonly { entries: Uint8Array; n: number }[]): { entries: Buffer; n: number } {
  if (runs.length === 0) return { entries: Buffer.alloc(0), n: 0 };
  let acc = { entries: Buffer.from(runs[0]!.entries.buffer, runs[0]!.entries.byteOffset, runs[0]!.n * READ), n: runs[0]!.n };
  for (const run of runs.slice(1)) {
    const out = Buffer.from(new ArrayBuffer((acc.n + run.n) * READ));
    const a = acc.entries;
    const b = run.entries;
    const ow = words(out)!;
    const aw = words(a);
    const bw = words(b);
    let i = 0;
    let j = 0;
    let m = 0;
    while (i < acc.n || j < run.n) {
      const c = i >= acc.n ? 1 : j >= run.n ? -1 : compareBytes(a, i * READ, b, j * READ, KEY + 4);
      if (c < 0) {
        if (aw) copyRead(aw, i, ow, m);
        else copyBytes(a, i * READ, out, m * READ, READ);
        i++;
      } else if (c > 0) {
        if (bw) copyRead(bw, j, ow, m);
        else copyBytes(b, j * READ, out, m * READ, READ);
        j++;
      } else {
        if (aw) copyRead(aw, i, ow, m);
        else copyBytes(a, i * READ, out, m * READ, READ);
        putU16(out, m * READ + 36, earlier(u16(a, i * READ + 36), u16(b, j * READ + 36)));
        putU16(out, m * READ + 38, earlier(u16(a, i * READ + 38), u16(b, j * READ + 38)));
        i++;
        j++;
      }
      m++;
    }
    acc = { entries: out.subarray(0, m * READ), n: m };
  }
  return acc;
}
