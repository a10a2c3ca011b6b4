/**
 * The organisation's data map, versioned: every save is a new version (who, when, the text exactly
 * as given, so export round-trips with `xborder assess`'s format). Validation is the CLI's.
 */
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { DataMap } from "../engine/datamap.js";
import { parseDataMap } from "../engine/load.js";
import type { WorkspaceDatabase } from "./db/schema.js";
import { orgScoped } from "./db/wall.js";

export const MAX_MAP_BYTES = 16 * 1024 * 1024;

export interface MapVersion {
  version: number;
  format: "yaml" | "json";
  digest: string;
  createdBy: string;
  createdAt: string;
  content: string;
}

export const digestOf = (text: string) => createHash("sha256").update(text).digest("hex");

/** JSON when the text is a JSON object, else YAML (YAML is a superset: the parse is the same). */
export const formatOfText = (text: string): "yaml" | "json" => (/^\s*\{/.test(text) ? "json" : "yaml");

/** Parse and validate; throws InputError / DataMapError naming the field (as the CLI does). */
export function checkMap(text: string, name = "datamap"): DataMap {
  return parseDataMap(text, name);
}

/** A save based on a version that is no longer the latest (someone saved in between): nothing was saved. */
export class VersionConflict extends Error {
  override name = "VersionConflict";
  constructor(readonly current: number) {
    super(
      `the data map is now at version ${current}: this save was based on an older one and was not saved; reload and apply the change again`,
    );
  }
}

/**
 * A new version. `base`: the version the edit started from (If-Match, the form's `base`); a stale
 * one is refused. Two saves at once never both win: the loser gets the conflict, not an error.
 */
export async function saveVersion(
  db: Kysely<WorkspaceDatabase>,
  orgId: number,
  text: string,
  by: string,
  base?: number,
): Promise<{ version: MapVersion; previous?: MapVersion }> {
  checkMap(text);
  const previous = await latestVersion(db, orgId);
  const current = previous?.version ?? 0;
  if (base !== undefined && base !== current) throw new VersionConflict(current);
  try {
    const row = await db
      .insertInto("ws_datamap_version")
      .values({
        org_id: orgId,
        version: current + 1,
        content: text,
        format: formatOfText(text),
        digest: digestOf(text),
        created_by: by,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { version: toVersion(row), previous };
  } catch (e) {
    if ((e as { code?: string }).code === "23505") throw new VersionConflict((await latestMeta(db, orgId))?.version ?? current + 1);
    throw e;
  }
}

type Row = { version: number; format: string; digest: string; created_by: string; created_at: Date; content: string };
const toVersion = (r: Row): MapVersion => ({
  version: r.version,
  format: r.format as MapVersion["format"],
  digest: r.digest,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  content: r.content,
});

export async function latestVersion(db: Kysely<WorkspaceDatabase>, orgId: number): Promise<MapVersion | undefined> {
  const r = await orgScoped(db, orgId, (db) =>
    db.selectFrom("ws_datamap_version").selectAll().where("org_id", "=", orgId).orderBy("version", "desc").limit(1).executeTakeFirst(),
  );
  return r ? toVersion(r) : undefined;
}

/** The latest version's number and digest, without its text (the text is fetched only when not cached). */
export async function latestMeta(db: Kysely<WorkspaceDatabase>, orgId: number): Promise<{ version: number; digest: string } | undefined> {
  return orgScoped(db, orgId, (db) =>
    db
      .selectFrom("ws_datamap_version")
      .select(["version", "digest"])
      .where("org_id", "=", orgId)
      .orderBy("version", "desc")
      .limit(1)
      .executeTakeFirst(),
  );
}

export async function getVersion(db: Kysely<WorkspaceDatabase>, orgId: number, version: number): Promise<MapVersion | undefined> {
  const r = await orgScoped(db, orgId, (db) =>
    db.selectFrom("ws_datamap_version").selectAll().where("org_id", "=", orgId).where("version", "=", version).executeTakeFirst(),
  );
  return r ? toVersion(r) : undefined;
}

export async function listVersions(db: Kysely<WorkspaceDatabase>, orgId: number): Promise<Omit<MapVersion, "content">[]> {
  const rows = await orgScoped(db, orgId, (db) =>
    db
      .selectFrom("ws_datamap_version")
      .select(["version", "format", "digest", "created_by", "created_at"])
      .where("org_id", "=", orgId)
      .orderBy("version", "desc")
      .execute(),
  );
  return rows.map((r) => ({
    version: r.version,
    format: r.format as MapVersion["format"],
    digest: r.digest,
    createdBy: r.created_by,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}
