/**
 * Distinct people of a scan: an open-addressing set of 64-bit keyed tags (KeyedHash), each
 * with the bitmask of sensitive categories seen for that person. ~20 bytes a person, no
 * strings, no identifiers. Mergeable, so worker threads can each fill one.
 */
export class PersonTable {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private cats: Uint16Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(capacity = 1 << 12) {
    let cap = 16;
    while (cap < capacity) cap <<= 1;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.cats = new Uint16Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
  }

  add(hi: number, lo: number, cats: number): void {
    if ((this.size + 1) * 2 > this.used.length) this.resize();
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    for (;;) {
      if (this.used[i] === 0) {
        this.used[i] = 1;
        this.hi[i] = hi;
        this.lo[i] = lo;
        this.cats[i] = cats;
        this.size++;
        return;
      }
      if (this.lo[i] === lo && this.hi[i] === hi) {
        this.cats[i]! |= cats;
        return;
      }
      i = (i + 1) & this.mask;
    }
  }

  private resize(): void {
    const { hi, lo, cats, used } = this;
    const cap = used.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.cats = new Uint16Array(cap);
    this.used = new Uint8Array(cap);
    this.mask = cap - 1;
    this.size = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.add(hi[i]!, lo[i]!, cats[i]!);
  }

  /** Every person's category mask. */
  *categories(): Generator<number> {
    for (let i = 0; i < this.used.length; i++) if (this.used[i]) yield this.cats[i]!;
  }

  /** Packed [hi, lo, cats] triples, for sending to another thread. */
  export(): Uint32Array {
    const out = new Uint32Array(this.size * 3);
    let o = 0;
    for (let i = 0; i < this.used.length; i++)
      if (this.used[i]) {
        out[o++] = this.hi[i]!;
        out[o++] = this.lo[i]!;
        out[o++] = this.cats[i]!;
      }
    return out;
  }

  /** Adds every person of `other` (taking its arrays outright when this table is empty). */
  absorb(other: PersonTable): void {
    if (this.size === 0) {
      this.hi = other.hi;
      this.lo = other.lo;
      this.cats = other.cats;
      this.used = other.used;
      this.mask = other.mask;
      this.size = other.size;
      return;
    }
    for (let i = 0; i < other.used.length; i++) if (other.used[i]) this.add(other.hi[i]!, other.lo[i]!, other.cats[i]!);
  }

  merge(packed: Uint32Array): void {
    for (let o = 0; o + 2 < packed.length; o += 3) this.add(packed[o]!, packed[o + 1]!, packed[o + 2]!);
  }
}
