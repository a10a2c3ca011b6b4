/**
 * Long work kept in the database: a ledger import is a job with a status URL. The uploaded file
 * waits in a private temporary folder (mode 0700) and is deleted when the job ends, whatever the
 * outcome: raw identifiers never reach the database or stay on disk. A job a restart interrupted
 * is marked failed — the import is all-or-nothing, so the ledger is as it was — and can be re-run
 * by uploading the file again (imports are idempotent).
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import type { Kysely } from "kysely";
import { parseDataMap } from "../engine/load.js";
import { formatOf } from "../ledger/events.js";
import { importEvents } from "../ledger/import.js";
import { appendAudit } from "./audit.js";
import type { WorkspaceDatabase } from "./db/schema.js";
import { latestVersion } from "./datamaps.js";
import type { Ledgers } from "./ledgers.js";
import { InputProblem } from "./orgs.js";

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export interface JobView {
  id: number;
  kind: string;
  status: string;
  progress: number;
  message: string;
  result: unknown;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export class UploadTooLarge extends Error {
  override name = "UploadTooLarge";
}

/** This process, as a job's owner. */
export const OWNER = `${hostname()}:${process.pid}`;

function alive(owner: string): boolean {
  const [host, pid] = owner.split(":");
  if (host !== hostname()) return true; // another machine's server: not ours to judge
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export class Jobs {
  private readonly running = new Set<Promise<void>>();
  constructor(
    private readonly db: Kysely<WorkspaceDatabase>,
    private readonly ledgers: Ledgers,
  ) {}

  /**
   * At start: jobs whose process has stopped (on this machine), or that have not moved for six
   * hours, are failed — nothing of them was applied. Another server's live jobs are left alone.
   */
  async recover(): Promise<number> {
    const open = await this.db
      .selectFrom("ws_job")
      .select(["id", "owner", "updated_at"])
      .where("status", "in", ["queued", "running"])
      .execute();
    const stale = open.filter((j) => !alive(j.owner) || new Date(j.updated_at).getTime() < Date.now() - 6 * 3_600_000).map((j) => j.id);
    if (!stale.length) return 0;
    await this.db
      .updateTable("ws_job")
      .set({ status: "failed", message: "interrupted by a restart: nothing was applied; upload the file again", updated_at: new Date() })
      .where("id", "in", stale)
      .execute();
    return stale.length;
  }

  /** Stream an upload to a private temporary file and queue its import. */
  async startLedgerImport(orgId: number, name: string, body: WebStream<Uint8Array> | null, by: string): Promise<number> {
    const clean =
      basename(name.replace(/\\/g, "/"))
        .replace(/[^\w.\-\u4e00-\u9fff]/g, "_")
        .slice(0, 120) || "events.csv";
    formatOf(clean); // an unknown type is refused before anything is stored
    const map = await latestVersion(this.db, orgId);
    if (!map) throw new InputProblem("save a data map first: the import checks each event's transfer against it", "datamap");
    if (!body) throw new InputProblem("the request has no file", "body");
    const dir = await mkdtemp(join(tmpdir(), "xborder-upload-"));
    const file = join(dir, clean);
    const hash = createHash("sha256");
    let bytes = 0;
    try {
      await pipeline(
        Readable.fromWeb(body),
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            bytes += chunk.length;
            if (bytes > MAX_UPLOAD_BYTES) throw new UploadTooLarge(`the upload is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB`);
            hash.update(chunk);
            yield chunk;
          }
        },
        createWriteStream(file, { mode: 0o600 }),
      );
      if (bytes === 0) throw new InputProblem("the file is empty", "body");
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const job = await this.db
      .insertInto("ws_job")
      .values({
        org_id: orgId,
        kind: "ledger_import",
        status: "queued",
        progress: 0,
        message: clean,
        created_by: by,
        owner: OWNER,
        updated_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const run = this.runImport(orgId, job.id, dir, file, clean, hash.digest("hex"), map.content, by).finally(() =>
      this.running.delete(run),
    );
    this.running.add(run);
    return job.id;
  }

  private async runImport(orgId: number, id: number, dir: string, file: string, name: string, digest: string, mapText: string, by: string) {
    const set = (v: Partial<{ status: JobView["status"]; progress: number; message: string; result: string }>) =>
      this.db
        .updateTable("ws_job")
        .set({ ...(v as object), updated_at: new Date() })
        .where("id", "=", id)
        .execute();
    try {
      const claimed = await this.db
        .updateTable("ws_job")
        .set({ status: "running", updated_at: new Date() })
        .where("id", "=", id)
        .where("status", "=", "queued")
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return; // cancelled while queued
      const store = await this.ledgers.of(orgId);
      const r = await importEvents(store, file, parseDataMap(mapText));
      const message = r.status === "unchanged" ? `${name}: already imported, nothing changed` : `${name}: ${r.rows} rows imported`;
      await set({ status: "done", progress: 1, message, result: JSON.stringify({ status: r.status, rows: r.rows }) });
      await appendAudit(this.db, { orgId, actor: by, action: "ledger.import", target: message, after: digest });
    } catch (e) {
      const msg = (e as Error).message.split(dir).join("").replace(/^\//, "");
      await set({ status: "failed", message: msg.replaceAll(`/${name}`, name) }).catch(() => undefined);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async get(orgId: number, id: number): Promise<JobView | undefined> {
    const r = await this.db.selectFrom("ws_job").selectAll().where("org_id", "=", orgId).where("id", "=", id).executeTakeFirst();
    if (!r) return undefined;
    return {
      id: r.id,
      kind: r.kind,
      status: r.status,
      progress: r.progress,
      message: r.message,
      result: r.result ? JSON.parse(r.result) : null,
      createdBy: r.created_by,
      createdAt: new Date(r.created_at).toISOString(),
      updatedAt: new Date(r.updated_at).toISOString(),
    };
  }

  async list(orgId: number, limit = 20): Promise<JobView[]> {
    const rows = await this.db.selectFrom("ws_job").select("id").where("org_id", "=", orgId).orderBy("id", "desc").limit(limit).execute();
    return (await Promise.all(rows.map((r) => this.get(orgId, r.id)))).filter((j): j is JobView => j !== undefined);
  }

  /** Cancel a job that has not started; one under way finishes (its import is all-or-nothing). */
  async cancel(orgId: number, id: number): Promise<"cancelled" | "not_found" | "too_late"> {
    const r = await this.db
      .updateTable("ws_job")
      .set({ status: "cancelled", updated_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .where("status", "=", "queued")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return "cancelled";
    return (await this.get(orgId, id)) ? "too_late" : "not_found";
  }

  /** Wait for the jobs this process runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
