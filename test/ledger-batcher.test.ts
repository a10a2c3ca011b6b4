/**
 * The import's batcher merges repeat events in memory before they reach the database: each
 * (year, transfer, person) once, with its earliest ordinary and sensitive dates. What it hands
 * the staging table must survive CSV quoting (transfer ids with commas and quotes) on both stores.
 */
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, test } from "node:test";
import { parseDataMap } from "../src/engine/load.js";
import { type EntryBatch, EntryBatcher } from "../src/ledger/batcher.js";
import { countLedger } from "../src/ledger/count.js";
import type { LedgerEvent } from "../src/ledger/events.js";
import { recordEvents } from "../src/ledger/import.js";
import { openStore } from "../src/store/open.js";
import { splitCsvLine } from "../src/text/csv-line.js";
import { dropTestSchemas, targets } from "./ledger-helpers.js";

after(dropTestSchemas);
process.env.XBORDER_SECRET_FILE ??= join(mkdtempSync(join(tmpdir(), "xborder-batcher-")), "secret.key");

const secret = Buffer.alloc(32, 1);
const keyOf = (c: string) => createHmac("sha256", secret).update(c).digest();
const keysOf = (cs: readonly string[]) => Buffer.concat(cs.map(keyOf));
const ev = (date: string, transfer: string, canonical: string, general: boolean, sensitive: boolean): LedgerEvent => ({
  line: 0,
  date,
  transfer,
  canonical,
  general,
  sensitive,
});

/** A batch's staging rows: year, transfer index, \x key, first ordinary date, first sensitive date. */
const rowsOf = (batch: EntryBatch) =>
  Buffer.from(batch.csv(batch.transferIds.map((_, t) => t)))
    .toString("latin1")
    .trimEnd()
    .split("\n")
    .map((l) => splitCsvLine(l, ",")!);

describe("entry batcher", () => {
  const odd = 'ops, "EU"';
  const events = [
    ev("2026-05-10", "crm", "cn_mobile:13800138000", true, false),
    ev("2026-03-01", "crm", "cn_mobile:13800138000", true, false), // earlier: replaces 05-10
    ev("2026-07-01", "crm", "cn_mobile:13800138000", false, true), // first sensitive date
    ev("2026-08-01", "crm", "cn_mobile:13800138000", true, true), // later: changes nothing
    ev("2025-12-31", "crm", "cn_mobile:13800138000", true, false), // another year: another entry
    ev("2026-02-02", odd, "cn_mobile:13800138000", true, false),
    ev("2026-02-03", odd, "email:a@example.com", true, false),
  ];
  const batcher = new EntryBatcher(keysOf, 100, 100);
  for (const e of events) batcher.add(e);

  test("keeps one entry per year, transfer and person with its earliest dates", () => {
    assert.equal(batcher.size, 4);
    const batch = batcher.take();
    assert.equal(batcher.size, 0);
    assert.deepEqual([...batch.years].sort(), [2025, 2026]);
    // Transfers go to the database as their numbers (ledger_transfer.id): here 7, 8, … in order.
    const number = (id: string) => String(7 + batch.transferIds.indexOf(id));
    const rows = Buffer.from(batch.csv(batch.transferIds.map((_, t) => 7 + t)))
      .toString("latin1")
      .trimEnd()
      .split("\n")
      .map((l) => splitCsvLine(l, ","));
    const key = (c: string) => `\\x${keyOf(c).toString("hex")}`;
    assert.deepEqual(
      rows.sort(),
      [
        ["2025", number("crm"), key("cn_mobile:13800138000"), "2025-12-31", ""],
        ["2026", number("crm"), key("cn_mobile:13800138000"), "2026-03-01", "2026-07-01"],
        ["2026", number(odd), key("cn_mobile:13800138000"), "2026-02-02", ""],
        ["2026", number(odd), key("email:a@example.com"), "2026-02-03", ""],
      ].sort(),
    );
  });

  test("is full at its entry limit and at its people limit", () => {
    const b = new EntryBatcher(keysOf, 3, 2);
    b.add(events[0]!);
    b.add(events[6]!);
    assert.equal(b.full, true, "two people reach the people limit");
    b.take();
    const c = new EntryBatcher(keysOf, 2, 100);
    c.add(events[0]!);
    c.add(events[1]!);
    assert.equal(c.full, false, "a repeat event adds no entry");
    c.add(events[4]!);
    assert.equal(c.full, true);
  });

  test("tells people apart by their whole key, also when the table grows past full and after it is cleared", () => {
    // Keys equal but for their last word: every person starts probing at the same place.
    const alike = (cs: readonly string[]) =>
      Buffer.concat(
        cs.map((c) => {
          const k = Buffer.alloc(32, 7);
          k.writeUInt32LE(Number(c.split(":")[1]), 28);
          return k;
        }),
      );
    const b = new EntryBatcher(alike, 1_000_000, 4);
    for (const day of ["2026-04-02", "2026-04-01"]) for (let p = 0; p < 600; p++) b.add(ev(day, "crm", `p:${p}`, true, false));
    assert.equal(b.full, true);
    const rows = rowsOf(b.take());
    assert.equal(rows.length, 600);
    assert.equal(new Set(rows.map((r) => r[2])).size, 600, "600 different keys");
    assert.ok(
      rows.every((r) => r[3] === "2026-04-01"),
      "each person's two events merged",
    );
    // At its people limit the batcher forgets its people after a batch; one who comes back is keyed again.
    const d = new EntryBatcher(alike, 1_000_000, 2);
    d.add(ev("2026-01-01", "crm", "p:1", true, false));
    d.add(ev("2026-01-01", "crm", "p:2", true, false));
    d.take();
    d.add(ev("2026-01-02", "crm", "p:2", true, false));
    assert.deepEqual(
      rowsOf(d.take()).map((r) => r[2]),
      [`\\x${alike(["p:2"]).toString("hex")}`],
    );
  });

  test("keeps every entry when a caller adds past full", () => {
    const b = new EntryBatcher(keysOf, 2, 1_000_000);
    for (let p = 0; p < 3000; p++) for (const day of ["2026-04-02", "2026-04-01"]) b.add(ev(day, "crm", `cn_mobile:139${p}`, true, false));
    const batch = b.take();
    assert.equal(batch.size, 3000);
    assert.ok(rowsOf(batch).every((r) => r[3] === "2026-04-01"));
  });
});

for (const target of targets()) {
  test(`a transfer id with a comma and quotes reaches the ledger intact on ${target.name}`, async () => {
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
