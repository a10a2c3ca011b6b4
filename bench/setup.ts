/**
 * First run (issue 32): a fresh embedded workspace's first start, then its setup link posted with
 * the demo organisation asked for — the time to the first step shown and to the end of the
 * progress page — and, in the same run, the same setup without the demo (the reference). With
 * $XBORDER_BENCH_PG_URL or $XBORDER_TEST_PG_URL, the same on a PostgreSQL server.
 * Writes bench/results/setup.json.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { startServer } from "../src/server/serve.js";

const root = mkdtempSync(join(tmpdir(), "xborder-bench-setup-"));
process.env.XBORDER_SECRET_FILE ??= join(root, "secret.key");

async function firstRun(db: string, demo: boolean) {
  const t0 = performance.now();
  const run = await startServer({ db, port: 0, host: "127.0.0.1" });
  const startSeconds = (performance.now() - t0) / 1000;
  try {
    const form = new URLSearchParams({
      email: "owner@bench.example",
      password: "correct horse battery staple",
      org: "Bench",
      ...(demo ? { demo: "1" } : {}),
    });
    const t1 = performance.now();
    const r = await fetch(`${run.url}${new URL(run.setupUrl!).pathname}`, {
      method: "POST",
      body: form,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    // The first step shown, and the end of the page.
    const reader = r.body!.getReader();
    const decoder = new TextDecoder();
    let body = "";
    let firstStepMs = NaN;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      body += decoder.decode(value, { stream: true });
      if (Number.isNaN(firstStepMs) && body.includes("<li>")) firstStepMs = performance.now() - t1;
    }
    const setupMs = performance.now() - t1;
    if (demo && !body.includes("3,000")) throw new Error(`the demo did not finish: ${body.slice(-500)}`);
    return {
      demo,
      startSeconds: Number(startSeconds.toFixed(2)),
      firstStepMs: demo ? Math.round(firstStepMs) : undefined,
      setupMs: Math.round(setupMs),
    };
  } finally {
    await run.close();
  }
}

const results: Record<string, unknown>[] = [];
for (const demo of [true, false]) {
  const r = { store: "pglite", ...(await firstRun(join(root, `ws-${demo}`), demo)) };
  console.log(JSON.stringify(r));
  results.push(r);
}
const pgUrl = process.env.XBORDER_BENCH_PG_URL ?? process.env.XBORDER_TEST_PG_URL;
const schemas: string[] = [];
if (pgUrl) {
  for (const demo of [true, false]) {
    const u = new URL(pgUrl);
    const schema = `xb_bench_setup_${process.pid}_${demo ? 1 : 0}`;
    schemas.push(schema);
    u.searchParams.set("schema", schema);
    const r = { store: "postgres", ...(await firstRun(u.toString(), demo)) };
    console.log(JSON.stringify(r));
    results.push(r);
  }
  const { default: pg } = await import("pg");
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  const { rows } = await c.query<{ nspname: string }>("select nspname from pg_namespace where nspname like $1", [
    `xb_bench_setup_${process.pid}_%`,
  ]);
  for (const { nspname } of rows) await c.query(`drop schema if exists ${nspname} cascade`);
  await c.end();
}
mkdirSync("bench/results", { recursive: true });
const report = {
  date: new Date().toISOString(),
  node: process.version,
  machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, loadAverage: loadavg().map((l) => Number(l.toFixed(2))) },
  /** Each: a fresh workspace's first start, and its setup with the demo and (the reference) without. */
  results,
};
writeFileSync("bench/results/setup.json", `${JSON.stringify(report, null, 2)}\n`);
rmSync(root, { recursive: true, force: true });
console.log("wrote bench/results/setup.json");
