/**
 * Distinct people of a scan: an open-addressing set of 64-bit keyed tags (KeyedHash), each
 * with the bitmask of sensitive categories seen for that person. No strings, no identifiers.
 * Mergeable, so worker threads can each fill one.
 *
 * One slot is four 32-bit words — tag high, tag low, categories | used << 16, spare — so a
 * probe touches one cache line, and the native scan core (native/scan_core.cc), which lays its
 * table out and probes it the same way, hands its table over without copying.
 */
import { nativeCategoryCounts } from "./native.js";

const WORDS = 4;
const USED = 1 << 16;

export class PersonTable {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.slots = new Uint32Array(cap * WORDS);
    this.mask = cap - 1;
  }

  /** A table over slots filled by the same layout and probing (the native scan core's); taken, not copied. */
  static fromSlots(slots: Uint32Array, size: number): PersonTable {
    const cap = slots.length / WORDS;
    if (!Number.isInteger(cap) || cap < 16 || (cap & (cap - 1)) !== 0 || size * 2 > cap)
      throw new Error("PersonTable.fromSlots: a power-of-two number of 4-word slots, at most half full, expected");
    const t = new PersonTable(16);
    t.slots = slots;
    t.mask = cap - 1;
    t.size = size;
    return t;
  }

  add(hi: number, lo: number, cats: number): void {
    if ((this.size + 1) * 2 > this.mask + 1) this.resize();
    const s = this.slots;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      const o = i * WORDS;
      const w = s[o + 2]!;
      if (w === 0) {
        s[o] = hi;
        s[o + 1] = lo;
        s[o + 2] = USED | cats;
        this.size++;
        return;
      }
      if (s[o + 1] === lo && s[o] === hi) {
        s[o + 2] = w | cats;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private resize(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.slots.length / WORDS - 1;
    this.size = 0;
    for (let o = 0; o < old.length; o += WORDS) if (old[o + 2]) this.add(old[o]!, old[o + 1]!, old[o + 2]! & 0xffff);
  }

  /** People per sensitive category bit (index i counts people with bit i), and people with any. */
  categoryCounts(bits: number): { perBit: number[]; any: number } {
    const native = nativeCategoryCounts();
    if (native) {
      const c = native(this.slots);
      return { perBit: Array.from(c.subarray(0, bits)), any: c[16]! };
    }
    // A histogram of masks first: one branch-free pass over the slots (empty ones count as mask 0).
    const hist = new Uint32Array(1 << 16);
    const s = this.slots;
    for (let o = 2; o < s.length; o += WORDS) hist[s[o]! & 0xffff]!++;
    const perBit = new Array<number>(bits).fill(0);
    let any = 0;
    for (let c = 1; c < hist.length; c++) {
      const n = hist[c]!;
      if (n === 0) continue;
      any += n;
      for (let b = 0; b < bits; b++) if (c & (1 << b)) perBit[b]! += n;
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
    let from = other.slots;
    if (other.size > this.size) {
      from = this.slots;
      this.slots = other.slots;
      this.mask = other.mask;
      this.size = other.size;
    }
    for (let o = 0; o < from.length; o += WORDS) if (from[o + 2]) this.add(from[o]!, from[o + 1]!, from[o + 2]! & 0xffff);
  }

  merge(packed: Uint32Array): void {
    for (let o = 0; o + 2 < packed.length; o += 3) this.add(packed[o]!, packed[o + 1]!, packed[o + 2]!);
  }
}
