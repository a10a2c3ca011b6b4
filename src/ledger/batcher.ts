/**
 * Events in, de-duplicated (year, transfer, person) entries out, in columns rather than one
 * object per event: an import's reading side was as slow as its database side with a Map of
 * entry objects keyed by 32-character strings (allocation and GC per event).
 *
 * Every event's person is keyed as it comes (HMAC-SHA-256, one call into the native addon per
 * chunk of events) and gets a small integer slot, found by the key; entries are found
 * through an open-addressing index on (year, transfer, slot); dates are kept as yyyymmdd
 * integers (0 = none). A batch is written for the staging table as COPY CSV bytes.
 */
import type { LedgerEvent } from "./events.js";

const HEX_DIGITS = Buffer.from("0123456789abcdef", "latin1");

/** yyyymmdd of an ISO date (validated before it gets here: always `YYYY-MM-DD`). */
function yyyymmdd(d: string): number {
  return (
    (d.charCodeAt(0) - 48) * 10_000_000 +
    (d.charCodeAt(1) - 48) * 1_000_000 +
    (d.charCodeAt(2) - 48) * 100_000 +
    (d.charCodeAt(3) - 48) * 10_000 +
    (d.charCodeAt(5) - 48) * 1000 +
    (d.charCodeAt(6) - 48) * 100 +
    (d.charCodeAt(8) - 48) * 10 +
    (d.charCodeAt(9) - 48)
  );
}

/** Writes `v` as `width` decimal digits (zero-padded) at `o`; returns the position after them. */
function putDigits(out: Uint8Array, o: number, v: number, width: number): number {
  for (let k = width - 1; k >= 0; k--) {
    out[o + k] = 48 + (v % 10);
    v = Math.floor(v / 10);
  }
  return o + width;
}

/** Writes yyyymmdd `n` as `YYYY-MM-DD` at `o`; returns the position after it. */
function putIso(out: Uint8Array, o: number, n: number): number {
  o = putDigits(out, o, Math.floor(n / 10_000), 4);
  out[o++] = 0x2d;
  o = putDigits(out, o, Math.floor(n / 100) % 100, 2);
  out[o++] = 0x2d;
  return putDigits(out, o, n % 100, 2);
}

/** Where (person slot, transfer, year) starts probing in an index of `mask + 1` places. */
const place = (slot: number, t: number, year: number, mask: number) =>
  (Math.imul(slot, 0x9e3779b1) ^ Math.imul(t * 10_000 + year, 0x85ebca6b)) & mask;

const earlier = (a: number, b: number) => (a === 0 ? b : b === 0 || a < b ? a : b);

/** One batch of entries for the staging table. */
export interface EntryBatch {
  readonly size: number;
  readonly years: ReadonlySet<number>;
  /** The transfer ids its entries' transfer indexes point into. */
  readonly transferIds: readonly string[];
  /**
   * `year,transfer,\x<key>,first_general,first_sensitive` lines for COPY … (format csv), with
   * `numbers[t]` (ledger_transfer.id) for the transfer `transferIds[t]`; entries `from` (0) to
   * `to` (the size).
   */
  csv(numbers: readonly number[], from?: number, to?: number): Uint8Array;
}

export class EntryBatcher {
  /**
   * People by their HMAC key: an open-addressing table of slot + 1 (0 = empty), placed by the
   * key's first word (uniformly random), at most half full; slot i's key at bytes 32 i of `keys`.
   * Every event is keyed (one native call per chunk of events, ~0.3 µs an event) and found by
   * its key: a `Map` of canonical identifier strings cost ~1 µs a lookup. Kept across batches up
   * to `maxPeople`.
   */
  private peopleIndex: Int32Array;
  private peopleMask: number;
  private people = 0;
  private keys: Buffer;
  private keyWords: Int32Array;
  /**
   * Open-addressing index of the waiting entries by (year, transfer, person slot): entry index + 1,
   * 0 for an empty place; at most half full. (Nested Maps cost as much as the rest of an import's reading.)
   */
  private index: Int32Array;
  private indexMask: number;
  private readonly transferIndex = new Map<string, number>();
  private readonly transferIds: string[] = [];
  private year = new Int32Array(1024);
  private transfer = new Int32Array(1024);
  private person = new Int32Array(1024);
  private general = new Int32Array(1024);
  private sensitive = new Int32Array(1024);
  private n = 0;

  constructor(
    /** HMAC keys of identifiers: 32 bytes each, in order, in one buffer. */
    private readonly hmac: (canonicals: readonly string[]) => Buffer,
    /** Entries per batch. */
    private readonly maxEntries: number,
    /** People whose keys are kept (a batch is also full when it reaches this many). */
    private readonly maxPeople: number,
  ) {
    this.keys = Buffer.alloc(32 * 1024);
    this.keyWords = new Int32Array(this.keys.buffer, this.keys.byteOffset, this.keys.length / 4);
    let places = 1024;
    while (places < Math.min(maxPeople, 1 << 22) * 2) places *= 2;
    this.peopleIndex = new Int32Array(places);
    this.peopleMask = places - 1;
    let size = 1024;
    while (size < maxEntries * 2) size *= 2;
    this.index = new Int32Array(size);
    this.indexMask = size - 1;
  }

  /** Entries waiting. */
  get size(): number {
    return this.n;
  }

  get full(): boolean {
    return this.n >= this.maxEntries || this.people >= this.maxPeople;
  }

  /** The HMAC keys of events' people (32 bytes each, in order), to pass to `add`. */
  keysOf(events: readonly LedgerEvent[]): Int32Array {
    const keys = this.hmac(events.map((e) => e.canonical));
    if (keys.length !== events.length * 32) throw new Error("person keys are 32 bytes (HMAC-SHA-256)");
    // Word access needs 4-byte alignment (a small Buffer may sit anywhere in Node's pool).
    const aligned = keys.byteOffset % 4 === 0 ? keys : Buffer.from(keys);
    return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  }

  /** Adds an event; `keys` from `keysOf` (its events' keys, this one's at word `8 * at`), or computed here. */
  add(e: LedgerEvent, keys = this.keysOf([e]), at = 0): void {
    const slot = this.slotOf(keys, at * 8);
    let t = this.transferIndex.get(e.transfer);
    if (t === undefined) {
      t = this.transferIds.length;
      this.transferIds.push(e.transfer);
      this.transferIndex.set(e.transfer, t);
    }
    const day = yyyymmdd(e.date);
    const year = Math.floor(day / 10_000);
    const g = e.general ? day : 0;
    const s = e.sensitive ? day : 0;
    const index = this.index;
    let h = place(slot, t, year, this.indexMask);
    for (let at = index[h]!; at !== 0; at = index[h]!) {
      const i = at - 1;
      if (this.person[i] === slot && this.transfer[i] === t && this.year[i] === year) {
        this.general[i] = earlier(this.general[i]!, g);
        this.sensitive[i] = earlier(this.sensitive[i]!, s);
        return;
      }
      h = (h + 1) & this.indexMask;
    }
    if (this.n === this.year.length) this.grow();
    const i = this.n++;
    index[h] = i + 1;
    this.year[i] = year;
    this.transfer[i] = t;
    this.person[i] = slot;
    this.general[i] = g;
    this.sensitive[i] = s;
    if (this.n * 2 > index.length) this.reindex(index.length * 2);
  }

  /** A larger index (only when a caller keeps adding past `full`). */
  private reindex(size: number): void {
    this.index = new Int32Array(size);
    this.indexMask = size - 1;
    for (let i = 0; i < this.n; i++) {
      let h = place(this.person[i]!, this.transfer[i]!, this.year[i]!, this.indexMask);
      while (this.index[h] !== 0) h = (h + 1) & this.indexMask;
      this.index[h] = i + 1;
    }
  }

  private grow(): void {
    const size = this.year.length * 2;
    const copy = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.year = copy(this.year);
    this.transfer = copy(this.transfer);
    this.person = copy(this.person);
    this.general = copy(this.general);
    this.sensitive = copy(this.sensitive);
  }

  /** The slot of the person whose key is at word `w` of `key`, given one if new. */
  private slotOf(key: Int32Array, w: number): number {
    const index = this.peopleIndex;
    const mask = this.peopleMask;
    const kw = this.keyWords;
    let h = key[w]! & mask;
    for (; ; h = (h + 1) & mask) {
      const p = index[h]!;
      if (p === 0) break;
      const o = (p - 1) * 8;
      if (
        kw[o] === key[w] &&
        kw[o + 1] === key[w + 1] &&
        kw[o + 2] === key[w + 2] &&
        kw[o + 3] === key[w + 3] &&
        kw[o + 4] === key[w + 4] &&
        kw[o + 5] === key[w + 5] &&
        kw[o + 6] === key[w + 6] &&
        kw[o + 7] === key[w + 7]
      )
        return p - 1;
    }
    const slot = this.people++;
    if ((slot + 1) * 32 > this.keys.length) {
      const bigger = Buffer.alloc(this.keys.length * 2);
      this.keys.copy(bigger);
      this.keys = bigger;
      this.keyWords = new Int32Array(bigger.buffer, bigger.byteOffset, bigger.length / 4);
    }
    this.keyWords.set(key.subarray(w, w + 8), slot * 8);
    index[h] = slot + 1; // the empty place the probe stopped at
    if (this.people * 2 > mask + 1) this.reindexPeople((mask + 1) * 2);
    return slot;
  }

  /** A larger people table (only when a caller keeps adding past `full`, or `maxPeople` is over 4M). */
  private reindexPeople(places: number): void {
    this.peopleIndex = new Int32Array(places);
    this.peopleMask = places - 1;
    for (let slot = 0; slot < this.people; slot++) {
      let h = this.keyWords[slot * 8]! & this.peopleMask;
      while (this.peopleIndex[h] !== 0) h = (h + 1) & this.peopleMask;
      this.peopleIndex[h] = slot + 1;
    }
  }

  /** The waiting entries as a batch (its own copy); the batcher starts empty again (known people kept unless at the limit). */
  take(): EntryBatch {
    return batchOf(this.takeRaw());
  }

  /** The same as plain arrays, which a worker thread can hand over without copying them. */
  takeRaw(): RawBatch {
    const n = this.n;
    const keys = Buffer.allocUnsafe(n * 32);
    for (let i = 0; i < n; i++) this.keys.copy(keys, i * 32, this.person[i]! * 32, this.person[i]! * 32 + 32);
    const raw: RawBatch = {
      year: this.year.slice(0, n),
      transfer: this.transfer.slice(0, n),
      general: this.general.slice(0, n),
      sensitive: this.sensitive.slice(0, n),
      keys: new Uint8Array(keys.buffer, keys.byteOffset, keys.length),
      transferIds: [...this.transferIds],
    };
    this.n = 0;
    this.index.fill(0);
    if (this.people >= this.maxPeople) {
      this.peopleIndex.fill(0);
      this.people = 0;
    }
    return raw;
  }
}

/** A batch's columns: per entry its year, transfer (index into `transferIds`), yyyymmdd dates (0 = none) and 32-byte key. */
export interface RawBatch {
  year: Int32Array;
  transfer: Int32Array;
  general: Int32Array;
  sensitive: Int32Array;
  keys: Uint8Array;
  transferIds: string[];
}

/** The array buffers of a raw batch (to transfer it to another thread). */
export const buffersOf = (r: RawBatch): ArrayBuffer[] =>
  [r.year, r.transfer, r.general, r.sensitive, r.keys].map((a) => a.buffer as ArrayBuffer);

export function batchOf(raw: RawBatch): EntryBatch {
  const { year, transfer, general, sensitive, transferIds } = raw;
  const keys = Buffer.from(raw.keys.buffer, raw.keys.byteOffset, raw.keys.length);
  const n = year.length;
  const years = new Set(year);
  return {
    size: n,
    years,
    transferIds,
    csv(numbers, from = 0, to = n) {
      const fields = transferIds.map((_, t) => Buffer.from(String(numbers[t])));
      let bytes = 0;
      for (let i = from; i < to; i++) bytes += fields[transfer[i]!]!.length + 4 + 1 + 1 + 66 + 1 + 10 + 1 + 10 + 1;
      const out = Buffer.allocUnsafe(bytes);
      let o = 0;
      for (let i = from; i < to; i++) {
        o = putDigits(out, o, year[i]!, 4);
        out[o++] = 0x2c;
        const f = fields[transfer[i]!]!;
        f.copy(out, o);
        o += f.length;
        out[o++] = 0x2c;
        out[o++] = 0x5c; // \x
        out[o++] = 0x78;
        for (let b = i * 32, e = b + 32; b < e; b++) {
          out[o++] = HEX_DIGITS[keys[b]! >> 4]!;
          out[o++] = HEX_DIGITS[keys[b]! & 15]!;
        }
        out[o++] = 0x2c;
        if (general[i]) o = putIso(out, o, general[i]!);
        out[o++] = 0x2c;
        if (sensitive[i]) o = putIso(out, o, sensitive[i]!);
        out[o++] = 0x0a;
      }
      return out.subarray(0, o);
    },
  };
}

/**
 * Events, in chunks, merged into raw batches by `batcher`; `counter.rows` counts the events read.
 * `ready`, if given, is awaited before each batch is taken (a reader that may not run ahead waits
 * there, before the batch is copied out).
 */
export async function* rawBatches(
  chunks: AsyncIterable<readonly LedgerEvent[]> | Iterable<readonly LedgerEvent[]>,
  batcher: EntryBatcher,
  counter: { rows: number },
  ready?: () => Promise<void>,
): AsyncGenerator<RawBatch> {
  for await (const chunk of chunks) {
    const keys = batcher.keysOf(chunk);
    for (let i = 0; i < chunk.length; i++) {
      counter.rows++;
      batcher.add(chunk[i]!, keys, i);
      if (batcher.full) {
        await ready?.();
        yield batcher.takeRaw();
      }
    }
  }
  if (batcher.size > 0) {
    await ready?.();
    yield batcher.takeRaw();
  }
}
