/**
 * Distinct people of a scan: an open-addressing set of 64-bit keyed tags (KeyedHash), each
 * with the bitmask of sensitive categories seen for that person. No strings, no identifiers.
 * Mergeable, so worker threads can each fill one.
 *
 * One slot is four 32-bit words — tag high, tag low, categories | used << 16, spare — so a
 * probe touches one cache line, and the native scan core (native/scan_core.cc), which lays its
 * table out and probes it the same way, hands its table over without copying.
 */
import { nativeInsertPeople } from "./native.js";

const WORDS = 4;
const USED = 1 << 16;
/** Index of "people with any category" in the counts (after bits 0–15). */
const ANY = 16;

export class PersonTable {
  /** The slots, once there are slots here (see fromNative). */
  private table: Uint32Array | undefined;
  /** Where the slots come from when first needed (fromNative), until then. */
  private take: (() => Uint32Array) | undefined;
  private mask: number;
  size = 0;
  /**
   * People per sensitive category bit 0–15, then people with any: kept as people are added, so
   * that the report does not walk the table (32 MiB for a million people: ~8 ms of a 0.3 s scan).
   */
  private categories: Float64Array = new Float64Array(17);

  constructor(capacity = 1 << 12) {
    this.table = new Uint32Array(PersonTable.capacityFor(capacity) * WORDS);
    this.mask = this.table.length / WORDS - 1;
  }

  private get slots(): Uint32Array {
    if (!this.table) {
      const slots = this.take!();
      if (slots.length !== (this.mask + 1) * WORDS) throw new Error("PersonTable: the slots taken are not the table announced");
      this.table = slots;
      this.take = undefined;
    }
    return this.table;
  }

  private set slots(slots: Uint32Array) {
    this.table = slots;
    this.take = undefined;
  }

  private static capacityFor(slots: number): number {
    let cap = 16;
    while (cap < slots) cap *= 2;
    return cap;
  }

  /**
   * A table of `capacity` slots filled by the same layout and probing (the native scan core's),
   * with its size and category counts. Its slots are taken (not copied) only when something needs
   * them — a merge into a table that has people, an export: a report of one table needs only the
   * counts, and taking 32 MiB into JavaScript makes V8 collect garbage (6–9 ms).
   */
  static fromNative(take: () => Uint32Array, capacity: number, size: number, categories: Float64Array): PersonTable {
    if (!Number.isInteger(capacity) || capacity < 16 || (capacity & (capacity - 1)) !== 0 || size * 2 > capacity)
      throw new Error("PersonTable.fromNative: a power-of-two number of slots, at most half full, expected");
    if (categories.length !== 17) throw new Error("PersonTable.fromNative: 17 category counts expected");
    const t = new PersonTable(16);
    t.table = undefined;
    t.take = take;
    t.mask = capacity - 1;
    t.size = size;
    t.categories = categories;
    return t;
  }

  add(hi: number, lo: number, cats: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.reserve(this.size + 1);
    this.put(hi, lo, cats, this.categories);
  }

  /** Adds a person or categories to one (room checked by the caller); `counts` follows. */
  private put(hi: number, lo: number, cats: number, counts: Float64Array): void {
    const s = this.slots;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    let before: number;
    for (;;) {
      const o = i * WORDS;
      const w = s[o + 2]!;
      if (w === 0) {
        s[o] = hi;
        s[o + 1] = lo;
        s[o + 2] = USED | cats;
        this.size++;
        before = 0;
        break;
      }
      if (s[o + 1] === lo && s[o] === hi) {
        s[o + 2] = w | cats;
        before = w & 0xffff;
        break;
      }
      i = (i + 1) & this.mask;
    }
    let gained = cats & ~before;
    if (gained === 0) return;
    // People with any sensitive category (bits 0–7; 8–15 are roles).
    if (gained & 0xff && !(before & 0xff)) counts[ANY]!++;
    for (; gained !== 0; gained &= gained - 1) counts[31 - Math.clz32(gained & -gained)]!++;
  }

  /** Room for `people` at half load: a bigger table, the people moved into it (and counted once). */
  private reserve(people: number): void {
    if (people * 2 <= this.mask + 1) return;
    const old = this.slots;
    this.slots = new Uint32Array(PersonTable.capacityFor(people * 2) * WORDS);
    this.mask = this.slots.length / WORDS - 1;
    this.size = 0;
    this.insertAll(old, WORDS, new Float64Array(17));
  }

  /** Every person of `from` (stride 3: packed triples; 4: slots, unused ones skipped), natively where built. */
  private insertAll(from: Uint32Array, stride: 3 | 4, counts: Float64Array): void {
    const native = nativeInsertPeople();
    if (native) {
      this.size += native(this.slots, this.size, from, stride, counts);
      return;
    }
    for (let o = 0; o + stride <= from.length; o += stride) {
      const w = from[o + 2]!;
      if (stride === WORDS && w === 0) continue;
      this.put(from[o]!, from[o + 1]!, w & 0xffff, counts);
    }
  }

  /** People per category bit (index i counts people with bit i), and people with any. */
  categoryCounts(bits: number): { perBit: number[]; any: number } {
    return { perBit: Array.from(this.categories.subarray(0, bits)), any: this.categories[ANY]! };
  }

  /** The same counts by a pass over the slots (what the kept counts must equal; for tests). */
  recountCategories(bits: number): { perBit: number[]; any: number } {
    const perBit = new Array<number>(bits).fill(0);
    let any = 0;
    const s = this.slots;
    for (let o = 2; o < s.length; o += WORDS) {
      const c = s[o]! & 0xffff;
      if (c === 0) continue;
      if (c & 0xff) any++;
      for (let b = 0; b < bits; b++) if (c & (1 << b)) perBit[b]!++;
    }
    return { perBit, any };
  }

  /** Packed [hi, lo, cats] triples, for sending to another thread. */
  export(): Uint32Array {
    const out = new Uint32Array(this.size * 3);
    const s = this.slots;
    let p = 0;
    for (let o = 0; o < s.length; o += WORDS)
      if (s[o + 2]) {
        out[p++] = s[o]!;
        out[p++] = s[o + 1]!;
        out[p++] = s[o + 2]! & 0xffff;
      }
    return out;
  }

  /** Adds every person of `other`; the smaller table is added to the larger, whose slots this table then holds (`other` is used up). */
  absorb(other: PersonTable): void {
    if (other.size > this.size) {
      // The slots as they are (taken or still to take): swapping them takes nothing.
      [this.table, other.table] = [other.table, this.table];
      [this.take, other.take] = [other.take, this.take];
      [this.mask, other.mask] = [other.mask, this.mask];
      [this.size, other.size] = [other.size, this.size];
      [this.categories, other.categories] = [other.categories, this.categories];
    }
    if (other.size === 0) return;
    this.reserve(this.size + other.size);
    this.insertAll(other.slots, WORDS, this.categories);
  }

  /** Adds packed [hi, lo, cats] triples (another thread's `export()`). */
  merge(packed: Uint32Array): void {
    this.reserve(this.size + packed.length / 3);
    this.insertAll(packed, 3, this.categories);
  }
}
