/**
 * Upgrading a workspace whose audit chain the release before the key wrote (plain SHA-256 over the
 * previous hash and the entry, issue 27 item 5): on each store, the first start with a key adopts
 * the intact unkeyed chain — the Audit page and `xborder audit verify` say intact, naming the
 * unkeyed entries — an old entry edited afterwards is still detected, and a chain already broken at
 * the upgrade is reported as broken, not papered over.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { openWorkspace } from "../src/server/db/open.js";
import { ROOT, xborder } from "./helpers.js";
import { dropTestSchemas, suiteOn, targets } from "./ledger-helpers.js";
import { boot, type Client, json, req, setUp } from "./server-helpers.js";

const EXAMPLE = readFileSync(join(ROOT, "examples/shenzhen-ecommerce.yaml"), "utf8");

after(dropTestSchemas);

/** The previous release's entry hash (git show 554cbfe:src/server/audit.ts), word for word. */
const oldHash = (
  orgId: number,
  r: {
    seq: number;
    at: Date | string;
    actor: string;
    action: string;
    target: string;
    before_digest: string | null;
    after_digest: string | null;
  },
  prev: string,
) =>
  createHash("sha256")
    .update(
      JSON.stringify([orgId, r.seq, new Date(r.at).toISOString(), r.actor, r.action, r.target, r.before_digest, r.after_digest, prev]),
    )
    .digest("hex");

/** Rewrite an organisation's chain as the previous release wrote it (from GENESIS, unkeyed); `edit` changes an entry's target first without rehashing it. */
async function rewriteUnkeyed(db: string, slug: string, edit?: { seq: number; target: string }): Promise<void> {
  const ws = await openWorkspace(db);
  try {
    const { id } = await ws.db.selectFrom("ws_org").select("id").where("slug", "=", slug).executeTakeFirstOrThrow();
    const rows = await ws.db.selectFrom("ws_audit").selectAll().where("org_id", "=", id).orderBy("seq").execute();
    let prev = "0".repeat(64);
    for (const r of rows) {
      const hash = oldHash(id, r, prev);
      const target = edit?.seq === r.seq ? edit.target : r.target;
      await ws.db
        .updateTable("ws_audit")
        .set({ prev_hash: prev, hash, target })
        .where("org_id", "=", id)
        .where("seq", "=", r.seq)
        .execute();
      prev = hash;
    }
    await ws.db.updateTable("ws_org").set({ audit_seq: rows.length, audit_head: prev }).where("id", "=", id).execute();
  } finally {
    await ws.close();
  }
}

interface Verdict {
  intact: boolean;
  entries: number;
  unkeyed?: number;
  broken?: { seq: number; reason: string };
}

for (const target of targets()) {
  suiteOn(target, `the audit key's adoption on ${target.name}`, () => {
    test("an unkeyed chain from the previous release verifies after the upgrade (unkeyed part named); an old entry edited later, or a chain broken before, is reported", async () => {
      const keys = mkdtempSync(join(tmpdir(), "xborder-audit-key-"));
      const saved = process.env.XBORDER_AUDIT_KEY_FILE;
      const db = target.fresh();
      try {
        // The workspace as the previous release left it: two organisations, their chains unkeyed; Beta's already edited.
        process.env.XBORDER_AUDIT_KEY_FILE = join(keys, "scratch.key");
        let run = await boot(db);
        const owner: Client = await setUp(run, "owner@old.example", "Old");
        const put = async (org: string, i: number) =>
          (
            await req(run.url, `/api/v1/orgs/${org}/datamap`, {
              method: "PUT",
              client: owner,
              type: "application/yaml",
              body: `${EXAMPLE}\n# ${i}\n`,
            })
          ).status;
        for (let i = 0; i < 2; i++) assert.equal(await put("old", i), 201);
        const made = await req(run.url, "/orgs", {
          method: "POST",
          client: owner,
          type: "application/x-www-form-urlencoded",
          body: new URLSearchParams({ _csrf: owner.csrf!, name: "Beta" }),
        });
        assert.equal(made.status, 303);
        assert.equal(await put("beta", 0), 201);
        await run.close();
        await rewriteUnkeyed(db, "old");
        await rewriteUnkeyed(db, "beta", { seq: 1, target: "Someone else" });

        // The upgrade: the first start with a key (none existed before the release that keyed the chain).
        const key = join(keys, "audit.key");
        process.env.XBORDER_AUDIT_KEY_FILE = key;
        run = await boot(db);
        const verify = async (org: string) => json<Verdict>(await req(run.url, `/api/v1/orgs/${org}/audit/verify`, { client: owner }));
        const old = await verify("old");
        assert.equal(old.intact, true, JSON.stringify(old));
        const n = old.unkeyed!;
        assert.ok(n >= 3, `the unkeyed entries are named: ${JSON.stringify(old)}`);
        assert.equal(old.entries, n + 1, "one entry records the key's adoption");
        const page = await (await req(run.url, "/o/old/audit?lang=en", { client: owner, headers: { "accept-language": "en" } })).text();
        assert.match(page, /intact since/);
        assert.match(page, new RegExp(`entries 1–${n} written before the chain was keyed \\(unkeyed\\)`));
        assert.match(page, /audit\.key-adopted/);
        assert.equal(await put("old", 9), 201, "entries after the adoption are keyed");
        assert.equal((await verify("old")).intact, true);
        // Beta's chain was broken before the upgrade: said so, at the entry, not papered over.
        const beta = await verify("beta");
        assert.equal(beta.intact, false);
        assert.equal(beta.broken!.seq, 1);
        assert.match(beta.broken!.reason, /before the chain was keyed/);
        await run.close();

        const cli = (org: string) => xborder(["audit", "verify", "--db", db, "--org", org], { env: { XBORDER_AUDIT_KEY_FILE: key } });
        const ok = cli("old");
        assert.equal(ok.code, 0, ok.stdout + ok.stderr);
        assert.match(ok.stdout, new RegExp(`old: intact since .*; entries 1–${n} written before the chain was keyed \\(unkeyed\\)`));
        assert.equal(cli("beta").code, 1);

        // Someone who can write the table edits an old entry: detected at it.
        const ws = await openWorkspace(db);
        const { id } = await ws.db.selectFrom("ws_org").select("id").where("slug", "=", "old").executeTakeFirstOrThrow();
        await ws.db.updateTable("ws_audit").set({ target: "version 99" }).where("org_id", "=", id).where("seq", "=", 2).execute();
        await ws.close();
        const edited = cli("old");
        assert.equal(edited.code, 1);
        assert.match(edited.stdout, /old: BROKEN at entry 2: was edited after it was written \(before the chain was keyed\)/);
        // … and recomputes the unkeyed part, as the old chain allowed: the keyed adoption entry no longer follows it.
        await rewriteUnkeyed(db, "old");
        const recomputed = cli("old");
        assert.equal(recomputed.code, 1);
        assert.match(recomputed.stdout, new RegExp(`old: BROKEN at entry ${n + 1}: `));
      } finally {
        if (saved === undefined) delete process.env.XBORDER_AUDIT_KEY_FILE;
        else process.env.XBORDER_AUDIT_KEY_FILE = saved;
      }
    });
  });
}
