/**
 * Long work kept in the database: a ledger import is a job with a status URL. The uploaded file
 * waits in a private temporary folder (mode 0700) and is deleted when the job ends, whatever the
 * outcome: raw identifiers never reach the database or stay on disk. A job a restart interrupted
 * is marked failed — the import is all-or-nothing, so the ledger is as it was — and can be re-run
 * by uploading the file again (imports are idempotent).
 */
import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebStream } from "node:stream/web";
import { type Kysely, sql } from "kysely";
import { parseDataMap } from "../engine/load.js";
import { formatOf } from "../ledger/events.js";
import { importEvents } from "../ledger/import.js";
import { type ScanFinding, scanPaths } from "../scan/scan.js";
import { appendAudit } from "./audit.js";
import type { WorkspaceDatabase } from "./db/schema.js";
import { orgScoped } from "./db/wall.js";
import { latestVersion } from "./datamaps.js";
import type { Ledgers } from "./ledgers.js";
import { InputProblem } from "./orgs.js";
import { scanTarget } from "./scan-targets.js";

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

export interface Upload {
  name: string;
  body: WebStream<Uint8Array>;
}

/** A file name safe to use on disk and to show: no folders, no odd characters. */
export const cleanName = (name: string) =>
  basename(name.replace(/\\/g, "/"))
    .replace(/[^\w.\-\u4e00-\u9fff]/g, "_")
    .slice(0, 120) || "upload";

/** The largest upload (all files of one request): 2 GiB, or $XBORDER_MAX_UPLOAD_BYTES. */
export const maxUpload = () => Number(process.env.XBORDER_MAX_UPLOAD_BYTES ?? 2 * 1024 ** 3);

/** A scan keeps its first 10,000 findings (masked values only); the download says when there were more. */
export const FINDINGS_KEPT = 10_000;

/** A scan's findings as kept: JSON lines, and how many the scan found in all. */
export interface KeptFindings {
  lines: string;
  total: number;
  kept: number;
}

export class UploadTooLarge extends Error {
  override name = "UploadTooLarge";
}

/** This process, as a job's owner. */
export const OWNER = `${hostname()}:${process.pid}`;

/** Upload folders are named after the process that holds them, so a killed one's are found and removed. */
export const UPLOAD_PREFIX = "xborder-upload-";

/** Upload folders a killed server left (SIGKILL skips its clean-up): removed at the next start. */
async function removeOrphanUploads(): Promise<number> {
  let n = 0;
  for (const name of await readdir(tmpdir())) {
    const m = new RegExp(`^${UPLOAD_PREFIX}(\\d+)-`).exec(name);
    if (!m || alive(`${hostname()}:${m[1]}`)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true });
    n++;
  }
  return n;
}

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
  private readonly controllers = new Map<number, AbortController>();
  /** Called when a job ends (the workspace's caches of the ledger are cleared). */
  onSettled: () => void = () => {};
  constructor(
    private readonly db: Kysely<WorkspaceDatabase>,
    private readonly ledgers: Ledgers,
  ) {}

  /**
   * At start: jobs whose process has stopped (on this machine), or that have not moved for six
   * hours, are failed — nothing of them was applied. Another server's live jobs are left alone.
   */
  async recover(): Promise<number> {
    await removeOrphanUploads();
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

  /** Stream uploads into a private temporary folder (mode 0700; deleted when the job ends). */
  private async receive(files: readonly Upload[]): Promise<{ dir: string; paths: string[]; digest: string }> {
    if (!files.length) throw new InputProblem("the request has no file", "body");
    const dir = await mkdtemp(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
    const hash = createHash("sha256");
    const paths: string[] = [];
    let bytes = 0;
    try {
      for (const f of files) {
        const base = cleanName(f.name);
        let name = base;
        for (let n = 2; paths.includes(join(dir, name)); n++) name = base.replace(/(\.[^.]*)?$/, `-${n}$1`);
        const path = join(dir, name);
        await pipeline(
          Readable.fromWeb(f.body),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              bytes += chunk.length;
              if (bytes > maxUpload()) throw new UploadTooLarge(`the upload is larger than ${maxUpload()} bytes`);
              hash.update(chunk);
              yield chunk;
            }
          },
          createWriteStream(path, { mode: 0o600 }),
        );
        paths.push(path);
      }
      if (bytes === 0) throw new InputProblem("the file is empty", "body");
      return { dir, paths, digest: hash.digest("hex") };
    } catch (e) {
      await rm(dir, { recursive: true, force: true });
      throw e;
    }
  }

  /** Queue `work` as a job; it runs in this process and its folder is removed when it ends. */
  private async queue(
    orgId: number,
    kind: string,
    message: string,
    by: string,
    dir: string | undefined,
    work: (
      progress: (p: number) => void,
      signal: AbortSignal,
    ) => Promise<{ message: string; result: unknown; findings?: { lines: string; total: number } }>,
  ): Promise<number> {
    let job;
    try {
      job = await this.db
        .insertInto("ws_job")
        .values({ org_id: orgId, kind, status: "queued", progress: 0, message, created_by: by, owner: OWNER, updated_at: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow();
    } catch (e) {
      if (dir) await rm(dir, { recursive: true, force: true });
      throw e;
    }
    const id = job.id;
    const set = (
      v: Partial<{
        status: JobView["status"];
        progress: number;
        message: string;
        result: string;
        findings: string;
        findings_total: number;
      }>,
    ) =>
      this.db
        .updateTable("ws_job")
        .set({ ...(v as object), updated_at: new Date() })
        .where("id", "=", id)
        .execute();
    const controller = new AbortController();
    this.controllers.set(id, controller);
    const run = (async () => {
      try {
        const claimed = await this.db
          .updateTable("ws_job")
          .set({ status: "running", updated_at: new Date() })
          .where("id", "=", id)
          .where("status", "=", "queued")
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return; // cancelled while queued
        let last = 0;
        const progress = (p: number) => {
          const now = Date.now();
          if (now - last < 500) return;
          last = now;
          void set({ progress: Math.max(0, Math.min(0.99, p)) }).catch(() => undefined);
        };
        const r = await work(progress, controller.signal);
        controller.signal.throwIfAborted();
        await set({
          status: "done",
          progress: 1,
          message: r.message,
          result: JSON.stringify(r.result),
          ...(r.findings ? { findings: r.findings.lines, findings_total: r.findings.total } : {}),
        });
      } catch (e) {
        if (controller.signal.aborted) {
          await set({ status: "cancelled", message: `${message}: cancelled, nothing was applied` }).catch(() => undefined);
        } else {
          let msg = (e as Error).message;
          if (dir) msg = msg.split(`${dir}/`).join("");
          await set({ status: "failed", message: msg }).catch(() => undefined);
        }
      } finally {
        this.controllers.delete(id);
        if (dir) await rm(dir, { recursive: true, force: true });
        this.onSettled();
      }
    })().finally(() => this.running.delete(run));
    this.running.add(run);
    return id;
  }

  /** A ledger import: the file is checked against the current data map, all or nothing. */
  async startLedgerImport(orgId: number, name: string, body: WebStream<Uint8Array> | null, by: string): Promise<number> {
    const clean = cleanName(name);
    formatOf(clean); // an unknown type is refused before anything is stored
    const map = await latestVersion(this.db, orgId);
    if (!map) throw new InputProblem("save a data map first: the import checks each event's transfer against it", "datamap");
    if (!body) throw new InputProblem("the request has no file", "body");
    const { dir, paths, digest } = await this.receive([{ name: clean, body }]);
    const file = paths[0]!;
    return this.queue(orgId, "ledger_import", clean, by, dir, async (progress, signal) => {
      const r = await importEvents(await this.ledgers.of(orgId), file, parseDataMap(map.content), { signal, onProgress: progress });
      const message = r.status === "unchanged" ? `${clean}: already imported, nothing changed` : `${clean}: ${r.rows} rows imported`;
      await appendAudit(this.db, { orgId, actor: by, action: "ledger.import", target: message, after: digest });
      return { message, result: { status: r.status, rows: r.rows } };
    });
  }

  /**
   * A scan of uploaded files, or of a table in a scan target the operator configured (shown and
   * stored by the target's name: its URL and credentials never). The report holds masked samples only.
   */
  async startScan(
    orgId: number,
    source: { files: Upload[] } | { target: string; url: string; table: string },
    asOf: string,
    by: string,
  ): Promise<number> {
    if ("url" in source) {
      const shown = `${source.target}: ${source.table}`;
      return this.queue(orgId, "scan", shown, by, undefined, async (_progress, signal) => {
        const report = await scanTarget(source.target, source.url, source.table, asOf);
        signal.throwIfAborted();
        await appendAudit(this.db, { orgId, actor: by, action: "scan.run", target: `${shown}: ${report.persons.distinct} people` });
        return { message: `${shown}: ${report.persons.distinct} people, ${report.persons.sensitive} with sensitive PI`, result: report };
      });
    }
    const { dir, digest } = await this.receive(source.files);
    const names = source.files.map((f) => cleanName(f.name)).join(", ");
    return this.queue(orgId, "scan", names, by, dir, async (progress, signal) => {
      // Findings through the library's own option: masked values only, the first FINDINGS_KEPT kept.
      const kept: string[] = [];
      let total = 0;
      const onFinding = (f: ScanFinding) => {
        if (total++ < FINDINGS_KEPT) kept.push(JSON.stringify(f));
      };
      const report = await scanPaths([dir], {
        asOf,
        sample: 3,
        root: dir,
        onFinding,
        onProgress: (p) => progress(p.bytesTotal ? p.bytesDone / p.bytesTotal : 0),
      });
      signal.throwIfAborted(); // a scan cancelled while it ran keeps no report
      await appendAudit(this.db, {
        orgId,
        actor: by,
        action: "scan.run",
        target: `${names}: ${report.persons.distinct} people`,
        after: digest,
      });
      return {
        message: `${names}: ${report.persons.distinct} people, ${report.persons.sensitive} with sensitive PI`,
        result: report,
        findings: { lines: kept.map((l) => `${l}\n`).join(""), total },
      };
    });
  }

  /** A finished file scan's findings (undefined: no such scan in this organisation, or one that kept none). */
  async findings(orgId: number, id: number): Promise<KeptFindings | undefined> {
    const r = await orgScoped(this.db, orgId, (db) =>
      db
        .selectFrom("ws_job")
        .select(["findings", "findings_total"])
        .where("org_id", "=", orgId)
        .where("id", "=", id)
        .where("kind", "=", "scan")
        .where("status", "=", "done")
        .executeTakeFirst(),
    );
    if (!r || r.findings === null) return undefined;
    const total = r.findings_total ?? 0;
    return { lines: r.findings, total, kept: Math.min(total, FINDINGS_KEPT) };
  }

  async get(orgId: number, id: number): Promise<JobView | undefined> {
    const r = await orgScoped(this.db, orgId, (db) =>
      db
        .selectFrom("ws_job")
        .select(["id", "kind", "status", "progress", "message", "result", "created_by", "created_at", "updated_at"])
        .where("org_id", "=", orgId)
        .where("id", "=", id)
        .executeTakeFirst(),
    );
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

  /**
   * Cancel a job: a queued one at once; one this process runs is stopped — an import rolls back
   * (the ledger is as it was), a scan keeps no report. A job another server process runs, or one
   * that has ended, cannot be.
   */
  async cancel(orgId: number, id: number): Promise<"cancelled" | "cancelling" | "not_found" | "too_late"> {
    const r = await this.db
      .updateTable("ws_job")
      .set({ status: "cancelled", message: sql<string>`message || ': cancelled, nothing was applied'`, updated_at: new Date() })
      .where("org_id", "=", orgId)
      .where("id", "=", id)
      .where("status", "=", "queued")
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 1) return "cancelled";
    const job = await this.get(orgId, id);
    if (!job) return "not_found";
    const here = this.controllers.get(id);
    if (job.status === "running" && here) {
      here.abort();
      return "cancelling";
    }
    return "too_late";
  }

  /** Wait for the jobs this process runs (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size) await Promise.allSettled([...this.running]);
  }
}
