/**
 * Review and sign-off of an assessment (issue 29 §3): an editor submits the assessment of a map
 * version on a date; an owner sends it back with a comment or approves it — not their own; each
 * step is in the audit log; the print view carries the organisation, the version and its digest,
 * the date, the counts' source and the approver. Read in Chromium where there is one.
 */
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { hasChromium, launchChromium } from "../src/chromium.js";
import type { Running } from "../src/server/serve.js";
import { boot, type Client, json, req, setUp, tokenFor } from "./server-helpers.js";

const DATE = "2026-11-22";
type Review = { id: number; status: string; digest: string; asOf: string; countsSource: string; mapVersion: number; decidedBy?: string };

describe("review and sign-off", () => {
  let run: Running;
  let owner: Client;
  let editor: string;
  let viewer: string;
  before(async () => {
    run = await boot(mkdtempSync(join(tmpdir(), "xborder-reviews-")));
    owner = await setUp(run, "owner@rv.example", "Rv", true);
    editor = await tokenFor(run.url, owner, "demo", "editor");
    viewer = await tokenFor(run.url, owner, "demo", "viewer");
  });
  after(async () => run?.close());

  const submit = (token: string) =>
    req(run.url, "/api/v1/orgs/demo/reviews", { method: "POST", token, type: "application/json", body: JSON.stringify({ asOf: DATE }) });
  const decide = (id: number, d: "approve" | "return", body: object, o: { token?: string; client?: Client } = { client: owner }) =>
    req(run.url, `/api/v1/orgs/demo/reviews/${id}/${d}`, { method: "POST", ...o, type: "application/json", body: JSON.stringify(body) });

  test("submit, send back with a comment, approve by another person; recorded in the audit log", async () => {
    assert.equal((await submit(viewer)).status, 403, "a viewer cannot submit");
    const first = await submit(editor);
    assert.equal(first.status, 201);
    const r1 = await json<Review>(first);
    const version = await json<{ version: number; digest: string }[]>(
      await req(run.url, "/api/v1/orgs/demo/datamap/versions", { client: owner }),
    );
    assert.deepEqual(
      [r1.status, r1.asOf, r1.countsSource, r1.mapVersion, r1.digest],
      ["submitted", DATE, "ledger", version[0]!.version, version[0]!.digest],
    );
    assert.equal((await decide(r1.id, "approve", {}, { token: editor })).status, 403, "an editor cannot approve");
    assert.equal((await decide(r1.id, "return", {})).status, 422, "sending back needs a comment");
    const back = await json<Review & { comment: string }>(await decide(r1.id, "return", { comment: "补充境外接收方的保护措施" }));
    assert.equal(back.status, "returned");
    assert.equal(back.comment, "补充境外接收方的保护措施");
    assert.equal((await decide(r1.id, "approve", {})).status, 409, "a returned review is not approved");

    const own = await json<Review>(
      await req(run.url, "/api/v1/orgs/demo/reviews", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ asOf: DATE }),
      }),
    );
    assert.equal((await decide(own.id, "approve", {})).status, 409, "not one's own submission");

    const r2 = await json<Review>(await submit(editor));
    // Approved from the page's form.
    const form = new URLSearchParams({ decision: "approve", comment: "", _csrf: owner.csrf! });
    const page = await req(run.url, `/o/demo/reviews/${r2.id}`, {
      method: "POST",
      client: owner,
      type: "application/x-www-form-urlencoded",
      body: form,
    });
    assert.equal(page.status, 303);
    const list = await json<Review[]>(await req(run.url, "/api/v1/orgs/demo/reviews", { token: viewer }));
    assert.equal(list.find((r) => r.id === r2.id)?.status, "approved");
    assert.equal(list.find((r) => r.id === r2.id)?.decidedBy, "owner@rv.example");

    const audit = await json<{ action: string; target: string; after: string | null }[]>(
      await req(run.url, "/api/v1/orgs/demo/audit", { client: owner }),
    );
    const actions = audit.map((e) => e.action);
    for (const a of ["review.submit", "review.return", "review.approve"]) assert.ok(actions.includes(a), a);
    assert.equal(audit.find((e) => e.action === "review.approve")?.after, r2.digest);
  });

  test("the print view carries the organisation, the version and its digest, the date, the counts' source and the approver", async () => {
    const reviews = await json<Review[]>(await req(run.url, "/api/v1/orgs/demo/reviews", { client: owner }));
    const approved = reviews.find((r) => r.status === "approved")!;
    let text: string;
    if (hasChromium()) {
      const browser = await launchChromium();
      const context = await browser.newContext({ locale: "zh-CN" });
      const [name, value] = owner.cookie!.split("=") as [string, string];
      await context.addCookies([{ name, value, url: run.url }]);
      const p = await context.newPage();
      await p.goto(`${run.url}/o/demo/assessment?asOf=${DATE}&print=1`);
      await p.emulateMedia({ media: "print" });
      text = (await p.textContent("main")) ?? "";
      assert.equal(await p.isVisible(".sign-off"), true);
      await browser.close();
    } else {
      text = await (await req(run.url, `/o/demo/assessment?asOf=${DATE}&print=1`, { client: owner })).text();
    }
    assert.match(text, /演示：/);
    assert.ok(text.includes(approved.digest), "the map version's digest");
    assert.match(text, new RegExp(`评估日期\\s*${DATE}`));
    assert.match(text, /人数来源：出境台账/);
    assert.match(text, /批准人：owner@rv\.example/);
    // Another date was not approved: blank lines to sign.
    const other = await (await req(run.url, "/o/demo/assessment?asOf=2026-11-23&print=1", { client: owner })).text();
    assert.match(other, /审阅人：__________/);
  });
});
