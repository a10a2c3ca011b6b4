/**
 * The web app in a real browser: Debian's Chromium driven by playwright-core (no browser download).
 * A new user's walk — setup link → first owner → demo organisation → overview → assessment →
 * upload events → counts → deadlines — in Chinese and in English, each page checked with axe-core
 * and kept as a screenshot in test-artifacts/screens/. Without a browser the tests skip with a
 * message; with CI=true a missing browser is a failure.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { chromiumPath, hasChromium, launchChromium } from "../src/chromium.js";
import type { Running } from "../src/server/serve.js";
import { ROOT } from "./helpers.js";
import { boot, setUp } from "./server-helpers.js";

const present = hasChromium();
const missing = `no browser at ${chromiumPath()} (apt-get install chromium; .ci/run does)`;
if (!present && process.env.CI === "true") {
  test("a browser for the web tests", () => assert.fail(`CI=true: ${missing}`));
}
const SHOTS = join(ROOT, "test-artifacts", "screens");
const AXE = readFileSync(join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8");

async function axe(page: Page, name: string): Promise<void> {
  // The page's CSP forbids inline script tags (as it should): evaluate axe's source through the debugger instead.
  await page.evaluate(AXE);
  const result = (await page.evaluate(async () => {
    const w = globalThis as unknown as {
      axe: { run: (o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> };
    };
    return w.axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa"] } });
  })) as { violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] };
  const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")})`,
    ),
    [],
    `${name}: accessibility errors`,
  );
}

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

describe("the web app in Chromium", { skip: present ? false : missing }, () => {
  let run: Running;
  let browser: Browser;
  before(async () => {
    run = await boot(mkdtempSync(join(tmpdir(), "xborder-web-")));
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await run?.close();
  });

  test("a new user: setup link → owner → demo → overview → assessment → upload → counts → deadlines, in both languages", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => {
      // The 422 is the wrong field the walk submits on purpose.
      if (m.type() === "error" && !/status of 422/.test(m.text())) errors.push(m.text());
    });
    await page.goto(run.setupUrl!);
    await shot(page, "01-setup");
    await axe(page, "setup");
    await page.fill("#email", "owner@example.com");
    await page.fill("#password", "correct horse battery staple");
    await page.fill("#org", "Acme Trading");
    await page.check("input[name=demo]");
    await page.click("button[type=submit]");
    await page.waitForURL(/\/o\/acme-trading$/);
    // The demo organisation: the example map and a ledger of invented people.
    await page.goto(`${run.url}/o/demo`);
    const started = Date.now();
    await page.waitForSelector("svg.chart");
    assert.ok(Date.now() - started < 10_000);
    assert.match((await page.textContent("h1")) ?? "", /概览/);
    await shot(page, "02-overview-zh");
    await axe(page, "overview");
    await page.click("nav >> text=评估");
    await page.waitForSelector("section.card h2");
    assert.match(await page.content(), /订立标准合同|免予申报|安全评估/);
    await page.click("details.cite >> nth=0");
    await shot(page, "03-assessment-zh");
    await axe(page, "assessment");
    await page.click("nav >> text=出境台账");
    const before = await page.textContent("#total-general");
    const csv = join(mkdtempSync(join(tmpdir(), "xborder-web-up-")), "events.csv");
    const rows = ["date,transfer,person"];
    for (let i = 0; i < 500; i++) rows.push(`2026-06-${String(1 + (i % 28)).padStart(2, "0")},marketing-sg,web-person-${i}`);
    writeFileSync(csv, `${rows.join("\n")}\n`);
    await page.setInputFiles("#events", csv);
    await page.click("form[data-upload] button[type=submit]");
    await page.waitForSelector(".notice[data-status]", { timeout: 60_000 });
    await page.waitForLoadState("load");
    await page.waitForFunction(
      (b) =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector(
          "#total-general",
        )?.textContent !== b,
      before,
      { timeout: 30_000 },
    );
    await shot(page, "04-ledger-zh");
    await axe(page, "ledger");
    await page.click("nav >> text=扫描");
    const scanFile = join(mkdtempSync(join(tmpdir(), "xborder-web-scan-")), "customers.csv");
    writeFileSync(scanFile, "姓名,身份证号,手机号\n张三,110101199003078515,13800138000\n李四,440305198807150023,13912345678\n");
    await page.setInputFiles("#files", scanFile);
    await page.click("form[enctype] button[type=submit]");
    await page.waitForURL(/\/scans$/);
    for (let i = 0; i < 40 && !(await page.$("td a[href*='/scans/']")); i++) {
      await page.waitForTimeout(250);
      await page.reload();
    }
    await page.click("td a[href*='/scans/']");
    await page.waitForSelector("text=cn_resident_id");
    assert.doesNotMatch(await page.content(), /110101199003078515/);
    await shot(page, "05a-scan-report-zh");
    await axe(page, "scan report");
    await page.click("nav >> text=期限");
    await page.waitForSelector("table");
    assert.match(await page.content(), /\/feeds\/[\w-]+\.ics/);
    await shot(page, "05-deadlines-zh");
    await axe(page, "deadlines");
    await page.click("nav >> text=数据地图");
    await shot(page, "06-datamap-zh");
    await axe(page, "datamap");
    // A wrong field: the CLI's message at the field, nothing saved.
    const text = await page.inputValue("#text");
    await page.fill("#text", text.replace("recipient: sg-platform", "recipient: nowhere"));
    await page.click("form[enctype] button[type=submit]");
    await page.waitForSelector("[role=alert]");
    assert.match((await page.textContent("[role=alert]")) ?? "", /transfers\[\d\]\.recipient/);
    await shot(page, "07-datamap-error-zh");
    // The same map as forms: a wrong number is shown at its field, then corrected and saved.
    await page.goto(`${run.url}/o/demo/datamap/edit/transfers`);
    await shot(page, "07a-datamap-forms-zh");
    await axe(page, "datamap forms");
    await page.fill("#f-0-persons-general", "-5");
    await page.click("#section-form button[type=submit]");
    await page.waitForSelector("#f-0-persons-general[aria-invalid=true]");
    assert.match((await page.textContent("#f-0-persons-general-err")) ?? "", /应为不小于0的整数/);
    await shot(page, "07b-datamap-forms-error-zh");
    await page.fill("#f-0-persons-general", "12345");
    await page.click("#section-form button[type=submit]");
    await page.waitForURL(/\/datamap\?saved=\d+/);
    const saved = await page.inputValue("#text");
    assert.match(saved, /general: 12345/);
    assert.match(saved, /^# /m, "the map's comments are kept");
    // Filings: the checklist, and a generated version to download.
    await page.click("nav >> text=申报材料");
    await page.waitForSelector("h2");
    await page.click("main form button[type=submit] >> nth=0");
    await page.waitForSelector("a[href*='format=docx']");
    await shot(page, "07c-filings-zh");
    await axe(page, "filings");
    // English, everywhere.
    await page.click("header >> text=English");
    await page.click("nav >> text=Overview");
    assert.match((await page.textContent("h1")) ?? "", /Overview/);
    await shot(page, "08-overview-en");
    await axe(page, "overview en");
    await page.click("nav >> text=Assessment");
    await shot(page, "09-assessment-en");
    await page.click("nav >> text=Audit log");
    assert.match((await page.textContent("[role=status]")) ?? "", /intact since/);
    await shot(page, "10-audit-en");
    await axe(page, "audit");
    await page.click("nav >> text=Members");
    await shot(page, "11-members-en");
    await axe(page, "members");
    assert.deepEqual(errors, [], "no script errors, no CSP violations");
    await context.close();
  });

  test("10. the language switch never leaves the site: /\\host, //host and a tab in the path stay here", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const here = new URL(run.url).origin;
    for (const next of ["/\\evil.example/x", "//evil.example/x", "/\t/evil.example/x", "/%2F%2Fevil.example"]) {
      await page.goto(`${run.url}/lang/en?next=${encodeURIComponent(next)}`).catch(() => undefined);
      assert.equal(new URL(page.url()).origin, here, `${JSON.stringify(next)} went to ${page.url()}`);
    }
    await context.close();
  });
});

describe("every page at 1366 and 390 px", { skip: present ? false : missing }, () => {
  let run: Running;
  let browser: Browser;
  before(async () => {
    run = await boot(mkdtempSync(join(tmpdir(), "xborder-web-sizes-")));
    await setUp(run, "owner@example.com", "Acme", true);
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await run?.close();
  });

  async function signInAs(page: Page): Promise<void> {
    await page.goto(`${run.url}/signin`);
    await page.fill("#email", "owner@example.com");
    await page.fill("#password", "correct horse battery staple");
    await page.click("main button[type=submit]");
    await page.waitForURL(/\/o\//);
  }

  test("no sideways scrolling on a phone; a skip link; no empty table header; times in Asia/Shanghai; sources named as instruments", async () => {
    const pages = [
      "",
      "/datamap",
      "/datamap/edit/transfers",
      "/assessment",
      "/ledger",
      "/scans",
      "/deadlines",
      "/filings",
      "/audit",
      "/members",
    ];
    const overflowing: string[] = [];
    for (const width of [1366, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      await signInAs(page);
      for (const p of pages) {
        await page.goto(`${run.url}/o/demo${p}`);
        const name = `sizes-${width}-${p.replace(/\//g, "_") || "_overview"}`;
        await shot(page, name);
        const wide = await page.evaluate(() => {
          const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document;
          return d.documentElement.scrollWidth - d.documentElement.clientWidth;
        });
        if (wide > 0) overflowing.push(`${width}px ${p || "/"}: ${wide}px too wide`);
        assert.equal(await page.locator("th:empty").count(), 0, `${p || "/"}: an empty table header`);
        assert.equal(await page.locator("a.skip[href='#main']").count(), 1, `${p || "/"}: a skip link`);
      }
      if (width === 390) {
        await page.goto(`${run.url}/o/demo`);
        await page.keyboard.press("Tab");
        assert.equal(
          await page.evaluate(
            () => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className,
          ),
          "skip",
        );
      }
      await context.close();
    }
    assert.deepEqual(
      overflowing.filter((o) => / (\/|\/datamap)$/.test(o.split(":")[0]!)),
      [],
      "overview and data map fit a phone",
    );
    assert.deepEqual(overflowing, [], "every page fits");
    const ctx = await browser.newContext({ locale: "zh-CN" });
    const page = await ctx.newPage();
    await signInAs(page);
    await page.goto(`${run.url}/o/demo/audit`);
    const stamp = await page.getAttribute("time", "datetime");
    const shown = (await page.textContent("time")) ?? "";
    const utc = new Date(stamp!);
    const shanghai = new Date(utc.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
    assert.equal(shown.slice(0, 19), shanghai, "the audit log's time is in Asia/Shanghai");
    await page.goto(`${run.url}/o/demo/assessment`);
    const sources = await page.locator("details.cite p.muted").allTextContents();
    assert.ok(
      sources.some((s) => s.includes("《促进和规范数据跨境流动规定》")),
      sources.slice(0, 3).join(" | "),
    );
    assert.ok(!sources.some((s) => /seed \d|regulations\.md/.test(s)), "no internal file ids");
    await ctx.close();
  });
});
