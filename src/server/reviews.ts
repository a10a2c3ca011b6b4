/**
 * Review and sign-off of an assessment (issue 29 §3): an editor submits the assessment of the
 * current data map version on a date (with the counts it used); an owner approves it or sends it
 * back with a comment — never their own submission (four eyes). Every step is in the audit log,
 * with the map's digest.
 */
import { HTTPException } from "hono/http-exception";
import { appendAudit } from "./audit.js";
import type { Access, Deps } from "./context.js";
import { notFound } from "./context.js";
import { orgScoped } from "./db/wall.js";
import { InputProblem } from "./orgs.js";
import { assessOrg, requireMap } from "./service.js";

export interface Review {
  id: number;
  mapVersion: number;
  digest: string;
  asOf: string;
  countsSource: string;
  status: "submitted" | "approved" | "returned";
  submittedBy: string;
  submittedAt: string;
  decidedBy?: string;
  decidedAt?: string;
  comment?: string;
}

type Row = {
  id: number;
  map_version: number;
  digest: string;
  as_of: string;
  counts_source: string;
  status: Review["status"];
  submitted_by: string;
  submitted_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
};

const toReview = (r: Row): Review => ({
  id: r.id,
  mapVersion: r.map_version,
  digest: r.digest,
  asOf: r.as_of,
  countsSource: r.counts_source,
  status: r.status,
  submittedBy: r.submitted_by,
  submittedAt: new Date(r.submitted_at).toISOString(),
  ...(r.decided_by ? { decidedBy: r.decided_by } : {}),
  ...(r.decided_at ? { decidedAt: new Date(r.decided_at).toISOString() } : {}),
  ...(r.comment ? { comment: r.comment } : {}),
});

export async function listReviews(deps: Deps, orgId: number): Promise<Review[]> {
  const rows = await orgScoped(deps.ws.db, orgId, (db) =>
    db.selectFrom("ws_review").selectAll().where("org_id", "=", orgId).orderBy("id", "desc").limit(200).execute(),
  );
  return rows.map(toReview);
}

/** Submit the assessment of the current version on `asOf` (default today, Asia/Shanghai) for review. */
export async function submitReview(deps: Deps, a: Access, asOf?: string): Promise<Review> {
  const { version } = await requireMap(deps, a.org.id);
  const { assessment } = await assessOrg(deps, a.org.id, { asOf });
  const row = await deps.ws.db
    .insertInto("ws_review")
    .values({
      org_id: a.org.id,
      map_version: version.version,
      digest: version.digest,
      as_of: assessment.asOf,
      counts_source: assessment.countsSource,
      status: "submitted",
      submitted_by: a.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(deps.ws.db, {
    orgId: a.org.id,
    actor: a.actor,
    action: "review.submit",
    target: `review ${row.id}: version ${version.version} as of ${assessment.asOf} (counts: ${assessment.countsSource})`,
    after: version.digest,
  });
  return toReview(row);
}

/** Approve, or send back with a comment, a submitted review: by another person than its submitter. */
export async function decideReview(
  deps: Deps,
  a: Access,
  id: number,
  decision: "approved" | "returned",
  comment?: string,
): Promise<Review> {
  const text = comment?.trim().slice(0, 2000) || undefined;
  if (decision === "returned" && !text) throw new InputProblem("say why it is sent back", "comment");
  const row = await deps.ws.db.selectFrom("ws_review").selectAll().where("org_id", "=", a.org.id).where("id", "=", id).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status !== "submitted") throw new HTTPException(409, { message: `review ${id} is ${row.status}, not awaiting a decision` });
  if (row.submitted_by === a.actor) throw new HTTPException(409, { message: "a review is decided by someone other than its submitter" });
  const done = await deps.ws.db
    .updateTable("ws_review")
    .set({ status: decision, decided_by: a.actor, decided_at: new Date(), comment: text ?? null })
    .where("org_id", "=", a.org.id)
    .where("id", "=", id)
    .where("status", "=", "submitted")
    .returningAll()
    .executeTakeFirst();
  if (!done) throw new HTTPException(409, { message: `review ${id} was decided meanwhile` });
  await appendAudit(deps.ws.db, {
    orgId: a.org.id,
    actor: a.actor,
    action: decision === "approved" ? "review.approve" : "review.return",
    target: `review ${id}: version ${row.map_version} as of ${row.as_of}${text ? ` — ${text}` : ""}`,
    before: row.digest,
    after: row.digest,
  });
  return toReview(done);
}

/** The approved review of this version and date, for the print view's sign-off block. */
export async function approvalFor(deps: Deps, orgId: number, mapVersion: number, asOf: string): Promise<Review | undefined> {
  return (await listReviews(deps, orgId)).find((r) => r.status === "approved" && r.mapVersion === mapVersion && r.asOf === asOf);
}
