/**
 * Ledger benchmark: import rate and as-of count latency, embedded PGlite and (when
 * $XBORDER_BENCH_PG_URL or $XBORDER_TEST_PG_URL is set) a PostgreSQL server, in the same run;
 * and the reference of issue 32 in the same run: DuckDB loading the same CSV into a database file
 * and counting the distinct HMAC-SHA-256-keyed people of each window and sensitivity (the same
 * counts, checked equal).
 *   npm run bench:ledger -- --events 10000000 --people 5000000
 * Writes bench/results/ledger.json.
 */
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { parseDataMap } from "../src/engine/load.js";
import { DuckDBInstance } from "@duckdb/node-api";
import { regimeOn } from "../src/engine/regimes/index.js";
import { countLedger } from "../src/ledger/count.js";
import { countedTransfers } from "../src/ledger/tallies.js";
import { loadOrCreateSecret } from "../src/identity/keys.js";
import { importEvents } from "../src/ledger/import.js";
import { ledgerStatus } from "../src/ledger/status.js";
import { openStore } from "../src/store/open.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "1000000" },
    people: { type: "string", default: "500000" },
    transfers: { type: "string", default: "20" },
  },
});
const EVENTS = Number(values.events);
const PEOPLE = Number(values.people);
const TRANSFERS = Number(values.transfers);

const dir = mkdtempSync(join(tmpdir(), "xborder-bench-"));
const map = parseDataMap(
  `xborder: 1
processor: { name: Bench, region: "310115" }
recipients: [ { id: hq, region: US } ]
datasets: [ { id: c, personalInformation: true, subjects: [employees] } ]
transfers:
${Array.from({ length: TRANSFERS }, (_, i) => `  - { id: t${i}, dataset: c, recipient: hq, purpose: ${i === 0 ? "cross_border_hr" : "other"}, necessary: true, labourRules: true, collectiveContract: true }`).join("\n")}
`,
  "bench-map.yaml",
);

async function writeEvents(file: string): Promise<void> {
  const out = createWriteStream(file);
  out.write("date,transfer,person,general,sensitive\n");
  let seed = 7;
  for (let i = 0; i < EVENTS; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    seed >>>= 0;
    const p = seed % PEOPLE;
    const month = 1 + (i % 12);
    const line = `2026-${String(month).padStart(2, "0")}-${String(1 + (p % 28)).padStart(2, "0")},t${p % TRANSFERS},139${String(p).padStart(8, "0")},true,${p % 50 === 0}\n`;
    if (!out.write(line)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r) => out.end(() => r()));
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const AS_OF = ["2026-03-31", "2026-06-30", "2026-12-31"] as const;

/**
 * The reference: DuckDB (all cores) loads the CSV into a database file with each person as
 * HMAC-SHA-256 under the same secret (computed in SQL: H(K^opad || H(K^ipad || person))), then
 * counts distinct keys per window, over the counted transfers, ordinary and sensitive. DuckDB has
 * no HMAC function, and the SQL one costs it string work; `keyed: false` is the lower bound: one
 * unkeyed SHA-256 of each person (not what a ledger may store, but the least hashing DuckDB can do).
 */
async function duckdb(keyed: boolean) {
  const secret = loadOrCreateSecret(process.env.XBORDER_SECRET_FILE!);
  const pad = (b: number) => {
    const k = Buffer.alloc(64);
    secret.copy(k);
    for (let i = 0; i < 64; i++) k[i]! ^= b;
    return k.toString("hex");
  };
  const person = keyed ? `sha256(unhex('${pad(0x5c)}') || unhex(sha256(unhex('${pad(0x36)}') || encode(person))))` : "sha256(person)";
  rmSync(join(dir, "duck.db"), { force: true });
  rmSync(join(dir, "duck.db.wal"), { force: true });
  const instance = await DuckDBInstance.create(join(dir, "duck.db"));
  const c = await instance.connect();
  try {
    const t0 = performance.now();
    await c.run(
      `create table events as select date, transfer, ${person} as person, general, sensitive
       from read_csv('${join(dir, "events.csv")}', header = true, columns = {date: 'DATE', transfer: 'VARCHAR', person: 'VARCHAR', general: 'BOOLEAN', sensitive: 'BOOLEAN'})`,
    );
    const loadSeconds = (performance.now() - t0) / 1000;
    const counts: Record<string, { general: number; sensitive: number }> = {};
    for (const asOf of AS_OF) {
      const w = regimeOn(asOf).window(asOf);
      const counted = Object.entries(countedTransfers(map, asOf))
        .filter(([, yes]) => yes)
        .map(([id]) => `'${id}'`);
      const r = await c.runAndReadAll(
        `select count(distinct person) filter (where general), count(distinct person) filter (where sensitive)
         from events where date between '${w.from}' and '${w.to}' and date <= '${asOf}' and transfer in (${counted.join(",")})`,
      );
      const [general, sensitive] = r.getRows()[0]!.map(Number);
      counts[asOf] = { general: general!, sensitive: sensitive! };
    }
    const seconds = (performance.now() - t0) / 1000;
    const result = {
      store: keyed ? "duckdb, HMAC-SHA-256 in SQL" : "duckdb, unkeyed SHA-256",
      loadSeconds: Number(loadSeconds.toFixed(2)),
      loadAndCountSeconds: Number(seconds.toFixed(2)),
      cumulative: counts,
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}

async function run(name: string, target: string) {
  const store = await openStore(target);
  try {
    peakRss = 0;
    const t0 = performance.now();
    const r = await importEvents(store, join(dir, "events.csv"), map);
    const importSeconds = (performance.now() - t0) / 1000;
    const latencies: Record<string, number> = {};
    const counts: Record<string, { general: number; sensitive: number }> = {};
    for (const asOf of AS_OF) {
      const times: number[] = [];
      for (let k = 0; k < 3; k++) {
        const s = performance.now();
        counts[asOf] = (await countLedger(store, map, asOf)).cumulative;
        times.push(performance.now() - s);
      }
      latencies[asOf] = Math.round(times.sort((a, b) => a - b)[1] ?? 0);
    }
    // `status`: bands, and the trend at every month end of the window (12 points).
    const s = performance.now();
    const trend = (await ledgerStatus(store, map, "2026-12-31")).trend.length;
    const statusMs = Math.round(performance.now() - s);
    const result = {
      store: name,
      events: r.rows,
      importSeconds: Number(importSeconds.toFixed(2)),
      /** Import plus one count of each date: what DuckDB's load-and-count does. */
      importAndCountSeconds: Number((importSeconds + AS_OF.reduce((sum, d) => sum + (latencies[d] ?? 0), 0) / 1000).toFixed(2)),
      eventsPerSecond: Math.round(r.rows / importSeconds),
      countMedianMs: latencies,
      statusMs,
      statusTrendPoints: trend,
      cumulative: counts,
      peakRssMiB: Math.round(peakRss / 2 ** 20),
    };
    console.log(JSON.stringify(result));
    return result;
  } finally {
    await store.close();
  }
}

process.env.XBORDER_SECRET_FILE ??= join(dir, "secret.key");
await writeEvents(join(dir, "events.csv"));
const reference = await duckdb(true);
const unkeyed = await duckdb(false);
const results = [await run("pglite", join(dir, "db"))];
const pgUrl = process.env.XBORDER_BENCH_PG_URL ?? process.env.XBORDER_TEST_PG_URL;
if (pgUrl) {
  const u = new URL(pgUrl);
  const schema = `xb_bench_${process.pid}`;
  u.searchParams.set("schema", schema);
  results.push(await run("postgres", u.toString()));
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
}
clearInterval(sampler);
mkdirSync("bench/results", { recursive: true });
for (const r of [...results, unkeyed]) {
  if (JSON.stringify(r.cumulative) !== JSON.stringify(reference.cumulative))
    throw new Error(`${r.store}: counts ${JSON.stringify(r.cumulative)} differ from DuckDB's ${JSON.stringify(reference.cumulative)}`);
}
const times = (over: { loadAndCountSeconds: number }) =>
  Object.fromEntries(results.map((r) => [r.store, Number((r.importAndCountSeconds / over.loadAndCountSeconds).toFixed(2))]));
const report = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) },
  events: EVENTS,
  people: PEOPLE,
  transfers: TRANSFERS,
  reference,
  unkeyedReference: unkeyed,
  /** xborder's import and counts over DuckDB's load and counts, keyed the same way (issue 32's goal: ≤ 3). */
  timesDuckdb: times(reference),
  /** The same over DuckDB's unkeyed lower bound. */
  timesDuckdbUnkeyed: times(unkeyed),
  results,
};
writeFileSync("bench/results/ledger.json", `${JSON.stringify(report, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
console.log("wrote bench/results/ledger.json");
