/**
 * Workspace benchmark (issue 16's speed goals), in one run on this machine:
 * - the assessment of a 1,000-transfer map over the API under 50 concurrent clients (autocannon),
 *   beside a bare Node HTTP server answering a fixed JSON of the same size (the reference);
 * - the overview API's requests per second (the demo organisation, its ledger);
 * - both against the embedded store and, with $XBORDER_BENCH_PG_URL or $XBORDER_TEST_PG_URL, PostgreSQL;
 * - the demo's first page ready in Chromium (when /usr/bin/chromium is there);
 * - the JavaScript sent to the browser, gzipped.
 * Goals: p99 < 50 ms; overview ≥ 1,000 req/s; first page < 1 s; JavaScript < 250 KB gzipped.
 * Writes bench/results/server.json.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { spawn } from "node:child_process";

const AUTOCANNON = join(import.meta.dirname, "..", "node_modules", "autocannon", "autocannon.js");
import { hasChromium, launchChromium } from "../src/chromium.js";
import { startServer } from "../src/server/serve.js";

const DURATION = Number(process.env.XBORDER_BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;

function bigMap(): string {
  const lines = ["xborder: 1", 'asOf: "2026-06-30"', 'processor: { name: Bench, region: "310115" }', "recipients:"];
  for (let i = 0; i < 50; i++) lines.push(`  - { id: r${i}, region: ${["US", "DE", "SG", "HK", "MO"][i % 5]} }`);
  lines.push("datasets:");
  for (let i = 0; i < 100; i++) lines.push(`  - { id: d${i}, sensitive: [${i % 3 === 0 ? "financial_account" : ""}] }`);
  lines.push("transfers:");
  for (let i = 0; i < 1000; i++)
    lines.push(
      `  - { id: t${i}, dataset: d${i % 100}, recipient: r${i % 50}, necessary: true, purpose: ${i % 7 === 0 ? "contract_with_individual" : "other"}, persons: { general: ${(i * 37) % 500}, sensitive: ${i % 3 === 0 ? 1 : 0} } }`,
    );
  return `${lines.join("\n")}\n`;
}

interface Load {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
}

/** autocannon in its own process, so the load does not share the server's event loop. */
async function load(url: string, o: { method?: "GET" | "POST"; body?: string; headers?: Record<string, string> } = {}): Promise<Load> {
  const args = [AUTOCANNON, "-c", String(CONNECTIONS), "-d", String(DURATION), "-m", o.method ?? "GET", "--json"];
  if (o.body !== undefined) args.push("-b", o.body);
  for (const [k, v] of Object.entries(o.headers ?? {})) args.push("-H", `${k}=${v}`);
  args.push(url);
  // Asynchronously: the server under load may be in this very process.
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (code !== 0) throw new Error(`autocannon: ${err}`);
  const j = JSON.parse(out) as {
    requests: { average: number };
    latency: { p50: number; p99: number; max: number };
    errors: number;
    non2xx: number;
  };
  return {
    requestsPerSecond: j.requests.average,
    p50: j.latency.p50,
    p99: j.latency.p99,
    max: j.latency.max,
    errors: j.errors,
    non2xx: j.non2xx,
  };
}

async function setUp(base: string, setupUrl: string): Promise<{ cookie: string; token: string }> {
  const form = new URLSearchParams({ email: "bench@example.com", password: "correct horse battery staple", org: "Bench", demo: "1" });
  const r = await fetch(setupUrl, { method: "POST", body: form, redirect: "manual" });
  const cookie = r.headers
    .getSetCookie()
    .find((c) => c.startsWith("xb_session="))!
    .split(";")[0]!;
  const page = await (await fetch(`${base}/orgs`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
  const t = await fetch(`${base}/api/v1/orgs/bench/tokens`, {
    method: "POST",
    headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
    body: JSON.stringify({ name: "bench", role: "editor", days: 1 }),
  });
  return { cookie, token: ((await t.json()) as { token: string }).token };
}

async function store(name: string, db: string) {
  const run = await startServer({ db, port: 0, host: "127.0.0.1" });
  try {
    const { cookie, token } = await setUp(run.url, run.setupUrl!);
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const put = await fetch(`${run.url}/api/v1/orgs/bench/datamap`, { method: "PUT", headers: auth, body: bigMap() });
    if (put.status !== 201) throw new Error(`PUT: ${put.status} ${await put.text()}`);
    const body = JSON.stringify({ asOf: "2026-06-30" });
    const first = await fetch(`${run.url}/api/v1/orgs/bench/assess`, { method: "POST", headers: auth, body });
    const assessment = await first.text();
    mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
    writeFileSync(join(import.meta.dirname, "results", ".assessment.json"), assessment);
    const assess = await load(`${run.url}/api/v1/orgs/bench/assess`, { method: "POST", body, headers: auth });
    // What a real client (a browser, fetch, curl --compressed) gets: the cached gzip of the same JSON.
    const assessGzip = await load(`${run.url}/api/v1/orgs/bench/assess`, {
      method: "POST",
      body,
      headers: { ...auth, "accept-encoding": "gzip" },
    });
    const demoToken = await (async () => {
      const page = await (await fetch(`${run.url}/orgs`, { headers: { cookie } })).text();
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
      const t = await fetch(`${run.url}/api/v1/orgs/demo/tokens`, {
        method: "POST",
        headers: { cookie, "x-csrf-token": csrf, "content-type": "application/json" },
        body: JSON.stringify({ name: "bench", role: "viewer", days: 1 }),
      });
      return ((await t.json()) as { token: string }).token;
    })();
    const overview = await load(`${run.url}/api/v1/orgs/demo/overview`, { headers: { authorization: `Bearer ${demoToken}` } });
    let firstPageMs: number | null = null;
    if (name === "embedded PGlite" && hasChromium()) {
      const browser = await launchChromium();
      try {
        const ctx = await browser.newContext();
        await ctx.addCookies([{ name: "xb_session", value: cookie.split("=")[1]!, url: run.url }]);
        const page = await ctx.newPage();
        await page.goto(`${run.url}/o/demo`); // warm: the first request opens the organisation's ledger
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t0 = Date.now();
          await page.goto(`${run.url}/o/demo`, { waitUntil: "load" });
          times.push(Date.now() - t0);
        }
        firstPageMs = times.sort((a, b) => a - b)[2]!;
      } finally {
        await browser.close();
      }
    }
    return { store: name, assessmentBytes: assessment.length, assess, assessGzip, overview, firstPageMs };
  } finally {
    await run.close();
  }
}

/** The reference: a bare node:http server in its own process, answering a fixed JSON of `bytes` bytes. */
async function reference(bytes: number, gzip = false): Promise<Load> {
  const file = JSON.stringify(join(import.meta.dirname, "results", ".assessment.json"));
  const raw = `require("node:fs").readFileSync(${file})`;
  const code = `const b=${gzip ? `require("node:zlib").gzipSync(${raw})` : raw};require("node:http").createServer((q,s)=>{q.resume();q.on("end",()=>{s.writeHead(200,{"content-type":"application/json; charset=utf-8"${gzip ? ',"content-encoding":"gzip"' : ""}});s.end(b)})}).listen(0,"127.0.0.1",function(){console.log(this.address().port)})`;
  const child = spawn(process.execPath, ["-e", code], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const port = await new Promise<number>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(Number(d.toString().trim()))));
    return await load(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}" });
  } finally {
    child.kill();
  }
}

const results: Record<string, unknown> = { date: new Date().toISOString(), connections: CONNECTIONS, seconds: DURATION };
const stores = [await store("embedded PGlite", mkdtempSync(join(tmpdir(), "xborder-bench-ws-")))];
const pg = process.env.XBORDER_BENCH_PG_URL ?? process.env.XBORDER_TEST_PG_URL;
if (pg) {
  const u = new URL(pg);
  u.searchParams.set("schema", `xb_bench_${process.pid}`);
  stores.push(await store("PostgreSQL server", u.toString()));
}
const size = stores[0]!.assessmentBytes;
results.reference = {
  what: `bare node:http (its own process) answering the same ${size}-byte assessment JSON, fixed`,
  ...(await reference(size)),
};
results.referenceGzip = { what: "the same, gzipped once beforehand", ...(await reference(size, true)) };
rmSync(join(import.meta.dirname, "results", ".assessment.json"), { force: true });
results.stores = stores;
const js = readFileSync(join(import.meta.dirname, "..", "web", "app.js"));
results.javascriptGzipBytes = gzipSync(js).length;
results.goals = {
  assessP99Under50ms: stores.map((s) => ({
    store: s.store,
    plain: s.assess.requestsPerSecond > 0 && s.assess.non2xx === 0 && s.assess.p99 < 50,
    gzip: s.assessGzip.requestsPerSecond > 0 && s.assessGzip.non2xx === 0 && s.assessGzip.p99 < 50,
  })),
  overviewAtLeast1000rps: stores.map((s) => ({ store: s.store, met: s.overview.requestsPerSecond >= 1000 })),
  firstPageUnder1s: stores[0]!.firstPageMs === null ? null : stores[0]!.firstPageMs < 1000,
  javascriptUnder250kbGzip: (results.javascriptGzipBytes as number) < 250 * 1024,
};
mkdirSync(join(import.meta.dirname, "results"), { recursive: true });
const outFile = join(import.meta.dirname, "results", "server.json");
writeFileSync(outFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`${outFile}:\n${JSON.stringify(results, null, 2)}`);
if (pg) {
  const { default: pgmod } = await import("pg");
  const c = new pgmod.Client({ connectionString: pg });
  await c.connect();
  const { rows } = await c.query<{ nspname: string }>("select nspname from pg_namespace where starts_with(nspname, $1)", [
    `xb_bench_${process.pid}`,
  ]);
  for (const r of rows) await c.query(`drop schema ${r.nspname} cascade`);
  await c.end();
}
