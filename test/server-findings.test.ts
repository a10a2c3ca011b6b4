/**
 * A workspace scan's findings (issue 31 §8): the scan of an upload keeps one line per finding —
 * file, row, column, type, confidence and the masked value, never the raw one — offered as a
 * download on the report page and over the API, to every role that reads the report, and to no
 * other organisation. On each store this machine has.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Running } from "../src/server/serve.js";
import { dropTestSchemas, suiteOn, targets } from "./ledger-helpers.js";
import { boot, type Client, json, req, setUp, signIn, tokenFor } from "./server-helpers.js";

const ROLES = ["owner", "editor", "viewer", "auditor"] as const;
const ID = "110101199003078515";
const MOBILE = "13812345678";

after(dropTestSchemas);

for (const target of targets()) {
  suiteOn(target, `scan findings on ${target.name}`, () => {
    let run: Running;
    let owner: Client;
    const tokens: Record<string, string> = {};
    let otherToken: string;

    before(async () => {
      run = await boot(target.fresh());
      owner = await setUp(run, "owner@a.example", "Alpha");
      const r = await req(run.url, "/api/v1/orgs/alpha/members", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ email: "owner@b.example", role: "viewer" }),
      });
      assert.equal(r.status, 201, await r.clone().text());
      const { invitationUrl } = await json<{ invitationUrl: string }>(r);
      await req(run.url, new URL(invitationUrl).pathname, {
        method: "POST",
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ password: "correct horse battery staple" }),
      });
      const other = (await signIn(run.url, "owner@b.example")).client!;
      const made = await req(run.url, "/orgs", {
        method: "POST",
        client: other,
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ name: "Beta" }),
      });
      assert.equal(made.status, 303);
      for (const role of ROLES) tokens[role] = await tokenFor(run.url, owner, "alpha", role);
      otherToken = await tokenFor(run.url, other, "beta", "owner");
    });
    after(async () => run?.close());

    test("findings download: one masked line per finding over the API and the report page, never the raw value; 404 for another organisation", async () => {
      const csv = `姓名,身份证号,手机\n张三,${ID},${MOBILE}\n`;
      const r = await req(run.url, "/api/v1/orgs/alpha/scans?name=people.csv", { method: "POST", token: tokens.editor, body: csv });
      const started = await r.text();
      assert.equal(r.status, 202, started);
      const { id } = JSON.parse(started) as { id: number };
      await run.deps.jobs.idle();

      const api = `/api/v1/orgs/alpha/scans/${id}/findings`;
      for (const role of ROLES) {
        const res = await req(run.url, api, { token: tokens[role] });
        assert.equal(res.status, 200, `${role}: ${res.status}`);
        assert.match(res.headers.get("content-type") ?? "", /^application\/x-ndjson/);
      }
      const res = await req(run.url, api, { token: tokens.viewer });
      assert.equal(res.headers.get("x-findings-truncated"), "false");
      const text = await res.text();
      const lines = text.trimEnd().split("\n");
      const findings = lines.map(
        (l) => JSON.parse(l) as { file: string; row: number; column?: string; type: string; confidence: string; value: string },
      );
      const byType = new Map(findings.map((f) => [f.type, f]));
      const id18 = byType.get("cn_resident_id");
      const mobile = byType.get("cn_mobile");
      assert.ok(id18 && mobile, text);
      assert.equal(findings.filter((f) => f.type === "cn_resident_id").length, 1);
      assert.equal(findings.filter((f) => f.type === "cn_mobile").length, 1);
      assert.equal(id18.file, "people.csv");
      assert.equal(id18.row, 1);
      assert.equal(id18.column, "身份证号");
      assert.equal(mobile.column, "手机");
      assert.ok(id18.confidence && mobile.confidence);
      assert.notEqual(id18.value, ID);
      assert.ok(id18.value.length > 0 && id18.value !== MOBILE);
      assert.ok(!text.includes(ID), "the raw ID is nowhere in the download");
      assert.ok(!text.includes(MOBILE), "the raw mobile is nowhere in the download");

      const page = await req(run.url, `/o/alpha/scans/${id}/findings.jsonl`, { client: owner });
      assert.equal(page.status, 200);
      assert.equal(await page.text(), text, "the page's download is the API's");
      const report = await (await req(run.url, `/o/alpha/scans/${id}`, { client: owner })).text();
      assert.ok(report.includes(`/o/alpha/scans/${id}/findings.jsonl`), "the report page links the download");

      assert.equal((await req(run.url, `/api/v1/orgs/alpha/scans/${id}/findings`, { token: otherToken })).status, 404);
      assert.equal((await req(run.url, `/api/v1/orgs/beta/scans/${id}/findings`, { token: otherToken })).status, 404);
    });
  });
}
