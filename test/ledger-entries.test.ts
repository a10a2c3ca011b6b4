/**
 * The import's core in memory: entries spilled by key range and sorted with one entry per
 * (person, year, transfer) and its earliest dates, then merged into a year's buckets with the day
 * moves the tallies need. The end-to-end oracle tests are in ledger-tallies.test.ts.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parseDataMap } from "../src/engine/load.js";
import { countLedger } from "../src/ledger/count.js";
import { BUCKETS, READ, STORED, bucketOf, dayOfYear, isoOfDay, sortUnique, u16 } from "../src/ledger/entries.js";
import { DayMoves, mergeYear } from "../src/ledger/merge.js";
import { recordEvents } from "../src/ledger/import.js";
import { EntrySpill, type Partition, partitionsFor } from "../src/ledger/spill.js";
import { openStore } from "../src/store/open.js";
import { dropTestSchemas, targets } from "./ledger-helpers.js";

after(dropTestSchemas);
process.env.XBORDER_SECRET_FILE ??= join(mkdtempSync(join(tmpdir(), "xborder-entries-")), "secret.key");

const keyOf = (c: string) => createHmac("sha256", Buffer.alloc(32, 1)).update(c).digest();
const doy = (iso: string) => dayOfYear(Number(iso.replaceAll("-", "")));

/** Read entries as bytes: [key, year, transfer, general, sensitive] each. */
function readEntries(list: [Buffer, number, number, number, number][]): Buffer {
  const b = Buffer.alloc(list.length * READ);
  list.forEach(([k, y, t, g, s], i) => {
    k.copy(b, i * READ);
    b.writeUInt16BE(y, i * READ + 32);
    b.writeUInt16BE(t, i * READ + 34);
    b.writeUInt16BE(g, i * READ + 36);
    b.writeUInt16BE(s, i * READ + 38);
  });
  return b;
}

const rowsOf = (b: Buffer, n: number) =>
  Array.from({ length: n }, (_, i) => [
    b.toString("hex", i * READ, i * READ + 32),
    u16(b, i * READ + 32),
    u16(b, i * READ + 34),
    u16(b, i * READ + 36),
    u16(b, i * READ + 38),
  ]);

describe("entries", () => {
  test("days of the year, leap years included", () => {
    assert.equal(doy("2026-01-01"), 1);
    assert.equal(doy("2026-03-01"), 60);
    assert.equal(doy("2024-03-01"), 61);
    assert.equal(doy("2024-12-31"), 366);
    assert.equal(isoOfDay(2024, 366), "2024-12-31");
    assert.equal(isoOfDay(2026, 60), "2026-03-01");
  });

  test("sorted by key, year and transfer, one entry each with its earliest dates", () => {
    const a = keyOf("cn_mobile:13800138000");
    const b = keyOf("email:a@example.com");
    // Keys equal in their first word but not after: they must still be told apart and ordered.
    const c = Buffer.from(a);
    c[31] = c[31]! ^ 1;
    const { entries, n } = sortUnique(
      readEntries([
        [a, 2026, 3, 130, 0],
        [b, 2026, 3, 40, 0],
        [a, 2026, 3, 60, 0], // earlier: replaces day 130
        [a, 2026, 3, 0, 182], // the first sensitive date
        [a, 2026, 3, 213, 213], // later: changes nothing
        [a, 2025, 3, 365, 0], // another year: another entry
        [c, 2026, 1, 10, 0],
        [a, 2026, 1, 33, 0], // another transfer
      ]),
      8,
    );
    const hex = (k: Buffer) => k.toString("hex");
    const want = [
      [hex(a), 2025, 3, 365, 0],
      [hex(a), 2026, 1, 33, 0],
      [hex(a), 2026, 3, 60, 182],
      [hex(b), 2026, 3, 40, 0],
      [hex(c), 2026, 1, 10, 0],
    ].sort((x, y) => (x[0]! < y[0]! ? -1 : x[0]! > y[0]! ? 1 : (x[1] as number) - (y[1] as number) || (x[2] as number) - (y[2] as number)));
    assert.deepEqual(rowsOf(entries, n), want);
  });

  test("a spill gives every entry back, partition by partition in key order, also from its file", () => {
    assert.equal(partitionsFor(100), 1);
    assert.equal(partitionsFor(10_000_000), 32);
    const spill = new EntrySpill(8, 4); // 4 entries a partition in memory: the rest goes to the file
    const people = Array.from({ length: 300 }, (_, i) => keyOf(`p:${i}`));
    for (const day of [20, 10]) for (const k of people) spill.add(k, 0, 2026, 1, day, 0);
    assert.equal(spill.spilled, true);
    assert.deepEqual([...spill.years], [2026]);
    const parts: Partition[] = [...spill.sorted()];
    const all = parts.flatMap((p) => rowsOf(p.entries, p.n));
    assert.equal(all.length, 300, "each person's two events merged");
    assert.ok(all.every((r) => r[3] === 10));
    const keys = all.map((r) => r[0] as string);
    assert.deepEqual(keys, [...keys].sort(), "in key order across partitions");
    for (const p of parts) {
      assert.equal(p.end - p.first, BUCKETS / 8);
      for (const r of rowsOf(p.entries, p.n)) {
        const bucket = bucketOf(Buffer.from(r[0] as string, "hex"), 0);
        assert.ok(bucket >= p.first && bucket < p.end, "each entry in its partition's buckets");
      }
    }
  });

  test("merging into buckets keeps earliest dates and moves days per transfer and per union set", () => {
    // Two people in the same bucket; the set counts transfers 1 and 2.
    const p1 = Buffer.alloc(32, 0x11);
    const p2 = Buffer.alloc(32, 0x11);
    p2[31] = 0x12;
    const stored = Buffer.alloc(2 * STORED);
    p1.copy(stored, 0);
    stored.writeUInt16BE(1, 32);
    stored.writeUInt16BE(50, 34); // p1, transfer 1: ordinary since day 50
    p2.copy(stored, STORED);
    stored.writeUInt16BE(2, STORED + 32);
    stored.writeUInt16BE(30, STORED + 34); // p2, transfer 2: since day 30
    const bucket = bucketOf(p1, 0);
    const part = {
      first: 0,
      end: BUCKETS,
      ...sortUnique(
        readEntries([
          [p1, 2026, 2, 40, 0], // p1 on transfer 2 earlier than on 1: the set's day moves 50 -> 40
          [p2, 2026, 2, 35, 0], // later than p2's day 30: nothing moves
          [p2, 2025, 2, 5, 0], // another year: not this merge's
        ]),
        3,
      ),
    };
    const moves = new DayMoves();
    const r = mergeYear(2026, part, new Map([[bucket, stored]]), [{ id: 9, numbers: [1, 2] }], moves);
    assert.equal(r.moved, 1);
    assert.equal(r.fresh.length, 0);
    assert.equal(r.changed.length, 1);
    const [b, merged] = r.changed[0]!;
    assert.equal(b, bucket);
    assert.equal(merged.length, 3 * STORED);
    const entriesOf = (e: Buffer) =>
      Array.from({ length: e.length / STORED }, (_, i) => [e[i * STORED + 31], u16(e, i * STORED + 32), u16(e, i * STORED + 34)]);
    assert.deepEqual(entriesOf(merged), [
      [0x11, 1, 50],
      [0x11, 2, 40],
      [0x12, 2, 30],
    ]);
    assert.deepEqual([...moves.dailyRows()], [{ year: 2026, transfer: 2, day: 40, general: 1, sensitive: 0 }]);
    assert.deepEqual(
      [...moves.unionRows()].sort((x, y) => x.day - y.day),
      [
        { set: 9, day: 40, general: 1, sensitive: 0 },
        { set: 9, day: 50, general: -1, sensitive: 0 },
      ],
    );
    // The other year's entry makes a bucket of its own year, new.
    const r2025 = mergeYear(2025, part, new Map(), [], new DayMoves());
    assert.deepEqual([r2025.fresh.length, r2025.changed.length, r2025.moved], [1, 0, 1]);
  });
});

for (const target of targets()) {
  test(`a transfer id with a comma and quotes reaches the ledger intact on ${target.name}`, { skip: target.skip }, async () => {
    const map = parseDataMap(
      `xborder: 1
processor: { name: A, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets: [ { id: c, personalInformation: true } ]
transfers:
  - { id: 'ops, "EU"', dataset: c, recipient: hq, purpose: other }
  - { id: crm, dataset: c, recipient: hq, purpose: other }
`,
      "odd.yaml",
    );
    const store = await openStore(target.fresh());
    try {
      await recordEvents(store, map, "b1", [
        { date: "2026-02-02", transfer: 'ops, "EU"', person: "13800138000" },
        { date: "2026-02-03", transfer: 'ops, "EU"', person: "a@example.com", sensitive: true },
        { date: "2026-02-04", transfer: "crm", person: "138 0013 8000" },
      ]);
      const c = await countLedger(store, map, "2026-12-31");
      assert.deepEqual(c.transfers['ops, "EU"'], { general: 2, sensitive: 1, counted: true });
      assert.deepEqual(c.cumulative, { general: 2, sensitive: 1 });
    } finally {
      await store.close();
    }
  });
}

test("a migration read that fails on another client's vanishing schema is tried again; one about our schema is not", async () => {
  const { retryOnVanishedSchema } = await import("../src/store/migrations.js");
  let calls = 0;
  const r = await retryOnVanishedSchema("mine", async () => {
    calls++;
    return calls === 1 ? { error: new Error('schema "theirs" does not exist') } : { error: undefined };
  });
  assert.equal(calls, 2);
  assert.equal(r.error, undefined);
  calls = 0;
  const own = await retryOnVanishedSchema("mine", async () => {
    calls++;
    return { error: new Error('schema "mine" does not exist') };
  });
  assert.equal(calls, 1);
  assert.ok(own.error);
});
