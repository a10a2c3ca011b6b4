/**
 * An import's entries merged into a year's buckets, in memory: each (person, transfer) keeps its
 * earliest dates (re-sent people only move a date earlier, so imports commute and repeat
 * safely), and every date that moves is a day move in the tallies: −1 on the day it leaves, +1 on
 * the day it arrives — per transfer (`ledger_daily`) and, over each union set's transfers, per
 * person (`ledger_union_daily`: the person's earliest day over the set before and after).
 * A person's entries are adjacent in a bucket and in the import's sorted entries, so each person
 * is looked at once, with all of their entries, old and new.
 */
import { KEY, READ, STORED, bucketOf, compareBytes, copyBytes, earlier, putU16, u16 } from "./entries.js";
import type { Partition } from "./spill.js";

/** A union set of one year: its id and its transfers' numbers. */
export interface SetOfYear {
  id: number;
  numbers: readonly number[];
}

/** Day moves, keyed by (year, transfer, day) and (set, day), with [ordinary, sensitive] deltas. */
export class DayMoves {
  readonly daily = new Map<number, [number, number]>();
  readonly union = new Map<number, [number, number]>();

  private static add(m: Map<number, [number, number]>, key: number, g: number, s: number): void {
    const v = m.get(key);
    if (v) {
      v[0] += g;
      v[1] += s;
    } else m.set(key, [g, s]);
  }

  /** An entry's date moved from `from` to `to` (days of the year, 0 = none); `sensitive` picks the column. */
  transfer(year: number, transfer: number, from: number, to: number, sensitive: boolean): void {
    const k = (year * 65_536 + transfer) * 367;
    DayMoves.add(this.daily, k + to, sensitive ? 0 : 1, sensitive ? 1 : 0);
    if (from) DayMoves.add(this.daily, k + from, sensitive ? 0 : -1, sensitive ? -1 : 0);
  }

  /** A person's earliest date over union set `id` moved from `from` to `to` (0 = none: a person new to the set). */
  set(id: number, from: number, to: number, sensitive: boolean): void {
    DayMoves.add(this.union, id * 367 + to, sensitive ? 0 : 1, sensitive ? 1 : 0);
    if (from) DayMoves.add(this.union, id * 367 + from, sensitive ? 0 : -1, sensitive ? -1 : 0);
  }

  /** Per (year, transfer number, day of year) and per (set id, day of year): the deltas. */
  *dailyRows(): Generator<{ year: number; transfer: number; day: number; general: number; sensitive: number }> {
    for (const [k, [general, sensitive]] of this.daily) {
      const day = k % 367;
      const yt = (k - day) / 367;
      yield { year: Math.floor(yt / 65_536), transfer: yt % 65_536, day, general, sensitive };
    }
  }

  *unionRows(): Generator<{ set: number; day: number; general: number; sensitive: number }> {
    for (const [k, [general, sensitive]] of this.union) yield { set: Math.floor(k / 367), day: k % 367, general, sensitive };
  }
}

export interface MergedBuckets {
  /** Buckets that did not exist. */
  fresh: [number, Buffer][];
  /** Existing buckets with new contents. */
  changed: [number, Buffer][];
  /** Entries written or moved earlier. */
  moved: number;
}

/** Which of `sets` (by index) each transfer number belongs to. */
export function setsByTransfer(sets: readonly SetOfYear[]): number[][] {
  const by: number[][] = [];
  sets.forEach((s, k) => {
    for (const t of s.numbers) (by[t] ??= []).push(k);
  });
  return by;
}

/** Writes a stored entry at `o` of `out`: the key at `ko` of `key`, the transfer and dates. */
function putEntry(out: Uint8Array, o: number, key: Uint8Array, ko: number, t: number, g: number, s: number): void {
  copyBytes(key, ko, out, o, KEY);
  putU16(out, o + 32, t);
  putU16(out, o + 34, g);
  putU16(out, o + 36, s);
}

/**
 * Merges `part`'s entries of `year` into that year's buckets `old` (bucket → stored entries),
 * recording the day moves of each transfer and each union set of the year in `moves`.
 */
export function mergeYear(
  year: number,
  part: Partition,
  old: ReadonlyMap<number, Buffer>,
  sets: readonly SetOfYear[],
  moves: DayMoves,
): MergedBuckets {
  const result: MergedBuckets = { fresh: [], changed: [], moved: 0 };
  const inSets = setsByTransfer(sets);
  const k = sets.length;
  const oldG = new Uint16Array(k);
  const oldS = new Uint16Array(k);
  const newG = new Uint16Array(k);
  const newS = new Uint16Array(k);
  const recs = part.entries;
  const n = part.n;
  const empty = Buffer.alloc(0);
  let i = 0;
  while (i < n && u16(recs, i * READ + 32) !== year) i++;
  while (i < n) {
    const bucket = bucketOf(recs, i * READ);
    let end = i;
    let count = 0;
    while (end < n && bucketOf(recs, end * READ) === bucket) {
      if (u16(recs, end * READ + 32) === year) count++;
      end++;
    }
    const before = old.get(bucket) ?? empty;
    const oldN = before.length / STORED;
    const out = Buffer.allocUnsafe((oldN + count) * STORED);
    let o = 0;
    let a = 0;
    let b = i;
    let changed = false;
    // `b` is always at an entry of `year` (or `end`).
    while (a < oldN || b < end) {
      // Old entries before the next new one belong to people the import does not touch: copied
      // as they are, at once (in an import into a large year, most of a bucket).
      let u = a;
      while (u < oldN && (b >= end || compareBytes(before, u * STORED, recs, b * READ, KEY) < 0)) u++;
      if (u > a) {
        before.copy(out, o, a * STORED, u * STORED);
        o += (u - a) * STORED;
        a = u;
        continue;
      }
      // The next person: the smaller key of the old and the new entries.
      const fromOld = b >= end || (a < oldN && compareBytes(before, a * STORED, recs, b * READ, KEY) <= 0);
      const keyBuf: Uint8Array = fromOld ? before : recs;
      const keyAt = fromOld ? a * STORED : b * READ;
      if (k > 0) {
        oldG.fill(0);
        oldS.fill(0);
        newG.fill(0);
        newS.fill(0);
      }
      let personChanged = false;
      for (;;) {
        const hasOld = a < oldN && compareBytes(before, a * STORED, keyBuf, keyAt, KEY) === 0;
        const hasNew = b < end && compareBytes(recs, b * READ, keyBuf, keyAt, KEY) === 0;
        if (!hasOld && !hasNew) break;
        const ta = hasOld ? u16(before, a * STORED + 32) : 0x10000;
        const tb = hasNew ? u16(recs, b * READ + 34) : 0x10000;
        let t: number, og: number, os: number;
        if (ta <= tb) {
          t = ta;
          og = u16(before, a * STORED + 34);
          os = u16(before, a * STORED + 36);
          a++;
        } else {
          t = tb;
          og = 0;
          os = 0;
        }
        let ng = og;
        let ns = os;
        if (tb === t) {
          ng = earlier(og, u16(recs, b * READ + 36));
          ns = earlier(os, u16(recs, b * READ + 38));
          b++;
          // Past this person's entries of later years in the import, to their next one of `year`.
          while (b < end && u16(recs, b * READ + 32) !== year && compareBytes(recs, b * READ, keyBuf, keyAt, KEY) === 0) b++;
        }
        putEntry(out, o, keyBuf, keyAt, t, ng, ns);
        o += STORED;
        if (ng !== og || ns !== os) {
          personChanged = true;
          result.moved++;
          if (ng !== og) moves.transfer(year, t, og, ng, false);
          if (ns !== os) moves.transfer(year, t, os, ns, true);
        }
        const of = inSets[t];
        if (of) {
          for (const s of of) {
            oldG[s] = earlier(oldG[s]!, og);
            oldS[s] = earlier(oldS[s]!, os);
            newG[s] = earlier(newG[s]!, ng);
            newS[s] = earlier(newS[s]!, ns);
          }
        }
      }
      // The next person's first entry of `year` in the import.
      while (b < end && u16(recs, b * READ + 32) !== year) b++;
      if (!personChanged) continue;
      changed = true;
      for (let s = 0; s < k; s++) {
        if (newG[s] !== oldG[s]) moves.set(sets[s]!.id, oldG[s]!, newG[s]!, false);
        if (newS[s] !== oldS[s]) moves.set(sets[s]!.id, oldS[s]!, newS[s]!, true);
      }
    }
    if (changed) (before.length ? result.changed : result.fresh).push([bucket, out.subarray(0, o)]);
    i = end;
    while (i < n && u16(recs, i * READ + 32) !== year) i++;
  }
  return result;
}
