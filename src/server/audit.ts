/**
 * The audit log: every change is one append-only entry (who, when, what, the digest before and
 * after), its hash covering the previous entry's hash, and the organisation's row keeping the head —
 * so an edited, inserted or removed entry (the last one too) is detected. The hashes are HMACs under
 * the workspace's audit key, a file outside the database (like the ledger's secret): whoever can
 * write the tables cannot recompute the chain. Removing the newest entries and setting the head back
 * needs no key, so an exported head (`xborder audit verify --expect-head SEQ:HASH`) is checked too.
 * Identifiers never appear: targets name versions, files by name and counts, never a person.
 */
import { createHmac } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { loadOrCreateSecret } from "../identity/keys.js";
import type { Kysely, Selectable } from "kysely";
import type { WorkspaceDatabase } from "./db/schema.js";
import { orgScoped } from "./db/wall.js";

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

export function useAuditKey(db: Kysely<WorkspaceDatabase>, path: string): void {
  KEYS.set(db, loadOrCreateSecret(path));
}

const entryHash = (db: Kysely<WorkspaceDatabase>, orgId: number, e: Omit<AuditEntry, "hash">, prev: string) => {
  const key = KEYS.get(db);
  if (!key) throw new Error("the workspace's audit key is not loaded");
  return createHmac("sha256", key)
    .update(JSON.stringify([orgId, e.seq, e.at, e.actor, e.action, e.target, e.before, e.after, prev]))
    .digest("hex");
};

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
}

/**
 * The chain, entry by entry, under the audit key; `expectHead` (SEQ:HASH, exported earlier) must
 * still be in it — else newer entries were removed and the head set back.
 */
export async function verifyAudit(db: Kysely<WorkspaceDatabase>, orgId: number, expectHead?: string): Promise<AuditVerdict> {
  const org = await db.selectFrom("ws_org").select(["audit_seq", "audit_head"]).where("id", "=", orgId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("ws_audit").selectAll().where("org_id", "=", orgId).orderBy("seq").execute();
  let prev = GENESIS;
  let expected = 1;
  const since = rows[0] ? new Date(rows[0].at).toISOString() : null;
  const head = rows.length ? `${rows.at(-1)!.seq}:${rows.at(-1)!.hash}` : null;
  const verdict = (seq: number, reason: string): AuditVerdict => ({
    intact: false,
    entries: rows.length,
    since,
    head,
    broken: { seq, reason },
  });
  for (const r of rows) {
    if (r.seq !== expected) return verdict(r.seq, `entry ${expected} is missing`);
    if (r.prev_hash !== prev) return verdict(r.seq, "does not follow the previous entry");
    if (entryHash(db, orgId, entryOf(r), prev) !== r.hash)
      return verdict(r.seq, "was edited after it was written (or the audit key is not this workspace's)");
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
  return { intact: true, entries: rows.length, since, head };
}

const csvCell = (s: string | number | null) => {
  const t = s === null ? "" : String(s);
  // A leading =, +, - or @ is a formula to a spreadsheet: quote it as text.
  const safe = /^[=+\-@]/.test(t) ? `'${t}` : t;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function auditCsv(entries: readonly AuditEntry[]): string {
  const head = ["seq", "at", "actor", "action", "target", "before", "after", "hash"];
  const lines = [head.join(",")];
  for (const e of [...entries].sort((a, b) => a.seq - b.seq)) {
    lines.push([e.seq, e.at, e.actor, e.action, e.target, e.before, e.after, e.hash].map(csvCell).join(","));
  }
  return `${lines.join("\r\n")}\r\n`;
}
