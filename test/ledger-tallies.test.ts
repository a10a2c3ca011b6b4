/**
 * Counts come from day tallies kept on import. Import after import — people coming back with
 * earlier dates, the rules changing on 2024-03-22, a transfer becoming exempt in a new version of
 * the map — every count must still equal distinct people by an oracle over the raw events.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import type { DataMap } from "../src/engine/datamap.js";
import { parseDataMap } from "../src/engine/load.js";
import { countLedger } from "../src/ledger/count.js";
import { toEvent } from "../src/ledger/events.js";
import { type EventInput, importEvents, recordEvents } from "../src/ledger/import.js";
import { countedTransfers } from "../src/ledger/tallies.js";
import { type Store, openStore } from "../src/store/open.js";
import { sql } from "kysely";
import { seededRandom } from "./helpers.js";
import { dropTestSchemas, targets, suiteOn } from "./ledger-helpers.js";

after(dropTestSchemas);
const dir = mkdtempSync(join(tmpdir(), "xborder-tallies-"));
process.env.XBORDER_SECRET_FILE ??= join(dir, "secret.key");

const mapWith = (opsPurpose: string) =>
  parseDataMap(
    `xborder: 1
processor: { name: A, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets: [ { id: c, personalInformation: true, subjects: [employees] } ]
transfers:
  - { id: crm, dataset: c, recipient: hq, purpose: other }
  - { id: ops, dataset: c, recipient: hq, purpose: ${opsPurpose}, necessary: true, labourRules: true, collectiveContract: true }
  - { id: hr, dataset: c, recipient: hq, purpose: cross_border_hr, necessary: true, labourRules: true, collectiveContract: true }
`,
    "map.yaml",
  );
const before = mapWith("other");
const later = mapWith("cross_border_hr"); // ops becomes exempt (CBDF-2024 Art 5(1)(2))

const rnd = seededRandom(2024);
const pad = (n: number) => String(n).padStart(2, "0");
/** Five imports of events over 2023–2026, each reaching back over the whole range. */
const imports: EventInput[][] = Array.from({ length: 5 }, () =>
  Array.from({ length: 200 + Math.floor(rnd() * 600) }, () => {
    const r = rnd();
    return {
      date: `${2023 + Math.floor(rnd() * 4)}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`,
      transfer: r < 0.5 ? "crm" : r < 0.8 ? "ops" : "hr",
      person: `139${String(Math.floor(rnd() * 400)).padStart(8, "0")}`,
      sensitive: rnd() < 0.15,
    };
  }),
);
const DATES = ["2023-12-31", "2024-03-21", "2024-03-22", "2024-07-01", "2024-12-31", "2025-01-01", "2025-09-30", "2026-12-31"];

function oracle(events: EventInput[], map: DataMap, asOf: string, from: string) {
  const counted = countedTransfers(map, asOf);
  const inWindow = events.filter((e) => e.date >= from && e.date <= asOf);
  const distinct = (f: (e: EventInput) => boolean) => new Set(inWindow.filter(f).map((e) => e.person)).size;
  const transfers: Record<string, { general: number; sensitive: number; counted: boolean }> = {};
  for (const t of ["crm", "ops", "hr"])
    transfers[t] = {
      general: distinct((e) => e.transfer === t),
      sensitive: distinct((e) => e.transfer === t && !!e.sensitive),
      counted: !!counted[t],
    };
  return {
    cumulative: { general: distinct((e) => !!counted[e.transfer]), sensitive: distinct((e) => !!counted[e.transfer] && !!e.sensitive) },
    transfers,
  };
}

for (const target of targets()) {
  suiteOn(target, `day tallies on ${target.name}`, () => {
    test("after each of five imports, and after the map changes, counts equal the oracle", async () => {
      const store = await openStore(target.fresh());
      try {
        const seen: EventInput[] = [];
        for (const [i, batch] of imports.entries()) {
          const map = i < 3 ? before : later; // from the fourth import on, ops is exempt
          // Many partitions of the key range: every import merges into many buckets in turns.
          // Odd imports come from a file (read on a worker thread), even ones from a program.
          const options = { partitions: 16 };
          if (i % 2 === 1) {
            const file = join(dir, `${target.name}-${i}.csv`);
            const rows = batch.map((e) => `${e.date},${e.transfer},${e.person},true,${!!e.sensitive}`);
            writeFileSync(file, `date,transfer,person,general,sensitive\n${rows.join("\n")}\n`);
            const r = await importEvents(store, file, map, options);
            assert.deepEqual([r.status, r.rows], ["imported", batch.length]);
          } else assert.equal((await recordEvents(store, map, `import-${i}`, batch, options)).status, "imported");
          seen.push(...batch);
          // With the map of this import, and with the other one (its union sets are registered
          // by the next import of that map, or kept since an earlier one).
          for (const m of [map, map === before ? later : before])
            for (const asOf of DATES) {
              const c = await countLedger(store, m, asOf);
              const want = oracle(seen, m, asOf, c.window.from);
              assert.deepEqual(
                { cumulative: c.cumulative, transfers: c.transfers },
                want,
                `import ${i}, ${asOf}, ${m === before ? "ops counted" : "ops exempt"}`,
              );
            }
        }
        // The CBDF-2024 window is the calendar year; before 2024-03-22 it began 1 January of the previous year.
        assert.deepEqual((await countLedger(store, before, "2024-03-21")).window, { from: "2023-01-01", to: "2024-03-21" });
        assert.deepEqual((await countLedger(store, before, "2024-03-22")).window, { from: "2024-01-01", to: "2024-03-22" });
      } finally {
        await store.close();
      }
    });
  });

  suiteOn(target, `migration to entries by person on ${target.name}`, () => {
    /** Counts for every date equal the oracle over `events`. */
    async function assertCounts(store: Store, events: EventInput[], when: string) {
      for (const asOf of DATES) {
        const c = await countLedger(store, before, asOf);
        assert.deepEqual(
          { cumulative: c.cumulative, transfers: c.transfers },
          oracle(events, before, asOf, c.window.from),
          `${when}, ${asOf}`,
        );
      }
    }

    test("a ledger written by an earlier version keeps its counts, and imports go on from it", async () => {
      const location = target.fresh();
      // Entries as versions before migration 0004 kept them: (year, transfer id, person key).
      const old = await openStore(location, { migrateUpTo: "0001_ledger" });
      try {
        const first = new Map<string, { year: number; transfer: string; canonical: string; g: string; s: string | null }>();
        for (const [i, e] of imports[0]!.entries()) {
          const ev = toEvent({ ...e }, i, `events[${i}]`, new Set(["crm", "ops", "hr"]), ".");
          const id = `${ev.date.slice(0, 4)}|${ev.transfer}|${ev.canonical}`;
          const was = first.get(id);
          const s = ev.sensitive ? ev.date : null;
          if (!was) first.set(id, { year: Number(ev.date.slice(0, 4)), transfer: ev.transfer, canonical: ev.canonical, g: ev.date, s });
          else {
            if (ev.date < was.g) was.g = ev.date;
            if (s && (!was.s || s < was.s)) was.s = s;
          }
        }
        const rows = [...first.values()];
        const keys = old.keyer.keyMany(rows.map((r) => r.canonical));
        await sql`insert into ledger_first_seen (year, transfer_id, person_key, first_general, first_sensitive) values ${sql.join(
          rows.map((r, i) => sql`(${r.year}, ${r.transfer}, ${keys.subarray(32 * i, 32 * i + 32)}, ${r.g}::date, ${r.s}::date)`),
        )}`.execute(old.db);
      } finally {
        await old.close();
      }
      const store = await openStore(location); // 0002 (day tallies), 0003, 0004 (entries by person), 0005 (entries in buckets)
      try {
        await assertCounts(store, imports[0]!, "after the migration");
        assert.equal((await recordEvents(store, before, "after-migration", imports[1]!)).status, "imported");
        await assertCounts(store, [...imports[0]!, ...imports[1]!], "after an import");
        const tables = await sql<{ name: string }>`
          select table_name as name from information_schema.tables where table_schema = current_schema() and table_name like 'ledger_%'`.execute(
          store.db,
        );
        const names = tables.rows.map((r) => r.name);
        assert.ok(
          names.includes("ledger_bucket") &&
            !names.includes("ledger_entry") &&
            !names.includes("ledger_first_seen") &&
            !names.includes("ledger_union_first"),
          names.join(", "),
        );
      } finally {
        await store.close();
      }
    });
  });
}
