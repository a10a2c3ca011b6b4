/**
 * The first setup with the demo organisation (issue 32): the answer shows its progress as it goes,
 * without JavaScript, and moves on to the new organisation; the demo has its map and the counts of
 * its invented people (the same as when its events went through a CSV import); an embedded
 * workspace copies each new ledger from a template instead of running initdb for it.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import type { Running } from "../src/server/serve.js";
import { dropTestSchemas, suiteOn, targets } from "./ledger-helpers.js";
import { boot, json, req } from "./server-helpers.js";

after(dropTestSchemas);

for (const target of targets()) {
  suiteOn(target, `first setup with the demo on ${target.name}`, () => {
    let db: string;
    let run: Running;

    before(async () => {
      db = target.fresh();
      // What a first start killed while making the template would have left.
      if (target.name === "embedded PGlite") mkdirSync(join(db, "template", "cluster.99999.partial"), { recursive: true });
      run = await boot(db);
    });
    after(async () => run?.close());

    test("the setup shows each step of loading the demo, then moves on to the new organisation, without JavaScript", async () => {
      const form = new URLSearchParams({ email: "owner@demo.example", password: "correct horse battery staple", org: "Acme", demo: "1" });
      const r = await req(run.url, new URL(run.setupUrl!).pathname, {
        method: "POST",
        body: form,
        type: "application/x-www-form-urlencoded",
        headers: { cookie: "xb_lang=en" },
      });
      assert.equal(r.status, 200);
      assert.match(r.headers.get("content-type") ?? "", /text\/html/);
      const cookie = r.headers
        .getSetCookie()
        .find((c) => c.startsWith("xb_session="))
        ?.split(";")[0];
      assert.ok(cookie, "signed in");
      const page = await r.text();
      const steps = ["Demo organisation created", "Data map saved", "Ledger ready", "3,000 invented transfer events recorded", "Done"];
      const at = steps.map((s) => page.indexOf(s));
      assert.ok(
        at.every((i, k) => i > 0 && (k === 0 || i > at[k - 1]!)),
        `steps in order: ${JSON.stringify(at)}`,
      );
      assert.match(page, /<meta http-equiv="refresh" content="0; url=\/o\/acme"/);
      assert.match(page, /<a href="\/o\/acme">Continue<\/a>/);
      assert.match(page, /<ol><li>[^]*<\/li><\/ol>/);
      assert.match(page, /<\/html>\s*$/);

      // The demo organisation, with the example's map and the counts of its invented people.
      const orgs = await req(run.url, "/orgs", { headers: { cookie } });
      assert.match(await orgs.text(), /href="\/o\/demo"/);
      const count = await json<{ cumulative: unknown; transfers: Record<string, { general: number; counted: boolean }> }>(
        await req(run.url, "/api/v1/orgs/demo/ledger/count?asOf=2026-12-31", { headers: { cookie } }),
      );
      assert.deepEqual(count.cumulative, { general: 1600, sensitive: 20 });
      assert.deepEqual(Object.fromEntries(Object.entries(count.transfers).map(([id, t]) => [id, [t.general, t.counted]])), {
        delivery: [800, false],
        "marketing-sg": [800, true],
        "analytics-mo": [800, true],
      });
      const march = await json<{ cumulative: unknown }>(
        await req(run.url, "/api/v1/orgs/demo/ledger/count?asOf=2026-03-31", { headers: { cookie } }),
      );
      assert.deepEqual(march.cumulative, { general: 480, sensitive: 6 });
    });

    test("a person who leaves the progress page still gets the whole demo", async () => {
      const other = await boot(target.fresh());
      try {
        const form = new URLSearchParams({ email: "left@demo.example", password: "correct horse battery staple", org: "Left", demo: "1" });
        const r = await req(other.url, new URL(other.setupUrl!).pathname, {
          method: "POST",
          body: form,
          type: "application/x-www-form-urlencoded",
        });
        const cookie = r.headers
          .getSetCookie()
          .find((c) => c.startsWith("xb_session="))
          ?.split(";")[0];
        await r.body!.getReader().cancel(); // the tab is closed before the first step is shown
        let count: { cumulative?: unknown } = {};
        for (let i = 0; i < 100 && count.cumulative === undefined; i++) {
          await new Promise((resolve) => setTimeout(resolve, 200));
          const c = await req(other.url, "/api/v1/orgs/demo/ledger/count?asOf=2026-12-31", { headers: { cookie: cookie! } });
          if (c.status === 200) count = await json(c);
          if (JSON.stringify(count.cumulative) !== JSON.stringify({ general: 1600, sensitive: 20 })) count = {};
        }
        assert.deepEqual(count.cumulative, { general: 1600, sensitive: 20 });
      } finally {
        await other.close();
      }
    });

    if (target.name === "embedded PGlite") {
      test("the first start makes the template new ledgers are copied from", () => {
        assert.ok(existsSync(join(db, "template", "ledger", "PG_VERSION")), "the ledger template is made at the first start");
        assert.ok(existsSync(join(db, "orgs", "2", "pglite", "PG_VERSION")), "the demo's ledger is a cluster");
        assert.deepEqual(readdirSync(join(db, "template")).sort(), ["cluster", "ledger"], "nothing half made is left");
      });
    }
  });
}
