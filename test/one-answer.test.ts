/**
 * One answer on every surface (issue 29 §1): for the demo organisation, whose ledger holds the
 * demo's events, the assessment page, the overview, compare, the API and the command line give
 * the same pathway for every transfer on the same date, all from the ledger's counts, and each
 * says so (人数来源：出境台账). The known case: `marketing-sg` (64,000 people in the map, far fewer
 * in the ledger). Then "apply to the data map" asks first, showing 64,000 → 2 and what it sets off.
 * Pages are read in Chromium where there is one (CI=true: a missing browser fails), and over HTTP.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { parse } from "yaml";
import type { Browser, BrowserContext } from "playwright-core";
import { todayInShanghai } from "../src/calendar/date.js";
import { chromiumPath, hasChromium, launchChromium } from "../src/chromium.js";
import { demoEventsCsv } from "../src/server/demo.js";
import type { Running } from "../src/server/serve.js";
import type { DataMap } from "../src/engine/datamap.js";
import { ROOT } from "./helpers.js";
import { boot, type Client, json, req, setUp } from "./server-helpers.js";

const DATE = "2026-11-22";
type Pathways = Record<string, string>;

/** The command line, run without blocking this process (whose server the pages are read from). */
async function xborder(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, [`${ROOT}bin/xborder.js`, ...args], { cwd: ROOT, maxBuffer: 64 << 20 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: x.code ?? 1, stdout: x.stdout ?? "", stderr: x.stderr ?? String(e) };
  }
}

const present = hasChromium();
if (!present && process.env.CI === "true")
  test("a browser for the one-answer test", () => assert.fail(`CI=true: no browser at ${chromiumPath()}`));

/** The pathways a page shows: its badges that name a transfer (`data-transfer`, `data-pathway`). */
function badges(page: string): Pathways {
  const out: Pathways = {};
  for (const m of page.matchAll(/data-transfer="([^"]+)" data-pathway="([^"]+)"/g)) out[m[1]!] = m[2]!;
  return out;
}

describe("one answer on every surface: the demo organisation's ledger", () => {
  let run: Running;
  let owner: Client;
  let dir: string;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), "xborder-one-"));
    run = await boot(join(dir, "ws"));
    owner = await setUp(run, "owner@one.example", "One", true);
    if (present) {
      browser = await launchChromium();
      context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
      const [name, value] = owner.cookie!.split("=") as [string, string];
      await context.addCookies([{ name, value, url: run.url }]);
    }
  });
  after(async () => {
    await browser?.close();
    await run?.close();
  });

  /** A page's HTML: rendered by Chromium where there is one, else as the server sends it. */
  async function pageHtml(path: string): Promise<string> {
    if (context) {
      const p = await context.newPage();
      const r = await p.goto(`${run.url}${path}`);
      assert.equal(r?.status(), 200, path);
      const out = await p.content();
      await p.close();
      return out;
    }
    const r = await req(run.url, path, { client: owner });
    assert.equal(r.status, 200, path);
    return r.text();
  }

  test("apply to the data map asks first: 64,000 → 2 and what it sets off; nothing saved until confirmed", async () => {
    const csv = "姓名,身份证号\n张三,110101199003078515\n李四,440305198807150023\n";
    const started = await json<{ id: number }>(
      await req(run.url, "/api/v1/orgs/demo/scans?name=customers.csv", { method: "POST", client: owner, body: csv }),
    );
    await run.deps.jobs.idle();
    const form = new URLSearchParams({ dataset: "marketing-profiles", transfer: "marketing-sg", _csrf: owner.csrf! });
    const preview = await req(run.url, `/o/demo/scans/${started.id}/apply`, {
      method: "POST",
      client: owner,
      type: "application/x-www-form-urlencoded",
      body: form,
    });
    assert.equal(preview.status, 200);
    const page = await preview.text();
    assert.match(page, /data-change="transfer:marketing-sg:persons"[\s\S]*?64,000[\s\S]*?一般个人信息 2 /);
    assert.match(page, /人数来源：出境台账/);
    assert.match(page, /name="confirm" value="1"/);
    const versions = await json<unknown[]>(await req(run.url, "/api/v1/orgs/demo/datamap/versions", { client: owner }));
    assert.equal(versions.length, 1, "nothing saved by the preview");
    const dry = await json<{ changes: { field?: string; before: unknown; after: unknown }[] }>(
      await req(run.url, `/api/v1/orgs/demo/scans/${started.id}/apply`, {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ dataset: "marketing-profiles", transfer: "marketing-sg", dryRun: true }),
      }),
    );
    const persons = dry.changes.find((c) => c.field === "persons");
    assert.deepEqual(persons?.before, { general: 64000, sensitive: 0 });
    assert.equal((persons?.after as { general: number }).general, 2);
    form.set("confirm", "1");
    const saved = await req(run.url, `/o/demo/scans/${started.id}/apply`, {
      method: "POST",
      client: owner,
      type: "application/x-www-form-urlencoded",
      body: form,
    });
    assert.equal(saved.status, 303);
    assert.match(saved.headers.get("location") ?? "", /saved=2$/);
  });

  test("the assessment page, the overview, compare, the API and the command line give the same pathways on the same date", async () => {
    const apiAssessment = await json<{ countsSource: string; transfers: { id: string; pathway: string }[] }>(
      await req(run.url, "/api/v1/orgs/demo/assess", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ asOf: DATE }),
      }),
    );
    assert.equal(apiAssessment.countsSource, "ledger");
    const api: Pathways = Object.fromEntries(apiAssessment.transfers.map((t) => [t.id, t.pathway]));
    assert.equal(Object.keys(api).length, 3);

    const assessmentPage = await pageHtml(`/o/demo/assessment?asOf=${DATE}`);
    assert.match(assessmentPage, /人数来源：出境台账/);
    const overviewPage = await pageHtml(`/o/demo?asOf=${DATE}`);
    assert.match(overviewPage, /人数来源：出境台账/);
    const comparePage = await pageHtml(`/o/demo/datamap/diff?from=1&to=2&asOf=${DATE}`);
    assert.match(comparePage, /人数来源：出境台账/);
    assert.deepEqual(badges(assessmentPage), api, "assessment page = API");
    assert.deepEqual(badges(overviewPage), api, "overview = API");
    assert.deepEqual(badges(comparePage), api, "compare = API");

    const overview = await json<{ countsSource: string; pathways: { transfer: string; pathway: string }[] }>(
      await req(run.url, `/api/v1/orgs/demo/overview?asOf=${DATE}`, { client: owner }),
    );
    assert.deepEqual(Object.fromEntries(overview.pathways.map((p) => [p.transfer, p.pathway])), api);
    const diff = await json<{
      countsSource: string;
      pathways: { transfer: string; after: string }[];
      consequences: { id: string; transfer: string }[];
    }>(await req(run.url, `/api/v1/orgs/demo/datamap/diff?from=1&to=2&asOf=${DATE}&lang=zh`, { client: owner }));
    assert.equal(diff.countsSource, "ledger");
    assert.deepEqual(Object.fromEntries(diff.pathways.map((p) => [p.transfer, p.after])), api);
    // The scan's 2 people in the map do not make marketing-sg lighter: the ledger's counts decide, as on the assessment.
    assert.deepEqual(
      diff.consequences.filter((c) => c.id === "pathway_lighter"),
      [],
      "no advice to stop a filing the assessment still requires",
    );

    const apiMapOnly = await json<typeof apiAssessment>(
      await req(run.url, "/api/v1/orgs/demo/assess", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ asOf: DATE, ledger: false }),
      }),
    );

    // The command line: the same map (version 2) with the same events in a ledger beside it, no --ledger needed.
    const text = await (await req(run.url, "/api/v1/orgs/demo/datamap", { client: owner })).text();
    const mapFile = join(dir, "map.yaml");
    writeFileSync(mapFile, text);
    const events = join(dir, "events.csv");
    writeFileSync(events, demoEventsCsv(parse(text) as DataMap));
    const imported = await xborder(["ledger", "import", events, "--map", mapFile, "--db", join(dir, ".xborder")]);
    assert.equal(imported.code, 0, imported.stderr);
    const cli = await xborder(["assess", mapFile, "--format", "json", "--as-of", DATE]);
    assert.equal(cli.code, 0, cli.stderr);
    const cliAssessment = JSON.parse(cli.stdout) as typeof apiAssessment;
    assert.equal(cliAssessment.countsSource, "ledger");
    assert.deepEqual(Object.fromEntries(cliAssessment.transfers.map((t) => [t.id, t.pathway])), api, "command line = API");
    assert.deepEqual(cliAssessment, apiAssessment, "the whole assessment is the same");
    const text2 = await xborder(["assess", mapFile, "--as-of", DATE, "--lang", "zh"]);
    assert.match(text2.stdout, /人数来源：出境台账/);
    // Opting out: the map's own persons, and it says so.
    const mapOnly = JSON.parse(
      (await xborder(["assess", mapFile, "--format", "json", "--as-of", DATE, "--no-ledger"])).stdout,
    ) as typeof apiAssessment;
    assert.equal(mapOnly.countsSource, "data_map");
    // The counts matter here: from the map's 64,000 people marketing-sg is not what the ledger makes it.
    assert.notEqual(mapOnly.transfers.find((t) => t.id === "marketing-sg")?.pathway, api["marketing-sg"]);
    assert.deepEqual(apiMapOnly, mapOnly);
  });

  test("the overview, the deadlines and the assessment are for today in Asia/Shanghai unless another date is chosen", async () => {
    const today = todayInShanghai();
    const o = await json<{ asOf: string }>(await req(run.url, "/api/v1/orgs/demo/overview", { client: owner }));
    assert.equal(o.asOf, today);
    const reg = await json<{ asOf: string; countsSource: string }>(await req(run.url, "/api/v1/orgs/demo/obligations", { client: owner }));
    assert.equal(reg.asOf, today);
    assert.equal(reg.countsSource, "ledger");
    const a = await json<{ asOf: string }>(
      await req(run.url, "/api/v1/orgs/demo/assess", { method: "POST", client: owner, type: "application/json", body: "{}" }),
    );
    assert.equal(a.asOf, today);
    // Reminders where a person lands on signing in: the demo's GBA filing (due 2026-10-15) is overdue today.
    const landing = await (await req(run.url, "/o/demo", { client: owner })).text();
    const m = /data-overdue="(\d+)" data-due="(\d+)"/.exec(landing);
    assert.ok(m && Number(m[1]) >= 1, "an overdue duty is a reminder on the overview");
    assert.match(landing, /提醒：待办义务[\s\S]*逾期/);
    for (const path of ["/o/demo", "/o/demo/assessment", "/o/demo/deadlines"]) {
      const page = await (await req(run.url, path, { client: owner })).text();
      assert.match(page, new RegExp(`id="asOf" name="asOf" type="date" value="${today}"`), path);
      assert.match(page, new RegExp(`href="[^"]*asOf=${DATE}"`), `${path}: the map's own date is one click away`);
    }
  });
});
