/**
 * The Filings page's documents: generated from the organisation's current data map and ledger by
 * the command line's builders, kept as data (versioned per kind, in the audit log), laid out as
 * DOCX, HTML or PDF on download.
 */
import { createHash } from "node:crypto";
import { buildDocument, DOCUMENT_KINDS, type DocumentKind, type FilingDocument, openItems } from "../report/documents/index.js";
import type { Lang } from "../law/index.js";
import { appendAudit } from "./audit.js";
import type { Access, Deps } from "./context.js";
import { orgScoped } from "./db/wall.js";
import { InputProblem } from "./orgs.js";
import { asOfFor, orgLedgerCounts, requireMap } from "./service.js";

export const isDocumentKind = (k: unknown): k is DocumentKind => typeof k === "string" && (DOCUMENT_KINDS as readonly string[]).includes(k);

/** The document as it would be made now (the checklist the page shows). */
export async function draftDocument(
  deps: Deps,
  orgId: number,
  kind: DocumentKind,
  o: { asOf?: string; lang?: Lang; route?: "sc" | "gba" },
): Promise<{ doc: FilingDocument; mapVersion: number }> {
  const { map, version } = await requireMap(deps, orgId);
  const asOf = asOfFor(o.asOf);
  const doc = buildDocument(kind, {
    map,
    asOf,
    lang: o.lang ?? "zh",
    ledger: await orgLedgerCounts(deps, orgId, map, asOf),
    route: o.route,
  });
  return { doc, mapVersion: version.version };
}

export interface StoredDocument {
  id: number;
  kind: string;
  version: number;
  mapVersion: number;
  lang: string;
  missing: number;
  createdBy: string;
  createdAt: string;
}

export async function generateDocument(
  deps: Deps,
  a: Access,
  kind: unknown,
  o: { asOf?: string; lang?: Lang; route?: "sc" | "gba" },
): Promise<StoredDocument> {
  if (!isDocumentKind(kind)) throw new InputProblem(`expected one of ${DOCUMENT_KINDS.join(" | ")}`, "kind");
  const { doc, mapVersion } = await draftDocument(deps, a.org.id, kind, o);
  const model = JSON.stringify(doc);
  const db = deps.ws.db;
  const last = await db
    .selectFrom("ws_document")
    .select("version")
    .where("org_id", "=", a.org.id)
    .where("kind", "=", kind)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  const row = await db
    .insertInto("ws_document")
    .values({
      org_id: a.org.id,
      kind,
      version: (last?.version ?? 0) + 1,
      map_version: mapVersion,
      lang: doc.lang,
      // Everything open (placeholders, materials, a refusal): 0 means the filing copy can be made.
      missing: openItems(doc).length,
      model,
      digest: createHash("sha256").update(model).digest("hex"),
      created_by: a.actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendAudit(db, {
    orgId: a.org.id,
    actor: a.actor,
    action: "document.generate",
    target: `${kind} version ${row.version} (data map version ${mapVersion}, ${row.missing} to write)`,
    after: row.digest,
  });
  return toStored(row);
}

const toStored = (r: {
  id: number;
  kind: string;
  version: number;
  map_version: number;
  lang: string;
  missing: number;
  created_by: string;
  created_at: Date;
}): StoredDocument => ({
  id: r.id,
  kind: r.kind,
  version: r.version,
  mapVersion: r.map_version,
  lang: r.lang,
  missing: r.missing,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
});

export async function listDocuments(deps: Deps, orgId: number): Promise<StoredDocument[]> {
  const rows = await orgScoped(deps.ws.db, orgId, (db) =>
    db
      .selectFrom("ws_document")
      .select(["id", "kind", "version", "map_version", "lang", "missing", "created_by", "created_at"])
      .where("org_id", "=", orgId)
      .orderBy("id", "desc")
      .execute(),
  );
  return rows.map(toStored);
}

export async function storedDocument(deps: Deps, orgId: number, id: number): Promise<FilingDocument | undefined> {
  const r = await orgScoped(deps.ws.db, orgId, (db) =>
    db.selectFrom("ws_document").select("model").where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst(),
  );
  return r ? (JSON.parse(r.model) as FilingDocument) : undefined;
}
