/**
 * The table of issue 32 ("Speed where people wait") from the benches' own results, run last by
 * `npm run bench`: each row with what its bench measured and the reference it measured in the same
 * run (a row whose bench has not written its file yet says so). Writes bench/results/issue-32.json.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus } from "node:os";
import { join } from "node:path";

const dir = join(import.meta.dirname, "results");
const read = (file: string): Record<string, unknown> | null =>
  existsSync(join(dir, file)) ? (JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, unknown>) : null;

const ledger = read("ledger.json");
const setup = read("setup.json");
const rows = [
  {
    what: "overview page with a cookie, 50 connections; the API while pages are under load",
    goal: "page p99 < 50 ms and ≥ 1/3 of the API's throughput; the API ≥ 80 % of the API alone",
    reference: "the token API's assessment, alone and beside the pages, in the same run",
    bench: "bench/server.ts",
    measured: read("server.json"),
  },
  {
    what: `ledger import, ${String(ledger?.events ?? "?")} events / ${String(ledger?.people ?? "?")} people`,
    goal: "≤ 3 × DuckDB, same counts",
    reference:
      "DuckDB loading the same CSV and counting HMAC-keyed distinct people (and its unkeyed lower bound), same run, counts checked equal",
    bench: "bench/ledger.ts",
    measured: ledger && {
      timesDuckdb: ledger.timesDuckdb,
      timesDuckdbUnkeyed: ledger.timesDuckdbUnkeyed,
      reference: ledger.reference,
      unkeyedReference: ledger.unkeyedReference,
      results: ledger.results,
      machine: ledger.machine,
      date: ledger.date,
    },
  },
  {
    what: "xborder scan, all detectors, one core",
    goal: "≥ 2 × the reference byte loop",
    reference: "a byte loop that finds only IDs and mobiles, pinned to the same core",
    bench: "bench/scan.ts",
    measured: read("scan.json"),
  },
  {
    what: "all five documents of a 1,000-transfer map as PDF",
    goal: "< 3 s; one shared browser",
    reference: "DOCX + HTML of the same documents",
    bench: "bench/documents.ts",
    measured: read("documents.json"),
  },
  {
    what: "first run: setup with the demo organisation",
    goal: "< 2 s, with progress",
    reference: "the same setup without the demo, same run",
    bench: "bench/setup.ts",
    measured: setup,
  },
];
const out = join(dir, "issue-32.json");
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), machine: { cores: availableParallelism(), cpu: cpus()[0]?.model }, rows }, null, 2)}\n`,
);
console.log(`wrote ${out}`);
