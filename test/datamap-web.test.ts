/**
 * The guided data map in Chromium (playwright-core): each form field under its Chinese (or English)
 * label with a help line, enum values and regions by name, and the Data map page's flow map drawn
 * on the server — one box per transfer, labelled with its pathway. Screenshots at 1366 and 390 px
 * go to test-artifacts/screens/. Without a browser the tests skip; with CI=true that is a failure.
 */
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import { chromiumPath, hasChromium, launchChromium } from "../src/chromium.js";
import type { Running } from "../src/server/serve.js";
import { ROOT } from "./helpers.js";
import { boot, setUp } from "./server-helpers.js";

const present = hasChromium();
const missing = `no browser at ${chromiumPath()} (apt-get install chromium; .ci/run does)`;
if (!present && process.env.CI === "true") {
  test("a browser for the data map's web tests", () => assert.fail(`CI=true: ${missing}`));
}
const SHOTS = join(ROOT, "test-artifacts", "screens");

describe("the guided data map in Chromium", { skip: present ? false : missing }, () => {
  let run: Running;
  let browser: Browser;
  let cookie: string;
  before(async () => {
    run = await boot(mkdtempSync(join(tmpdir(), "xborder-guided-")));
    cookie = (await setUp(run, "owner@example.com", "Demo")).cookie!;
    browser = await launchChromium();
    // The organisation's data map: the bundled Shenzhen example, saved through the page's editor.
    const page = await (await contextFor("zh")).newPage();
    await page.goto(`${run.url}/o/demo/datamap`);
    await page.fill("#text", readFileSync(join(ROOT, "examples/shenzhen-ecommerce.yaml"), "utf8"));
    await page.click("form[enctype] button[type=submit]");
    await page.waitForURL(/\/datamap\?saved=1/);
    await page.context().close();
  });
  after(async () => {
    await browser?.close();
    await run?.close();
  });
  const contextFor = async (lang: "zh" | "en", width = 1366): Promise<BrowserContext> => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: lang === "zh" ? "zh-CN" : "en-GB" });
    const [name, value] = cookie.split("=") as [string, string];
    await context.addCookies([
      { name, value, url: run.url },
      { name: "xb_lang", value: lang, url: run.url },
    ]);
    return context;
  };

  test("form fields carry a label and a help line; enum values and regions show by name, the value stays the code", async () => {
    const context = await contextFor("zh");
    const page = await context.newPage();
    await page.goto(`${run.url}/o/demo/datamap/edit/datasets`);
    assert.match((await page.textContent("label[for=f-0-sensitive]")) ?? "", /敏感个人信息种类/);
    assert.match((await page.textContent("#f-0-sensitive-help")) ?? "", /个人信息保护法第二十八条/);
    assert.equal(await page.getAttribute("#f-0-sensitive", "aria-describedby"), "f-0-sensitive-help");
    const option = page.locator("#f-2-sensitive option[value=financial_account]");
    assert.equal(await option.evaluate((o) => (o as unknown as { selected: boolean }).selected), true);
    assert.equal((await option.textContent())?.trim(), "金融账户");
    await page.goto(`${run.url}/o/demo/datamap/edit/recipients`);
    assert.match((await page.textContent("label[for=f-0-region]")) ?? "", /所在国家或者地区/);
    assert.match((await page.textContent("#f-0-region-help")) ?? "", /中国澳门特别行政区/);
    assert.equal(await page.getAttribute("#f-0-region", "list"), "regions");
    assert.equal((await page.textContent("#regions option[value=US]"))?.trim(), "美国");
    assert.equal((await page.locator("#f-0-kind option:checked").textContent())?.trim(), "组织");
    await page.goto(`${run.url}/o/demo/datamap/edit/processor`);
    assert.match((await page.textContent("#f-region-help")) ?? "", /深圳市南山区/);
    await context.close();
    const en = await (await contextFor("en")).newPage();
    await en.goto(`${run.url}/o/demo/datamap/edit/transfers`);
    assert.match((await en.textContent("label[for=f-0-purpose]")) ?? "", /Purpose/);
    assert.match((await en.textContent("#f-0-necessary-help")) ?? "", /really needed/);
    assert.equal((await en.locator("#f-0-manner option[value=transmitted]").textContent())?.trim(), "transmitted abroad");
    await en.context().close();
  });

  test("a wrong value comes back beside its field, in the interface's language", async () => {
    const context = await contextFor("zh");
    const page = await context.newPage();
    await page.goto(`${run.url}/o/demo/datamap/edit/transfers`);
    await page.fill("#f-0-persons-general", "-5");
    await page.click("#section-form button[type=submit]");
    await page.waitForSelector("#f-0-persons-general-err");
    assert.equal((await page.textContent("#f-0-persons-general-err"))?.trim(), "应为不小于0的整数");
    assert.match((await page.textContent(".errors[role=alert]")) ?? "", /transfers\[0\]\.persons\.general.*应为不小于0的整数/s);
    await context.close();
  });

  test("transfers as a list: search, filter by pathway and country, sort — a GET form, no script", async () => {
    const context = await contextFor("zh");
    await context.route("**/*.js", (r) => r.abort());
    const page = await context.newPage();
    await page.goto(`${run.url}/o/demo/datamap`);
    const ids = () => page.locator("#transfer-list tbody tr").evaluateAll((rs) => rs.map((r) => r.getAttribute("data-transfer")));
    assert.deepEqual(await ids(), ["analytics-mo", "delivery", "marketing-sg"]);
    await page.selectOption("#tl-region", "MO");
    await page.click("#transfer-list button[type=submit]");
    await page.waitForURL(/region=MO/);
    assert.deepEqual(await ids(), ["analytics-mo", "delivery"]);
    assert.match((await page.textContent("#transfer-list tbody")) ?? "", /中国澳门特别行政区/);
    await page.selectOption("#tl-region", "");
    await page.selectOption("#tl-pathway", "exempt");
    await page.click("#transfer-list button[type=submit]");
    await page.waitForURL(/pathway=exempt/);
    assert.deepEqual(await ids(), ["delivery"]);
    assert.match((await page.textContent("#transfer-list tbody")) ?? "", /免予申报/);
    await page.goto(`${run.url}/o/demo/datamap?q=${encodeURIComponent("新加坡")}&sort=persons`);
    assert.deepEqual(await ids(), ["marketing-sg"]);
    await context.close();
  });

  test("the Data map page draws the flows as SVG: one box per transfer, coloured and labelled by its pathway", async () => {
    mkdirSync(SHOTS, { recursive: true });
    for (const width of [1366, 390]) {
      const context = await contextFor("zh", width);
      await context.route("**/*.js", (r) => r.abort()); // no script needed
      const page = await context.newPage();
      await page.goto(`${run.url}/o/demo/datamap`);
      const transfers = page.locator("svg.flow-map g.transfer");
      assert.equal(await transfers.count(), 3);
      const pathways = await transfers.evaluateAll((gs) =>
        gs.map((g) => [g.getAttribute("data-pathway"), g.querySelector("text.pathway")?.textContent]),
      );
      for (const [p, label] of pathways) assert.ok(p && label && label.length > 1, `${p}: ${label}`);
      assert.ok(pathways.some(([, label]) => /标准合同|免予申报|安全评估/.test(label ?? "")));
      assert.equal(await page.locator("svg.flow-map g.legend-item").count(), 4);
      assert.match((await page.textContent("svg.flow-map")) ?? "", /新加坡/);
      assert.equal(
        await page.getAttribute("#flows-h ~ .counts-source", "data-counts-source"),
        "data_map",
        "the figure says which counts it used",
      );
      const sideways = await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { documentElement: { scrollWidth: number; clientWidth: number } } }).document
          .documentElement;
        return d.scrollWidth - d.clientWidth;
      });
      assert.ok(sideways <= 0, `${width}px: ${sideways}px of sideways scrolling`);
      await page.screenshot({ path: join(SHOTS, `datamap-flows-${width}.png`), fullPage: true });
      await page.goto(`${run.url}/o/demo/datamap/edit/transfers`);
      await page.screenshot({ path: join(SHOTS, `datamap-form-${width}.png`), fullPage: true });
      await context.close();
    }
  });
});
