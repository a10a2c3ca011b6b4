/**
 * The audit log: every change is one append-only entry (who, when, what, the digest before and
 * after), its hash covering the previous entry's hash, and the organisation's row keeping the head —
 * so an edited, inserted or removed entry (the last one too) is detected. The hashes are HMACs under
 * the workspace's audit key, a file outside the database (like the ledger's secret): whoever can
 * write the tables cannot recompute the chain. Removing the newest entries and setting the head back
 * needs no key, so an exported head (`xborder audit verify --expect-head SEQ:HASH`) is checked too.
 * A chain written by the release before the key (plain SHA-256) is adopted when the key file is
 * created: verified as it stands, then an `audit.key-adopted` entry, keyed, covers its head; the
 * entries before it are checked as the unkeyed chain, those from it on under the key.
 * Identifiers never appear: targets name versions, files by name and counts, never a person.
 */
import { createHash, createHmac } from "node:crypto";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadOrCreateSecret } from "../identity/keys.js";
import type { Kysely, Selectable } from "kysely";
import type { WorkspaceDatabase } from "./db/schema.js";
import { orgScoped } from "./db/wall.js";
import { csvCell } from "../report/tables.js";

export const GENESIS = "0".repeat(64);

export interface AuditInput {
  orgId: number;
  actor: string;
  action: string;
  target: string;
  before?: string | null;
  after?: string | null;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  before: string | null;
  after: string | null;
  hash: string;
}

/** Each workspace database's audit key (set when it is opened). */
const KEYS = new WeakMap<object, Buffer>();

/**
 * The audit key's file: $XBORDER_AUDIT_KEY_FILE, else `audit.key` beside an embedded workspace, or
 * ~/.xborder/audit.key for a PostgreSQL one (every server process of that workspace needs the same file).
 */
export function auditKeyPath(kind: "pglite" | "postgres", dir?: string): string {
  return (
    process.env.XBORDER_AUDIT_KEY_FILE ?? (kind === "pglite" && dir ? join(dir, "audit.key") : join(homedir(), ".xborder", "audit.key"))
  );
}

/** The entry that records the key's adoption: the entries before it were written unkeyed. */
export const KEY_ADOPTED = "audit.key-adopted";

/**
 * Load the workspace's audit key; when this creates the key file (the first start after the
 * upgrade), every organisation's existing chain — unkeyed then — is adopted.
 */
export async function useAuditKey(db: Kysely<WorkspaceDatabase>, path: string): Promise<void> {
  const created = !existsSync(path);
  KEYS.set(db, loadOrCreateSecret(path));
  if (created) await adoptAuditKey(db);
}

const hashed = (orgId: number, e: Omit<AuditEntry, "hash">, prev: string) =>
  JSON.stringify([orgId, e.seq, e.at, e.actor, e.action, e.target, e.before, e.after, prev]);

const entryHash = (db: Kysely<WorkspaceDatabase>, orgId: number, e: Omit<AuditEntry, "hash">, prev: string) => {
  const key = KEYS.get(db);
  if (!key) throw new Error("the workspace's audit key is not loaded");
  return createHmac("sha256", key)
    .update(hashed(orgId, e, prev))
    .digest("hex");
};

/** How the release before the key hashed an entry (plain SHA-256): only for the entries before the adoption. */
const unkeyedHash = (orgId: number, e: Omit<AuditEntry, "hash">, prev: string) =>
  createHash("sha256")
    .update(hashed(orgId, e, prev))
    .digest("hex");

/**
 * Each organisation with entries gets one keyed `audit.key-adopted` entry covering its unkeyed head,
 * naming what it covers — and where that chain was already broken, if it was (never papered over:
 * verification goes on reporting the break).
 */
async function adoptAuditKey(db: Kysely<WorkspaceDatabase>): Promise<void> {
  const orgs = await db.selectFrom("ws_org").select("id").where("audit_seq", ">", 0).orderBy("id").execute();
  for (const { id } of orgs) {
    const old = await verifyAudit(db, id);
    const span = `entries 1–${old.entries} (unkeyed)`;
    await appendAudit(db, {
      orgId: id,
      actor: "xborder",
      action: KEY_ADOPTED,
      target: old.broken ? `${span}: broken at entry ${old.broken.seq}, ${old.broken.reason}` : `${span}: intact`,
    });
  }
}

/** Append one entry; the organisation's row is locked for the transaction, so two processes never fork the chain. */
export async function appendAudit(db: Kysely<WorkspaceDatabase>, input: AuditInput): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const org = await tx
      .selectFrom("ws_org")
      .select(["audit_seq", "audit_head"])
      .where("id", "=", input.orgId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const e = {
      seq: org.audit_seq + 1,
      at: new Date().toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target,
      before: input.before ?? null,
      after: input.after ?? null,
    };
    const hash = entryHash(db, input.orgId, e, org.audit_head);
    await tx
      .insertInto("ws_audit")
      .values({
        org_id: input.orgId,
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        target: e.target,
        before_digest: e.before,
        after_digest: e.after,
        prev_hash: org.audit_head,
        hash,
      })
      .execute();
    await tx.updateTable("ws_org").set({ audit_seq: e.seq, audit_head: hash }).where("id", "=", input.orgId).execute();
  });
}

type AuditRow = Selectable<WorkspaceDatabase["ws_audit"]>;

const entryOf = (r: AuditRow): AuditEntry => ({
  seq: r.seq,
  at: new Date(r.at).toISOString(),
  actor: r.actor,
  action: r.action,
  target: r.target,
  before: r.before_digest,
  after: r.after_digest,
  hash: r.hash,
});

export async function auditEntries(db: Kysely<WorkspaceDatabase>, orgId: number, limit = 10_000): Promise<AuditEntry[]> {
  const rows = await orgScoped(db, orgId, (db) =>
    db.selectFrom("ws_audit").selectAll().where("org_id", "=", orgId).orderBy("seq", "desc").limit(limit).execute(),
  );
  return rows.map(entryOf);
}

export interface AuditVerdict {
  intact: boolean;
  entries: number;
  /** The first entry's time: "intact since …". */
  since: string | null;
  /** Where the chain breaks, and how. */
  broken?: { seq: number; reason: string };
  /** The newest entry, to export and check later (`--expect-head SEQ:HASH`). */
  head: string | null;
  /** Entries 1–N were written before the chain was keyed (checked as the unkeyed chain). */
  unkeyed?: number;
}

/** "entries 1–N written before the chain was keyed (unkeyed)", where there are such entries. */
export const unkeyedNote = (v: AuditVerdict): string =>
  v.unkeyed ? `entries 1–${v.unkeyed} written before the chain was keyed (unkeyed)` : "";

/**
 * The chain, entry by entry, under the audit key; `expectHead` (SEQ:HASH, exported earlier) must
 * still be in it — else newer entries were removed and the head set back.
 */
export async function verifyAudit(db: Kysely<WorkspaceDatabase>, orgId: number, expectHead?: string): Promise<AuditVerdict> {
  const org = await db.selectFrom("ws_org").select(["audit_seq", "audit_head"]).where("id", "=", orgId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("ws_audit").selectAll().where("org_id", "=", orgId).orderBy("seq").execute();
  let prev = GENESIS;
  let expected = 1;
  // The first adoption entry (checked under the key like every entry after it); none: all keyed.
  const adopted = rows.findIndex((r) => r.action === KEY_ADOPTED);
  const unkeyed = adopted > 0 ? { unkeyed: adopted } : {};
  const since = rows[0] ? new Date(rows[0].at).toISOString() : null;
  const head = rows.length ? `${rows.at(-1)!.seq}:${rows.at(-1)!.hash}` : null;
  const verdict = (seq: number, reason: string): AuditVerdict => ({
    intact: false,
    entries: rows.length,
    since,
    head,
    ...unkeyed,
    broken: { seq, reason },
  });
  for (const [i, r] of rows.entries()) {
    const before = i < adopted ? " (before the chain was keyed)" : "";
    if (r.seq !== expected) return verdict(r.seq, `entry ${expected} is missing${before}`);
    if (r.prev_hash !== prev) return verdict(r.seq, `does not follow the previous entry${before}`);
    if (before) {
      if (unkeyedHash(orgId, entryOf(r), prev) !== r.hash) return verdict(r.seq, `was edited after it was written${before}`);
    } else if (entryHash(db, orgId, entryOf(r), prev) !== r.hash)
      return verdict(
        r.seq,
        adopted < 0 && unkeyedHash(orgId, entryOf(r), prev) === r.hash
          ? "was written without the audit key and no adoption of the key is recorded: the chain was rewritten without the key"
          : "was edited after it was written (or the audit key is not this workspace's)",
      );
    prev = r.hash;
    expected++;
  }
  if (org.audit_seq !== rows.length || org.audit_head !== prev) return verdict(org.audit_seq, "entries at the end were removed");
  if (expectHead) {
    const [seq, hash] = expectHead.split(":");
    const at = rows.find((r) => r.seq === Number(seq));
    if (!at || at.hash !== hash)
      return verdict(Number(seq) || 0, `the exported head ${expectHead} is not in the chain: entries were removed or rewritten`);
  }
  return { intact: true, entries: rows.length, since, head, ...unkeyed };
}

export function auditCsv(entries: readonly AuditEntry[]): string {
  const head = ["seq", "at", "actor", "action", "target", "before", "after", "hash"];
  const lines = [head.join(",")];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    lines.push([e.seq, e.at, e.actor, e.action, e.target, e.before, e.after, e.hash].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
