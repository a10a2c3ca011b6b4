/** Events from Parquet files and from programs (library API batches). */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parquetWriteBuffer } from "hyparquet-writer";
import { parseDataMap } from "../src/engine/load.js";
import { countLedger } from "../src/ledger/count.js";
import { EventError } from "../src/ledger/events.js";
import { importEvents, recordEvents } from "../src/ledger/import.js";
import { type Store, openStore } from "../src/store/open.js";
import { seededRandom } from "./helpers.js";

const dir = mkdtempSync(join(tmpdir(), "xborder-api-"));
process.env.XBORDER_SECRET_FILE = join(dir, "secret.key");
const map = parseDataMap(
  `xborder: 1
processor: { name: A, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets: [ { id: c, personalInformation: true } ]
transfers: [ { id: crm, dataset: c, recipient: hq, purpose: other }, { id: ops, dataset: c, recipient: hq, purpose: other } ]
`,
  "map.yaml",
);

let store: Store;
before(async () => {
  store = await openStore(join(dir, "db"));
});
after(async () => {
  await store.close();
});

describe("Parquet events", () => {
  test("are imported like CSV rows, dates and flags included", async () => {
    const file = join(dir, "events.parquet");
    const buf = parquetWriteBuffer({
      columnData: [
        { name: "date", data: ["2026-03-01", "2026-03-02", "2026-04-01"], type: "STRING" },
        { name: "transfer", data: ["crm", "crm", "ops"], type: "STRING" },
        { name: "person", data: ["13800138000", "+86 138 0013 8000", "a@example.com"], type: "STRING" },
        { name: "sensitive", data: [false, true, false], type: "BOOLEAN" },
      ],
    });
    writeFileSync(file, Buffer.from(buf));
    const r = await importEvents(store, file, map);
    assert.equal(r.status, "imported");
    assert.equal(r.rows, 3);
    const c = await countLedger(store, map, "2026-12-31");
    assert.deepEqual(c.cumulative, { general: 2, sensitive: 1 });
    assert.equal((await importEvents(store, file, map)).status, "unchanged");
  });
  test("a bad row names the file and row", async () => {
    const file = join(dir, "bad.parquet");
    const buf = parquetWriteBuffer({
      columnData: [
        { name: "date", data: ["2026-03-01", "March 2"], type: "STRING" },
        { name: "transfer", data: ["crm", "crm"], type: "STRING" },
        { name: "person", data: ["x@example.com", "y@example.com"], type: "STRING" },
      ],
    });
    writeFileSync(file, Buffer.from(buf));
    await assert.rejects(
      importEvents(store, file, map),
      (e: Error) => e instanceof EventError && e.message.endsWith('bad.parquet: row 2: date: expected a date YYYY-MM-DD, got "March 2"'),
    );
  });
  test("a corrupt file is a clear error", async () => {
    const file = join(dir, "corrupt.parquet");
    writeFileSync(file, "not parquet at all");
    await assert.rejects(importEvents(store, file, map), /corrupt\.parquet: not a readable Parquet file/);
  });
});

describe("event files read on a worker thread", () => {
  test("a bad row after many batches have been written rejects the whole file, with its line", async () => {
    const before = await countLedger(store, map, "2026-12-31");
    const rows = Array.from(
      { length: 500 },
      (_, i) => `2026-06-${String(1 + (i % 28)).padStart(2, "0")},crm,139${String(70_000_000 + i)},true,false`,
    );
    rows[398] = "2026-02-30,crm,13912345678,true,false"; // line 400 of the file (the header is line 1)
    const file = join(dir, "late-bad.csv");
    writeFileSync(file, `date,transfer,person,general,sensitive\n${rows.join("\n")}\n`);
    await assert.rejects(
      importEvents(store, file, map, { partitions: 8 }),
      (e: Error) => e instanceof EventError && /late-bad\.csv:400: date: /.test(e.message),
    );
    assert.deepEqual(await countLedger(store, map, "2026-12-31"), before);
    rows[398] = "2026-02-28,crm,13912345678,true,false";
    writeFileSync(file, `date,transfer,person,general,sensitive\n${rows.join("\n")}\n`);
    const r = await importEvents(store, file, map, { partitions: 8 });
    assert.deepEqual([r.status, r.rows, r.entries], ["imported", 500, 500]);
    const after = await countLedger(store, map, "2026-12-31");
    assert.equal(after.cumulative.general, before.cumulative.general + 500);
  });

  test("reports the entries written or moved earlier: a person sent several times once, a later date not at all", async () => {
    const person = (i: number) => `139${String(71_000_000 + i)}`;
    // 60 people, each on three days, in 8 partitions by key: 60 entries.
    const rows = [3, 2, 1].flatMap((d) => Array.from({ length: 60 }, (_, i) => `2026-07-0${d},crm,${person(i)},true,false`));
    const file = join(dir, "repeats.csv");
    writeFileSync(file, `date,transfer,person,general,sensitive\n${rows.join("\n")}\n`);
    const r = await importEvents(store, file, map, { partitions: 8 });
    assert.deepEqual([r.rows, r.entries], [180, 60]);
    // Again, later: nothing moves. Ten of them earlier: ten entries move.
    const later = join(dir, "repeats-later.csv");
    writeFileSync(later, `date,transfer,person,general,sensitive\n${rows.map((l) => l.replace("2026-07-", "2026-08-")).join("\n")}\n`);
    assert.deepEqual([(await importEvents(store, later, map)).entries], [0]);
    const earlier = join(dir, "repeats-earlier.csv");
    const ten = Array.from({ length: 10 }, (_, i) => `2026-06-30,crm,${person(i)},true,false`);
    writeFileSync(earlier, `date,transfer,person,general,sensitive\n${ten.join("\n")}\n`);
    assert.deepEqual([(await importEvents(store, earlier, map)).entries], [10]);
  });

  test("a file read by several threads, each a part of its lines, gives the same counts and the first bad row's line", async () => {
    // The same people in every part of the file, so that the parts' entries must be merged.
    const rows = Array.from(
      { length: 900 },
      (_, i) => `2026-0${1 + (i % 9)}-1${i % 10},${i % 2 ? "crm" : "ops"},139${String(72_000_000 + (i % 250))},true,${i % 7 === 0}`,
    );
    const lines = ["date,transfer,person,general,sensitive", ...rows];
    const whole = await openStore(mkdtempSync(join(tmpdir(), "xborder-whole-")));
    const split = await openStore(mkdtempSync(join(tmpdir(), "xborder-split-")));
    try {
      for (const [name, body] of [
        ["parts.csv", `${lines.join("\n")}\n`],
        [
          "parts.jsonl",
          `${rows.map((r) => JSON.stringify(Object.fromEntries(r.split(",").map((v, k) => [lines[0]!.split(",")[k], v])))).join("\n")}\n`,
        ],
      ] as const) {
        const file = join(dir, name);
        writeFileSync(file, body);
        await importEvents(whole, file, map, { readers: 1 });
        const r = await importEvents(split, file, map, { readers: 3, partitions: 4 });
        assert.equal(r.rows, 900);
        for (const asOf of ["2026-03-31", "2026-12-31"])
          assert.deepEqual(await countLedger(split, map, asOf), await countLedger(whole, map, asOf), `${name} as of ${asOf}`);
      }
      // Bad rows at lines 500 and 850 (the header is line 1), in the second and the third of the
      // three parts: each part fails on its own; the first in the file is the one reported, also
      // from JSON Lines.
      const bad = [...lines];
      bad[499] = "2026-02-30,crm,13912345678,true,false";
      bad[849] = "2026-13-01,crm,13912345678,true,false";
      writeFileSync(join(dir, "parts-bad.csv"), `${bad.join("\n")}\n`);
      const before = await countLedger(split, map, "2026-12-31");
      await assert.rejects(
        importEvents(split, join(dir, "parts-bad.csv"), map, { readers: 3 }),
        (e: Error) => e instanceof EventError && /parts-bad\.csv:500: date: .*2026-02-30/.test(e.message),
      );
      const json = rows.map((r) => JSON.stringify({ date: r.slice(0, 10), transfer: "crm", person: r.split(",")[2] }));
      json[400] = JSON.stringify({ date: "2026-02-30", transfer: "crm", person: "13912345678" });
      json[850] = JSON.stringify({ date: "2026-13-01", transfer: "crm", person: "13912345678" });
      writeFileSync(join(dir, "parts-bad.jsonl"), `${json.join("\n")}\n`);
      await assert.rejects(
        importEvents(split, join(dir, "parts-bad.jsonl"), map, { readers: 3 }),
        (e: Error) => e instanceof EventError && /parts-bad\.jsonl:401: date: .*2026-02-30/.test(e.message),
      );
      assert.deepEqual(await countLedger(split, map, "2026-12-31"), before, "nothing changed");
    } finally {
      await whole.close();
      await split.close();
    }
  });
});

describe("library API batches", () => {
  test("recordEvents is all or nothing and idempotent by batch id", async () => {
    const before = (await countLedger(store, map, "2026-12-31")).cumulative.general;
    const events = [
      { date: "2026-05-01", transfer: "ops", person: "b@example.com" },
      { date: "2026-05-02", transfer: "ops", person: "B@Example.com", sensitive: true },
    ];
    assert.equal((await recordEvents(store, map, "2026-05-batch-1", events)).status, "imported");
    assert.equal((await countLedger(store, map, "2026-12-31")).cumulative.general, before + 1);
    assert.equal((await recordEvents(store, map, "2026-05-batch-1", events)).status, "unchanged");
    await assert.rejects(
      recordEvents(store, map, "2026-05-batch-2", [...events, { date: "2026-05-03", transfer: "nope", person: "c@example.com" }]),
      /events\[2\]\.transfer: no transfer with id "nope"/,
    );
    assert.equal((await countLedger(store, map, "2026-12-31")).cumulative.general, before + 1, "the failed batch wrote nothing");
  });
});

describe("one process at a time in an embedded ledger", () => {
  test("a second opener waits for the first, then a stale lock (dead pid) is taken over", async () => {
    const { lockDirectory, LockError } = await import("../src/store/lock.js");
    const d = mkdtempSync(join(tmpdir(), "xborder-lock-"));
    const release = await lockDirectory(d);
    await assert.rejects(
      lockDirectory(d, 300),
      (e: Error) => e instanceof LockError && /in use by another xborder process/.test(e.message),
    );
    release();
    const again = await lockDirectory(d, 300);
    again();
    writeFileSync(join(d, "lock"), "999999999"); // a pid that does not exist, as after SIGKILL
    const taken = await lockDirectory(d, 300);
    taken();
  });
});

describe("counts over a two-year window (rules before 2024-03-22: from 1 January of the previous year)", () => {
  test("per transfer and in all equal distinct people by an oracle, people spanning both years counted once", async () => {
    const own = await openStore(join(mkdtempSync(join(tmpdir(), "xborder-2y-")), "db"));
    try {
      const rnd = seededRandom(9);
      const events = Array.from({ length: 3000 }, () => ({
        date: `${2022 + Math.floor(rnd() * 2)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, "0")}-${String(1 + Math.floor(rnd() * 28)).padStart(2, "0")}`,
        transfer: rnd() < 0.5 ? "crm" : "ops",
        person: `139${String(Math.floor(rnd() * 800)).padStart(8, "0")}`,
        sensitive: rnd() < 0.2,
      }));
      await recordEvents(own, map, "two-years", events);
      for (const asOf of ["2023-06-30", "2023-12-31"]) {
        const inWindow = events.filter((e) => e.date >= "2022-01-01" && e.date <= asOf);
        const distinct = (f: (e: (typeof events)[number]) => boolean) => new Set(inWindow.filter(f).map((e) => e.person)).size;
        const c = await countLedger(own, map, asOf);
        assert.deepEqual(c.window, { from: "2022-01-01", to: asOf });
        assert.deepEqual(c.cumulative, { general: distinct(() => true), sensitive: distinct((e) => e.sensitive) }, asOf);
        for (const t of ["crm", "ops"])
          assert.deepEqual(
            { general: c.transfers[t]?.general, sensitive: c.transfers[t]?.sensitive },
            { general: distinct((e) => e.transfer === t), sensitive: distinct((e) => e.transfer === t && e.sensitive) },
            `${asOf} ${t}`,
          );
      }
    } finally {
      await own.close();
    }
  });
});
