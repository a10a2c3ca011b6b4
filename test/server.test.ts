/**
 * The workspace over real HTTP, on each store this machine has: setup and sign-in, the API against
 * the command line, every route × every role × another organisation, CSRF, a stolen session after
 * sign-out, escaping, uploads (good, bad, too large), jobs, the audit chain, and no raw identifier
 * on disk after an upload.
 */
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { parse, stringify } from "yaml";
import type { Running } from "../src/server/serve.js";
import { ROOT, xborder } from "./helpers.js";
import { dropTestSchemas, suiteOn, targets } from "./ledger-helpers.js";
import { boot, type Client, json, req, setUp, signIn, tokenFor } from "./server-helpers.js";

const EXAMPLE = readFileSync(join(ROOT, "examples/shenzhen-ecommerce.yaml"), "utf8");
const ROLES = ["owner", "editor", "viewer", "auditor"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

after(dropTestSchemas);

for (const target of targets()) {
  suiteOn(target, `workspace on ${target.name}`, () => {
    let db: string;
    let run: Running;
    let owner: Client;
    let other: Client;
    const tokens: Record<string, string> = {};
    let otherToken: string;

    before(async () => {
      db = target.fresh();
      run = await boot(db);
      owner = await setUp(run, "owner@a.example", "Alpha 数据");
      // A second organisation, of another person: made by the first owner, then handed over.
      const r = await req(run.url, "/api/v1/orgs/alpha/members", {
        method: "POST",
        client: owner,
        type: "application/json",
        body: JSON.stringify({ email: "owner@b.example", role: "viewer" }),
      });
      assert.equal(r.status, 201, await r.clone().text());
      const { invitationUrl } = await json<{ invitationUrl: string }>(r);
      const accepted = await req(run.url, new URL(invitationUrl).pathname, {
        method: "POST",
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ password: "correct horse battery staple" }),
      });
      assert.equal(accepted.status, 303);
      other = (await signIn(run.url, "owner@b.example")).client!;
      const made = await req(run.url, "/orgs", {
        method: "POST",
        client: other,
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ name: "Beta" }),
      });
      assert.equal(made.status, 303);
      for (const role of ROLES) tokens[role] = await tokenFor(run.url, owner, "alpha", role);
      otherToken = await tokenFor(run.url, other, "beta", "owner");
      const put = await req(run.url, "/api/v1/orgs/alpha/datamap", {
        method: "PUT",
        token: tokens.editor,
        type: "application/yaml",
        body: EXAMPLE,
      });
      assert.equal(put.status, 201, await put.text());
      const put2 = await req(run.url, "/api/v1/orgs/beta/datamap", {
        method: "PUT",
        token: otherToken,
        type: "application/yaml",
        body: EXAMPLE,
      });
      assert.equal(put2.status, 201);
    });
    after(async () => run?.close());

    test("the setup link works once; with an account, no new link is made", async () => {
      const path = new URL(run.setupUrl!).pathname;
      assert.equal((await req(run.url, path)).status, 404);
      const again = await req(run.url, path, {
        method: "POST",
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ email: "x@y.example", password: "correct horse battery staple", org: "X" }),
      });
      assert.equal(again.status, 404);
    });

    test("sign-in: a wrong password is refused, and after five the e-mail is locked for a while", async () => {
      for (let i = 0; i < 5; i++) assert.equal((await signIn(run.url, "victim@a.example", "wrong password!!")).status, 401);
      assert.equal((await signIn(run.url, "victim@a.example", "wrong password!!")).status, 429);
      assert.equal((await signIn(run.url, "owner@a.example")).status, 303, "another e-mail still signs in");
    });

    test("the API's assessment is the command line's, on the same map and date", async () => {
      const r = await req(run.url, "/api/v1/orgs/alpha/assess", {
        method: "POST",
        token: tokens.viewer,
        type: "application/json",
        body: JSON.stringify({ asOf: "2026-11-22" }),
      });
      assert.equal(r.status, 200);
      const api = await json(r);
      const cli = xborder(["assess", "examples/shenzhen-ecommerce.yaml", "--format", "json", "--as-of", "2026-11-22"]);
      assert.equal(cli.code, 0, cli.stderr);
      assert.deepEqual(api, JSON.parse(cli.stdout));
      const gated = await json<{ failOn: { failed: boolean; transfers: string[] } }>(
        await req(run.url, "/api/v1/orgs/alpha/assess", {
          method: "POST",
          token: tokens.viewer,
          type: "application/json",
          body: JSON.stringify({ failOn: "standard_contract_or_certification" }),
        }),
      );
      assert.equal(gated.failOn.failed, true);
      assert.ok(gated.failOn.transfers.length > 0);
    });

    test("a wrong data map is a problem+json naming the field, and nothing is saved", async () => {
      const bad = stringify({ ...parse(EXAMPLE), transfers: [{ id: "x", dataset: "nope", recipient: "mo-logistics" }] });
      const r = await req(run.url, "/api/v1/orgs/alpha/datamap", {
        method: "PUT",
        token: tokens.editor,
        type: "application/yaml",
        body: bad,
      });
      assert.equal(r.status, 422);
      assert.match(r.headers.get("content-type") ?? "", /application\/problem\+json/);
      const p = await json<{ errors: { path: string }[] }>(r);
      assert.ok(
        p.errors.some((e) => e.path === "transfers[0].dataset"),
        JSON.stringify(p),
      );
      const versions = await json<unknown[]>(await req(run.url, "/api/v1/orgs/alpha/datamap/versions", { token: tokens.viewer }));
      assert.equal(versions.length, 1);
      const huge = await req(run.url, "/api/v1/orgs/alpha/datamap", {
        method: "PUT",
        token: tokens.editor,
        type: "application/yaml",
        body: "#".repeat(17 * 1024 * 1024),
      });
      assert.equal(huge.status, 413);
    });

    test("every route × every role: only what the role allows; another organisation's answers 404", async () => {
      const routes: [string, string, "read" | "write" | "audit" | "admin", string?][] = [
        ["GET", "/datamap", "read"],
        ["GET", "/datamap/versions", "read"],
        ["GET", "/datamap/versions/1", "read"],
        ["PUT", "/datamap", "write", EXAMPLE],
        ["POST", "/assess", "read", "{}"],
        ["GET", "/overview", "read"],
        ["GET", "/ledger/count", "read"],
        ["GET", "/ledger/status", "read"],
        ["GET", "/obligations", "read"],
        ["GET", "/documents", "read"],
        ["GET", "/documents/check?kind=pipia", "read"],
        ["GET", "/jobs", "read"],
        ["DELETE", "/jobs/999999", "write"],
        ["GET", "/audit", "audit"],
        ["GET", "/audit.csv", "audit"],
        ["GET", "/audit/verify", "audit"],
        ["GET", "/exports/transfers.xlsx", "read"],
        ["GET", "/exports/counts.csv", "read"],
        ["GET", "/exports/obligations.csv", "read"],
        ["GET", "/exports/audit.xlsx", "audit"],
        ["GET", "/reviews", "read"],
        ["POST", "/reviews", "write", "{}"],
        ["POST", "/reviews/999999/approve", "admin", "{}"],
        ["GET", "/members", "admin"],
        ["GET", "/tokens", "admin"],
        ["DELETE", "/tokens/999999", "admin"],
        ["DELETE", "/members/999999", "admin"],
      ];
      const allowed = { read: ROLES, write: ["owner", "editor"], audit: ["owner", "auditor"], admin: ["owner"] } as Record<
        string,
        readonly string[]
      >;
      for (const [method, path, perm, body] of routes) {
        for (const role of ROLES) {
          const r = await req(run.url, `/api/v1/orgs/alpha${path}`, {
            method,
            token: tokens[role],
            type: body ? "application/yaml" : undefined,
            body,
          });
          const may = allowed[perm]!.includes(role);
          if (may) assert.ok(r.status < 400 || r.status === 404, `${role} ${method} ${path}: ${r.status}`);
          else assert.equal(r.status, 403, `${role} ${method} ${path}`);
          await r.text();
          // Another organisation's resource, with this organisation's token: 404, and nothing of it.
          const x = await req(run.url, `/api/v1/orgs/beta${path}`, {
            method,
            token: tokens[role],
            type: body ? "application/yaml" : undefined,
            body,
          });
          assert.equal(x.status, 404, `${role} ${method} beta${path}`);
          assert.doesNotMatch(await x.text(), /Beta|owner@b/);
        }
      }
      // And a person (session) who is not a member of Beta.
      assert.equal((await req(run.url, "/api/v1/orgs/beta/datamap", { client: owner })).status, 404);
      assert.equal((await req(run.url, "/o/beta", { client: owner })).status, 404);
      assert.equal((await req(run.url, "/api/v1/orgs/alpha/datamap")).status, 401, "no credentials");
      assert.equal((await req(run.url, "/api/v1/orgs/alpha/datamap", { token: "xbt_forged" })).status, 401);
    });

    test("row-level security: behind one organisation's wall, a query without WHERE sees none of another's rows", async () => {
      const { orgScoped } = await import("../src/server/db/wall.js");
      const wsdb = run.deps.ws.db;
      assert.equal(run.deps.ws.wall, true, "the wall is on (the test database's user may make the role)");
      const ids = await wsdb.selectFrom("ws_org").select(["id", "slug"]).execute();
      const alpha = ids.find((o) => o.slug === "alpha")!.id;
      const all = await wsdb.selectFrom("ws_datamap_version").select("org_id").execute();
      assert.ok(new Set(all.map((r) => r.org_id)).size >= 2, "versions of two organisations exist");
      const seen = await orgScoped(wsdb, alpha, (db) => db.selectFrom("ws_datamap_version").select("org_id").execute());
      assert.ok(seen.length > 0);
      assert.deepEqual([...new Set(seen.map((r) => r.org_id))], [alpha]);
      const audit = await orgScoped(wsdb, alpha, (db) => db.selectFrom("ws_audit").select("org_id").execute());
      assert.deepEqual([...new Set(audit.map((r) => r.org_id))], [alpha]);
      const orgs = await orgScoped(wsdb, alpha, (db) => db.selectFrom("ws_org").select("slug").execute());
      assert.deepEqual(
        orgs.map((o) => o.slug),
        ["alpha"],
      );
    });

    test("a revoked API token stops working at once", async () => {
      const t = await tokenFor(run.url, owner, "alpha", "viewer");
      assert.equal((await req(run.url, "/api/v1/orgs/alpha/datamap/versions", { token: t })).status, 200);
      const list = await json<{ id: number; name: string; revoked_at: string | null }[]>(
        await req(run.url, "/api/v1/orgs/alpha/tokens", { client: owner }),
      );
      const id = list.filter((k) => k.name === "viewer-bot" && !k.revoked_at).at(-1)!.id;
      assert.equal((await req(run.url, `/api/v1/orgs/alpha/tokens/${id}`, { method: "DELETE", client: owner })).status, 204);
      assert.equal((await req(run.url, "/api/v1/orgs/alpha/datamap/versions", { token: t })).status, 401);
    });

    test("CSRF: a state-changing request with the cookie but without the session's token is refused", async () => {
      const body = EXAMPLE;
      assert.equal(
        (await req(run.url, "/api/v1/orgs/alpha/datamap", { method: "PUT", client: owner, csrf: false, type: "application/yaml", body }))
          .status,
        403,
      );
      assert.equal(
        (await req(run.url, "/api/v1/orgs/alpha/datamap", { method: "PUT", client: owner, csrf: "wrong", type: "application/yaml", body }))
          .status,
        403,
      );
      const form = await req(run.url, "/o/alpha/datamap", {
        method: "POST",
        client: owner,
        csrf: false,
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ text: body }),
      });
      assert.equal(form.status, 403);
      assert.equal(
        (await req(run.url, "/api/v1/orgs/alpha/datamap", { method: "PUT", client: owner, type: "application/yaml", body })).status,
        201,
      );
    });

    test("a session is dead after sign-out: the copied cookie signs nobody in", async () => {
      const s = (await signIn(run.url, "owner@a.example")).client!;
      assert.equal((await req(run.url, "/api/v1/me", { client: s })).status, 200);
      const out = await req(run.url, "/signout", {
        method: "POST",
        client: s,
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ _csrf: s.csrf! }),
      });
      assert.equal(out.status, 303);
      assert.equal((await req(run.url, "/api/v1/me", { client: s })).status, 401);
      assert.equal((await req(run.url, "/o/alpha", { client: s })).status, 302);
    });

    test("names from the data map are escaped, under a strict Content-Security-Policy", async () => {
      const xss = stringify({
        ...parse(EXAMPLE),
        processor: { ...parse(EXAMPLE).processor, name: `<script>alert(1)</script>"><img src=x onerror=alert(2)>` },
      });
      assert.equal(
        (await req(run.url, "/api/v1/orgs/beta/datamap", { method: "PUT", token: otherToken, type: "application/yaml", body: xss })).status,
        201,
      );
      for (const path of ["/o/beta", "/o/beta/datamap", "/o/beta/assessment"]) {
        const r = await req(run.url, path, { client: other });
        assert.equal(r.status, 200, path);
        const page = await r.text();
        assert.doesNotMatch(page, /<script>alert|<img src=x/, path);
        const csp = r.headers.get("content-security-policy") ?? "";
        assert.match(csp, /script-src 'self'/);
        assert.doesNotMatch(csp, /unsafe-inline/);
      }
    });

    test("ledger upload: a job that counts people; a bad file fails naming its line and changes nothing; no raw identifier on disk", async () => {
      const ids = ["110101199003078515", "440305198807150023", "13800138000"];
      const csv = `date,transfer,person\n2026-03-01,marketing-sg,${ids[0]}\n2026-03-02,marketing-sg,${ids[1]}\n2026-03-03,delivery,${ids[2]}\n`;
      const r = await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=events.csv", {
        method: "POST",
        token: tokens.editor,
        type: "application/octet-stream",
        body: csv,
      });
      const started = await r.text();
      assert.equal(r.status, 202, started);
      const { statusUrl } = JSON.parse(started) as { statusUrl: string };
      await run.deps.jobs.idle();
      const job = await json<{ status: string; message: string }>(await req(run.url, statusUrl, { token: tokens.viewer }));
      assert.equal(job.status, "done", job.message);
      const count = await json<{ transfers: Record<string, { general: number }> }>(
        await req(run.url, "/api/v1/orgs/alpha/ledger/count?asOf=2026-11-22", { token: tokens.viewer }),
      );
      assert.equal(count.transfers["marketing-sg"]?.general, 2);
      const bad = await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=bad.csv", {
        method: "POST",
        token: tokens.editor,
        body: `date,transfer,person\n2026-03-04,marketing-sg,110101199003078515\n2026-13-40,marketing-sg,x\n`,
      });
      assert.equal(bad.status, 202);
      await run.deps.jobs.idle();
      const failed = await json<{ status: string; message: string }>(
        await req(run.url, (await json<{ statusUrl: string }>(bad)).statusUrl, { token: tokens.viewer }),
      );
      assert.equal(failed.status, "failed");
      assert.match(failed.message, /bad\.csv:3/);
      assert.doesNotMatch(failed.message, /xborder-upload-|\/tmp\//, "no temporary path in the message");
      const again = await json<{ transfers: Record<string, { general: number }> }>(
        await req(run.url, "/api/v1/orgs/alpha/ledger/count?asOf=2026-11-22", { token: tokens.viewer }),
      );
      assert.deepEqual(again, count, "the failed import changed nothing");
      const unknown = await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=events.exe", {
        method: "POST",
        token: tokens.editor,
        body: "x",
      });
      assert.equal(unknown.status, 422);
      assert.equal(
        (await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=e.csv", { method: "POST", token: tokens.viewer, body: csv })).status,
        403,
      );
      if (!db.startsWith("postgres")) {
        for (const f of filesUnder(db)) {
          const bytes = readFileSync(f);
          for (const id of ids) assert.equal(bytes.indexOf(Buffer.from(id)), -1, `${f} holds a raw identifier`);
        }
      }
    });

    test("scans: a job whose report has masked samples only; applied to the data map it makes a version that says what it set off", async () => {
      const ids = ["110101199003078515", "440305198807150023"];
      const csv = `姓名,身份证号,银行卡号\n张三,${ids[0]},6222020200112233446\n李四,${ids[1]},6228480402564890018\n`;
      const r = await req(run.url, "/api/v1/orgs/alpha/scans?name=customers.csv", { method: "POST", token: tokens.editor, body: csv });
      const started = await r.text();
      assert.equal(r.status, 202, started);
      const { reportUrl, id } = JSON.parse(started) as { reportUrl: string; id: number };
      await run.deps.jobs.idle();
      const report = await json<{ persons: { distinct: number }; samples: Record<string, string[]>; files: { path: string }[] }>(
        await req(run.url, reportUrl, { token: tokens.viewer }),
      );
      assert.equal(report.persons.distinct, 2);
      assert.deepEqual(
        report.files.map((f) => f.path),
        ["customers.csv"],
      );
      assert.ok(!JSON.stringify(report).includes(ids[0]!), "no full identifier in the report");
      assert.equal(
        (
          await req(run.url, `/api/v1/orgs/alpha/scans/${id}/apply`, {
            method: "POST",
            token: tokens.viewer,
            type: "application/json",
            body: "{}",
          })
        ).status,
        403,
      );
      const applied = await req(run.url, `/api/v1/orgs/alpha/scans/${id}/apply`, {
        method: "POST",
        token: tokens.editor,
        type: "application/json",
        body: JSON.stringify({ dataset: "marketing-profiles", transfer: "marketing-sg" }),
      });
      const body = await applied.text();
      assert.equal(applied.status, 201, body);
      const { version } = JSON.parse(body) as { version: number };
      const text = await (await req(run.url, "/api/v1/orgs/alpha/datamap", { token: tokens.viewer })).text();
      const map = parse(text) as {
        datasets: { id: string; sensitive: string[] }[];
        transfers: { id: string; persons: { general: number } }[];
      };
      assert.ok(map.datasets.find((d) => d.id === "marketing-profiles")?.sensitive.includes("financial_account"));
      assert.equal(map.transfers.find((t) => t.id === "marketing-sg")?.persons.general, 2);
      assert.match(text, /^# /m, "the map's comments are kept");
      const page = await (await req(run.url, `/o/alpha/datamap/versions/${version}`, { client: owner })).text();
      assert.match(page, /marketing-sg/);
      if (!db.startsWith("postgres")) {
        for (const f of filesUnder(db)) {
          const bytes = readFileSync(f);
          for (const x of ids) assert.equal(bytes.indexOf(Buffer.from(x)), -1, `${f} holds a raw identifier`);
        }
      }
    });

    test("an import cancelled while it runs rolls back: the ledger is as it was", async () => {
      const before = await (await req(run.url, "/api/v1/orgs/alpha/ledger/count?asOf=2026-11-22", { token: tokens.viewer })).text();
      const rows = ["date,transfer,person"];
      for (let i = 0; i < 300_000; i++) rows.push(`2026-04-${String(1 + (i % 28)).padStart(2, "0")},marketing-sg,cancel-person-${i}`);
      const r = await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=big.csv", {
        method: "POST",
        token: tokens.editor,
        body: `${rows.join("\n")}\n`,
      });
      const started = JSON.parse(await r.text()) as { id: number; statusUrl: string };
      const cancel = await req(run.url, `/api/v1/orgs/alpha/jobs/${started.id}`, { method: "DELETE", token: tokens.editor });
      assert.ok([200, 202].includes(cancel.status), String(cancel.status));
      await run.deps.jobs.idle();
      const job = await json<{ status: string; message: string }>(await req(run.url, started.statusUrl, { token: tokens.viewer }));
      assert.equal(job.status, "cancelled", job.message);
      assert.match(job.message, /nothing was applied/);
      assert.equal(await (await req(run.url, "/api/v1/orgs/alpha/ledger/count?asOf=2026-11-22", { token: tokens.viewer })).text(), before);
      assert.equal(
        (await req(run.url, `/api/v1/orgs/alpha/jobs/${started.id}`, { method: "DELETE", token: tokens.editor })).status,
        409,
        "an ended job",
      );
    });

    test("sign out everywhere ends every session of that person", async () => {
      const a = (await signIn(run.url, "owner@b.example")).client!;
      const b = (await signIn(run.url, "owner@b.example")).client!;
      const out = await req(run.url, "/signout-everywhere", {
        method: "POST",
        client: a,
        type: "application/x-www-form-urlencoded",
        body: new URLSearchParams({ _csrf: a.csrf! }),
      });
      assert.equal(out.status, 303);
      for (const s of [a, b]) assert.equal((await req(run.url, "/api/v1/me", { client: s })).status, 401);
      other = (await signIn(run.url, "owner@b.example")).client!;
    });

    test("an upload over the limit is refused and nothing is stored", async () => {
      process.env.XBORDER_MAX_UPLOAD_BYTES = "1000";
      try {
        const before = (await json<unknown[]>(await req(run.url, "/api/v1/orgs/alpha/jobs", { token: tokens.viewer }))).length;
        const r = await req(run.url, "/api/v1/orgs/alpha/ledger/import?name=big.csv", {
          method: "POST",
          token: tokens.editor,
          body: "date,transfer,person\n".padEnd(5000, "x"),
        });
        assert.equal(r.status, 413);
        assert.match(r.headers.get("content-type") ?? "", /problem\+json/);
        const after = (await json<unknown[]>(await req(run.url, "/api/v1/orgs/alpha/jobs", { token: tokens.viewer }))).length;
        assert.equal(after, before, "no job");
      } finally {
        delete process.env.XBORDER_MAX_UPLOAD_BYTES;
      }
    });

    test("a job a stopped server left behind is marked failed at the next start", async () => {
      const wsdb = run.deps.ws.db;
      const orgId = (await wsdb.selectFrom("ws_org").select("id").where("slug", "=", "alpha").executeTakeFirstOrThrow()).id;
      const { id } = await wsdb
        .insertInto("ws_job")
        .values({
          org_id: orgId,
          kind: "ledger_import",
          status: "running",
          progress: 0.5,
          message: "x.csv",
          created_by: "t",
          owner: `${(await import("node:os")).hostname()}:999999`,
          updated_at: new Date(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      // The upload folder a killed server left, raw identifiers and all, goes too.
      const orphan = join(tmpdir(), "xborder-upload-999999-test");
      mkdirSync(orphan, { recursive: true });
      writeFileSync(join(orphan, "events.csv"), "date,transfer,person\n2026-03-01,crm,110101199003078515\n");
      assert.equal(await run.deps.jobs.recover(), 1);
      assert.equal(existsSync(orphan), false, "the orphaned upload folder is removed");
      const job = await json<{ status: string; message: string }>(
        await req(run.url, `/api/v1/orgs/alpha/jobs/${id}`, { token: tokens.viewer }),
      );
      assert.equal(job.status, "failed");
      assert.match(job.message, /interrupted by a restart: nothing was applied/);
    });

    test("filings: generate a document version, download it as DOCX and HTML, check what is missing; recorded in the audit log", async () => {
      assert.equal(
        (
          await req(run.url, "/api/v1/orgs/alpha/documents", {
            method: "POST",
            token: tokens.viewer,
            type: "application/json",
            body: '{"kind":"pipia"}',
          })
        ).status,
        403,
      );
      const bad = await req(run.url, "/api/v1/orgs/alpha/documents", {
        method: "POST",
        token: tokens.editor,
        type: "application/json",
        body: '{"kind":"contract"}',
      });
      assert.equal(bad.status, 422);
      const made = await req(run.url, "/api/v1/orgs/alpha/documents", {
        method: "POST",
        token: tokens.editor,
        type: "application/json",
        body: '{"kind":"pipia"}',
      });
      const text = await made.text();
      assert.equal(made.status, 201, text);
      const d = JSON.parse(text) as { id: number; version: number; missing: number };
      assert.equal(d.version, 1);
      assert.ok(d.missing > 0);
      const docx = await req(run.url, `/api/v1/orgs/alpha/documents/${d.id}?format=docx`, { token: tokens.viewer });
      assert.equal(docx.status, 200);
      assert.equal(
        Buffer.from(await docx.arrayBuffer())
          .subarray(0, 2)
          .toString(),
        "PK",
      );
      const html = await (await req(run.url, `/api/v1/orgs/alpha/documents/${d.id}?format=html`, { token: tokens.viewer })).text();
      assert.match(html, /个人信息保护影响评估报告/);
      const filing = await req(run.url, `/api/v1/orgs/alpha/documents/${d.id}?format=docx&copy=filing`, { token: tokens.viewer });
      assert.equal(filing.status, 409, "no filing copy while anything is open");
      assert.ok((await json<{ open: unknown[] }>(filing)).open.length === d.missing);
      const check = await json<{ complete: boolean; missing: unknown[] }>(
        await req(run.url, "/api/v1/orgs/alpha/documents/check?kind=pipia", { token: tokens.viewer }),
      );
      assert.equal(check.complete, false);
      assert.equal(check.missing.length, d.missing);
      assert.equal(
        (await req(run.url, `/api/v1/orgs/beta/documents/${d.id}?format=html`, { token: otherToken })).status,
        404,
        "another organisation's document",
      );
      const page = await (await req(run.url, "/o/alpha/filings", { client: owner })).text();
      assert.match(page, /pipia/);
      const entries = await json<{ action: string }[]>(await req(run.url, "/api/v1/orgs/alpha/audit", { token: tokens.auditor }));
      assert.ok(entries.some((e) => e.action === "document.generate"));
    });

    test("the audit log: every change is an entry; an edited or removed entry is detected", async () => {
      const entries = await json<{ action: string; actor: string }[]>(
        await req(run.url, "/api/v1/orgs/alpha/audit", { token: tokens.auditor }),
      );
      const actions = new Set(entries.map((e) => e.action));
      for (const a of ["org.create", "member.invite", "member.add", "token.create", "datamap.save", "ledger.import", "session.sign_in"])
        assert.ok(actions.has(a), `${a} in ${[...actions]}`);
      assert.ok(entries.some((e) => e.actor === "token:editor-bot"));
      const ok = await json<{ intact: boolean }>(await req(run.url, "/api/v1/orgs/alpha/audit/verify", { token: tokens.auditor }));
      assert.equal(ok.intact, true);
      const csv = await (await req(run.url, "/api/v1/orgs/alpha/audit.csv", { token: tokens.auditor })).text();
      assert.match(csv, /^seq,at,actor,action,target,before,after,hash\r\n1,/);
      for (const id of ["110101199003078515", "13800138000"]) assert.doesNotMatch(csv, new RegExp(id));
      const wsdb = run.deps.ws.db;
      const orgId = (await wsdb.selectFrom("ws_org").select("id").where("slug", "=", "alpha").executeTakeFirstOrThrow()).id;
      await wsdb.updateTable("ws_audit").set({ target: "version 99" }).where("org_id", "=", orgId).where("seq", "=", 3).execute();
      const broken = await json<{ intact: boolean; broken: { seq: number; reason: string } }>(
        await req(run.url, "/api/v1/orgs/alpha/audit/verify", { token: tokens.owner }),
      );
      assert.deepEqual([broken.intact, broken.broken.seq], [false, 3]);
      assert.match(broken.broken.reason, /edited/);
      const page = await (await req(run.url, "/o/alpha/audit", { client: owner })).text();
      assert.match(page, /role="alert"/);
    });

    test("the OpenAPI document describes the routes with the data map's own schema", async () => {
      const doc = await json<{
        openapi: string;
        paths: Record<string, unknown>;
        components: { schemas: { DataMap: { properties: Record<string, unknown> } } };
      }>(await req(run.url, "/api/openapi.json"));
      assert.equal(doc.openapi, "3.1.0");
      assert.ok(doc.paths["/api/v1/orgs/{org}/assess"]);
      assert.ok(doc.components.schemas.DataMap.properties.transfers);
      assert.equal((await req(run.url, "/api/docs")).status, 200);
    });

    test("the deadlines' ICS feed answers at its secret URL only", async () => {
      const page = await (await req(run.url, "/o/alpha/deadlines", { client: owner })).text();
      const feed = /\/feeds\/[\w-]+\.ics/.exec(page)?.[0];
      assert.ok(feed);
      const r = await req(run.url, feed);
      assert.equal(r.status, 200);
      assert.match(await r.text(), /BEGIN:VCALENDAR/);
      assert.equal((await req(run.url, "/feeds/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics")).status, 404);
    });
  });
}

const pgTarget = targets().find((t) => t.name === "PostgreSQL server")!;
suiteOn(pgTarget, "two serve processes on one PostgreSQL database", () => {
  test("a session made by one is honoured by the other; a job started on one is seen on the other", async () => {
    const db = pgTarget.fresh();
    const one = await boot(db);
    const two = await boot(db);
    try {
      // Each start prints a new link and the older stops working: the second process's is the one.
      assert.equal((await req(one.url, new URL(one.setupUrl!).pathname)).status, 404);
      const owner = await setUp(two, "o@two.example", "Two");
      assert.equal((await req(one.url, "/api/v1/me", { client: owner })).status, 200);
      const put = await req(one.url, "/api/v1/orgs/two/datamap", { method: "PUT", client: owner, type: "application/yaml", body: EXAMPLE });
      assert.equal(put.status, 201, "the CSRF token of a session made on two works on one");
      const r = await req(one.url, "/api/v1/orgs/two/ledger/import?name=e.csv", {
        method: "POST",
        client: owner,
        body: "date,transfer,person\n2026-03-01,marketing-sg,p1\n",
      });
      const { statusUrl } = JSON.parse(await r.text()) as { statusUrl: string };
      await one.deps.jobs.idle();
      const job = await json<{ status: string }>(await req(two.url, statusUrl, { client: owner }));
      assert.equal(job.status, "done");
      const count = await json<{ transfers: Record<string, { general: number }> }>(
        await req(two.url, "/api/v1/orgs/two/ledger/count?asOf=2026-11-22", { client: owner }),
      );
      assert.equal(count.transfers["marketing-sg"]?.general, 1);
      // A token revoked through one stops working on the other (the processes tell each other).
      const t = await tokenFor(one.url, owner, "two", "viewer");
      assert.equal((await req(two.url, "/api/v1/orgs/two/datamap/versions", { token: t })).status, 200, "known to two, and kept");
      const list = await json<{ id: number }[]>(await req(one.url, "/api/v1/orgs/two/tokens", { client: owner }));
      assert.equal((await req(one.url, `/api/v1/orgs/two/tokens/${list.at(-1)!.id}`, { method: "DELETE", client: owner })).status, 204);
      let status = 0;
      for (let i = 0; i < 40 && status !== 401; i++) {
        status = (await req(two.url, "/api/v1/orgs/two/datamap/versions", { token: t })).status;
        if (status !== 401) await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(status, 401);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

test("xborder audit verify: exit 1 naming the entry, after a server run", async () => {
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(join(tmpdir(), "xborder-ws-"));
  const run = await boot(dir);
  const owner = await setUp(run, "o@a.example", "Gamma");
  await req(run.url, "/api/v1/orgs/gamma/datamap", { method: "PUT", client: owner, type: "application/yaml", body: EXAMPLE });
  await run.deps.ws.db.deleteFrom("ws_audit").where("seq", "=", 2).execute();
  await run.close();
  const r = xborder(["audit", "verify", "--db", dir]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /gamma: BROKEN at entry 2/);
  writeFileSync(join(dir, "x"), "");
});
