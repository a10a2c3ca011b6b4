/**
 * The audit log: every change is one append-only entry (who, when, what, the digest before and
 * after), its hash covering the previous entry's hash, and the organisation's row keeping the head —
 * so an edited, inserted or removed entry (the last one too) is detected. Identifiers never appear:
 * targets name versions, files by name and counts, never a person.
 */
import { createHash } from "node:crypto";
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

const entryHash = (orgId: number, e: Omit<AuditEntry, "hash">, prev: string) =>
  createHash("sha256")
    .update(JSON.stringify([orgId, e.seq, e.at, e.actor, e.action, e.target, e.before, e.after, prev]))
    .digest("hex");

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
    const hash = entryHash(input.orgId, e, org.audit_head);
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
}

export async function verifyAudit(db: Kysely<WorkspaceDatabase>, orgId: number): Promise<AuditVerdict> {
  const org = await db.selectFrom("ws_org").select(["audit_seq", "audit_head"]).where("id", "=", orgId).executeTakeFirstOrThrow();
  const rows = await db.selectFrom("ws_audit").selectAll().where("org_id", "=", orgId).orderBy("seq").execute();
  let prev = GENESIS;
  let expected = 1;
  const since = rows[0] ? new Date(rows[0].at).toISOString() : null;
  for (const r of rows) {
    const fail = (reason: string): AuditVerdict => ({ intact: false, entries: rows.length, since, broken: { seq: r.seq, reason } });
    if (r.seq !== expected) return fail(`entry ${expected} is missing`);
    if (r.prev_hash !== prev) return fail("does not follow the previous entry");
    if (entryHash(orgId, entryOf(r), prev) !== r.hash) return fail("was edited after it was written");
    prev = r.hash;
    expected++;
  }
  if (org.audit_seq !== rows.length || org.audit_head !== prev) {
    return { intact: false, entries: rows.length, since, broken: { seq: org.audit_seq, reason: "entries at the end were removed" } };
  }
  return { intact: true, entries: rows.length, since };
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
