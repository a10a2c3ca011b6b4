/**
 * The JSON API under /api/v1 (and its OpenAPI document at /api/openapi.json). Every call is the
 * command line's: assess (with failOn), the data map and its versions, diff, ledger import (a job),
 * count and status, the obligations register, the audit log; members and tokens for owners.
 * Errors are application/problem+json naming the field.
 */
import { gzipSync } from "node:zlib";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import { parseDataMap } from "../../engine/load.js";
import type { Lang } from "../../law/index.js";
import { appendAudit, auditCsv, auditEntries, verifyAudit } from "../audit.js";
import { bodyLimit, readText } from "../body.js";
import { listApiTokens } from "../auth/tokens.js";
import { createToken, revokeToken } from "../tokens.js";
import { ChromiumBusy } from "../../chromium.js";
import { DOCUMENT_KINDS, documentToDocx, documentToHtml, openItems, PdfUnavailable } from "../../report/documents/index.js";
import type { Body } from "../cache.js";
import { draftDocument, generateDocument, isDocumentKind, listDocuments, storedDocument } from "../documents.js";
import { access, type Ctx, type Env, int, notFound } from "../context.js";
import { ROLES } from "../db/schema.js";
import { getVersion, listVersions, MAX_MAP_BYTES } from "../datamaps.js";
import { InputProblem, isRole, members, normalEmail, orgsOf, removeMember, rotateFeed } from "../orgs.js";
import { changeRole, inviteMember } from "../members.js";
import { openApiDocument, openApiPage } from "../openapi.js";
import { scanTargetRequest } from "../scan-targets.js";
import { exportFile, isExportKind } from "../exports.js";
import { decideReview, listReviews, submitReview } from "../reviews.js";
import {
  applyScanToOrg,
  asOfFor,
  assessOrgJson,
  countOrg,
  diffVersions,
  overviewOrg,
  previewApplyScan,
  registerOrg,
  requireMap,
  saveMap,
  scanReport,
  statusOrg,
} from "../service.js";

const langQ = (c: Ctx): Lang => (c.req.query("lang") === "zh" ? "zh" : "en");

/** The version a save edits: If-Match: "N" (the ETag the GET gave), or ?base=N; none = the latest. */
function baseVersion(c: Ctx): number | undefined {
  const match = c.req.header("if-match");
  if (match !== undefined) {
    const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(match);
    if (!m) throw new InputProblem('expected the ETag of a version ("3")', "If-Match");
    return Number(m[1]);
  }
  const q = c.req.query("base");
  return q === undefined ? undefined : int(q, "base");
}

/** A JSON object body: at most the route's limit, and never more than a data map (16 MiB) — an upload route's JSON is small. */
async function jsonBody(c: Ctx): Promise<Record<string, unknown>> {
  const text = await readText(c, Math.min(bodyLimit(c.req.path), MAX_MAP_BYTES));
  if (!text.trim()) return {};
  try {
    const v = JSON.parse(text) as unknown;
    if (v === null || typeof v !== "object" || Array.isArray(v)) throw new Error("not an object");
    return v as Record<string, unknown>;
  } catch {
    throw new InputProblem("expected a JSON object", "body");
  }
}

/** Whether a parsed JSON value nests deeper than `max` (checked without recursion). */
function nestedDeeperThan(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 0]];
  while (stack.length) {
    const [x, d] = stack.pop()!;
    if (x === null || typeof x !== "object") continue;
    if (d >= max) return true;
    for (const y of Object.values(x)) stack.push([y, d + 1]);
  }
  return false;
}

const bytes = (b: Buffer) => new Uint8Array(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength);

/** A large JSON body, gzipped (once, then kept with it) for a client that accepts it. */
function sendJson(c: Ctx, body: Body): Response {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8", vary: "accept-encoding" };
  if (body.raw.length > 4096 && /\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) {
    body.gzip ??= gzipSync(body.raw, { level: 6 });
    return c.body(bytes(body.gzip), 200, { ...headers, "content-encoding": "gzip" });
  }
  return c.body(bytes(body.raw), 200, headers);
}

export function apiRoutes() {
  const api = new Hono<Env>();
  api.get("/openapi.json", (c) => c.json(openApiDocument()));
  api.get("/docs", (c) => c.html(openApiPage(c)));

  const v1 = new Hono<Env>();
  v1.get("/me", async (c) => {
    if (c.var.token) return c.json({ token: c.var.token.name, role: c.var.token.role });
    if (!c.var.session) throw new HTTPException(401, { message: "sign in, or send an API token" });
    return c.json({ email: c.var.session.email, orgs: await orgsOf(c.var.deps.ws.db, c.var.session.userId) });
  });

  v1.get("/orgs/:org", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json({ slug: a.org.slug, name: a.org.name, role: a.role });
  });

  v1.get("/orgs/:org/datamap", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const { version } = await requireMap(c.var.deps, a.org.id);
    c.header("x-xborder-version", String(version.version));
    c.header("etag", `"${version.version}"`);
    return c.body(version.content, 200, {
      "content-type": version.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
    });
  });

  v1.put("/orgs/:org/datamap", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const text = await readText(c);
    const v = await saveMap(c.var.deps, a, text, baseVersion(c));
    return c.json({ version: v.version, digest: v.digest, createdBy: v.createdBy, createdAt: v.createdAt }, 201);
  });

  v1.get("/orgs/:org/datamap/versions", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await listVersions(c.var.deps.ws.db, a.org.id));
  });

  v1.get("/orgs/:org/datamap/versions/:v", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const v = await getVersion(c.var.deps.ws.db, a.org.id, int(c.req.param("v"), "version"));
    if (!v) throw notFound();
    return c.json(v);
  });

  v1.get("/orgs/:org/datamap/diff", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(
      await diffVersions(c.var.deps, a.org.id, int(c.req.query("from"), "from"), int(c.req.query("to"), "to"), {
        asOf: c.req.query("asOf"),
        lang: langQ(c),
      }),
    );
  });

  v1.post("/orgs/:org/assess", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const body = await jsonBody(c);
    const str = (k: string) =>
      body[k] === undefined
        ? undefined
        : typeof body[k] === "string"
          ? (body[k] as string)
          : (() => {
              throw new InputProblem("expected text", k);
            })();
    const lang = str("lang");
    if (lang !== undefined && lang !== "zh" && lang !== "en") throw new InputProblem("expected zh or en", "lang");
    if (nestedDeeperThan(body.map, 64)) throw new InputProblem("nested more than 64 levels deep", "map");
    const map =
      body.map === undefined ? undefined : parseDataMap(typeof body.map === "string" ? body.map : JSON.stringify(body.map), "map");
    const text = await assessOrgJson(c.var.deps, a.org.id, {
      asOf: str("asOf"),
      lang: lang as Lang | undefined,
      ledger: typeof body.ledger === "boolean" ? body.ledger : undefined, // default: the ledger, where the org has one
      failOn: str("failOn"),
      map,
    });
    return sendJson(c, text);
  });

  v1.get("/orgs/:org/overview", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await overviewOrg(c.var.deps, a.org.id, { asOf: c.req.query("asOf"), lang: langQ(c) }));
  });

  v1.get("/orgs/:org/ledger/count", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await countOrg(c.var.deps, a.org.id, c.req.query("asOf")));
  });

  v1.get("/orgs/:org/ledger/status", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await statusOrg(c.var.deps, a.org.id, c.req.query("asOf")));
  });

  v1.post("/orgs/:org/ledger/import", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const name = c.req.query("name") ?? "events.csv";
    const id = await c.var.deps.jobs.startLedgerImport(a.org.id, name, c.req.raw.body as never, a.actor);
    const statusUrl = `/api/v1/orgs/${a.org.slug}/jobs/${id}`;
    return c.json({ id, statusUrl }, 202, { location: statusUrl });
  });

  v1.get("/orgs/:org/jobs", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await c.var.deps.jobs.list(a.org.id));
  });

  v1.get("/orgs/:org/jobs/:id", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const j = await c.var.deps.jobs.get(a.org.id, int(c.req.param("id"), "id"));
    if (!j) throw notFound();
    return c.json(j);
  });

  v1.delete("/orgs/:org/jobs/:id", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const r = await c.var.deps.jobs.cancel(a.org.id, int(c.req.param("id"), "id"));
    if (r === "not_found") throw notFound();
    if (r === "too_late") throw new HTTPException(409, { message: "the job has ended, or runs in another server process" });
    return c.json({ status: r }, r === "cancelled" ? 200 : 202);
  });

  v1.post("/orgs/:org/scans", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const asOf = asOfFor(c.req.query("asOf"));
    let id: number;
    if (/^application\/json/.test(c.req.header("content-type") ?? "")) {
      const body = await jsonBody(c);
      id = await c.var.deps.jobs.startScan(a.org.id, scanTargetRequest(c.var.deps.config.scanTargets, body), asOf, a.actor);
    } else {
      id = await c.var.deps.jobs.startScan(
        a.org.id,
        { files: [{ name: c.req.query("name") ?? "upload.csv", body: c.req.raw.body as never }] },
        asOf,
        a.actor,
      );
    }
    const statusUrl = `/api/v1/orgs/${a.org.slug}/jobs/${id}`;
    return c.json({ id, statusUrl, reportUrl: `/api/v1/orgs/${a.org.slug}/scans/${id}` }, 202, { location: statusUrl });
  });

  v1.get("/orgs/:org/scan-targets", async (c) => {
    await access(c, c.req.param("org"), "read");
    return c.json([...c.var.deps.config.scanTargets.keys()]);
  });

  v1.get("/orgs/:org/scans/:id", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const s = await scanReport(c.var.deps, a.org.id, int(c.req.param("id"), "id"));
    if (!s) throw notFound();
    if (!s.report) throw new HTTPException(409, { message: `the scan is ${s.status}: ${s.message}` });
    return c.json(s.report);
  });

  v1.post("/orgs/:org/scans/:id/apply", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const body = await jsonBody(c);
    if (typeof body.dataset !== "string") throw new InputProblem("expected a dataset id", "dataset");
    if (body.transfer !== undefined && typeof body.transfer !== "string") throw new InputProblem("expected a transfer id", "transfer");
    const target = { dataset: body.dataset, transfer: body.transfer as string | undefined };
    // "dryRun": what it would change and set off, nothing saved.
    if (body.dryRun === true)
      return c.json((await previewApplyScan(c.var.deps, a.org.id, int(c.req.param("id"), "id"), target, { lang: langQ(c) })).diff);
    const v = await applyScanToOrg(c.var.deps, a, int(c.req.param("id"), "id"), target);
    return c.json({ version: v.version, digest: v.digest }, 201);
  });

  v1.get("/orgs/:org/documents", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await listDocuments(c.var.deps, a.org.id));
  });

  v1.get("/orgs/:org/documents/check", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const kind = c.req.query("kind");
    if (!isDocumentKind(kind)) throw new InputProblem(`expected one of ${DOCUMENT_KINDS.join(" | ")}`, "kind");
    const { doc } = await draftDocument(c.var.deps, a.org.id, kind, { asOf: c.req.query("asOf"), lang: langQ(c) === "en" ? "en" : "zh" });
    const todo = openItems(doc);
    return c.json({
      kind,
      complete: todo.length === 0,
      ...(doc.notApplicable ? { notApplicable: doc.notApplicable } : {}),
      missing: todo.map((x) => ({ id: x.id, text: x.text })),
    });
  });

  v1.post("/orgs/:org/documents", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const body = await jsonBody(c);
    const lang = body.lang === "en" ? "en" : "zh";
    if (body.route !== undefined && body.route !== "sc" && body.route !== "gba") throw new InputProblem("expected sc or gba", "route");
    const d = await generateDocument(c.var.deps, a, body.kind, {
      asOf: typeof body.asOf === "string" ? body.asOf : undefined,
      lang,
      route: body.route as "sc" | "gba" | undefined,
    });
    return c.json(d, 201);
  });

  v1.get("/orgs/:org/documents/:id", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    const d = await storedDocument(c.var.deps, a.org.id, int(c.req.param("id"), "id"));
    if (!d) throw notFound();
    const format = c.req.query("format") ?? "json";
    const name = `${d.kind}-${a.org.slug}`;
    if (format === "json") return c.json(d);
    // ?copy=filing: the filing copy (xborder report --final), refused (409) while anything is open.
    const final = c.req.query("copy") === "filing";
    if (final && openItems(d).length)
      return c.json({ error: "not fileable yet", open: openItems(d).map((x) => ({ id: x.id, text: x.text })) }, 409);
    const html = documentToHtml(d, { final });
    if (format === "html")
      return c.body(html, 200, {
        "content-type": "text/html; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.html"`,
      });
    if (format === "docx")
      return c.body(bytes(await documentToDocx(d, { final })), 200, {
        "content-type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "content-disposition": `attachment; filename="${name}.docx"`,
      });
    if (format === "pdf") {
      try {
        return c.body(bytes(await c.var.deps.pdf.print(a.org.id, int(c.req.param("id"), "id"), html)), 200, {
          "content-type": "application/pdf",
          "content-disposition": `attachment; filename="${name}.pdf"`,
        });
      } catch (e) {
        if (e instanceof PdfUnavailable) throw new HTTPException(501, { message: e.message });
        if (e instanceof ChromiumBusy) throw new HTTPException(503, { message: e.message });
        throw e;
      }
    }
    throw new InputProblem("expected json | html | docx | pdf", "format");
  });

  v1.get("/orgs/:org/obligations", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await registerOrg(c.var.deps, a.org.id, { asOf: c.req.query("asOf"), lang: langQ(c) }));
  });

  // Review and sign-off (issue 29 §3): submit (write), approve or send back with a comment (admin, not one's own).
  v1.get("/orgs/:org/reviews", async (c) => {
    const a = await access(c, c.req.param("org"), "read");
    return c.json(await listReviews(c.var.deps, a.org.id));
  });

  v1.post("/orgs/:org/reviews", async (c) => {
    const a = await access(c, c.req.param("org"), "write");
    const body = await jsonBody(c);
    return c.json(await submitReview(c.var.deps, a, typeof body.asOf === "string" ? body.asOf : undefined), 201);
  });

  v1.post("/orgs/:org/reviews/:id/:decision", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const decision = c.req.param("decision");
    if (decision !== "approve" && decision !== "return") throw notFound();
    const body = await jsonBody(c);
    const comment = typeof body.comment === "string" ? body.comment : undefined;
    const id = int(c.req.param("id"), "id");
    return c.json(await decideReview(c.var.deps, a, id, decision === "approve" ? "approved" : "returned", comment));
  });

  // Exports (issue 29 §4): /exports/{transfers|counts|obligations|audit}.{csv|xlsx}?asOf=&lang=
  v1.get("/orgs/:org/exports/:file", async (c) => {
    const m = /^(\w+)\.(\w+)$/.exec(c.req.param("file"));
    const kind = m?.[1] ?? "";
    if (!isExportKind(kind)) throw notFound();
    const a = await access(c, c.req.param("org"), kind === "audit" ? "audit" : "read");
    const f = await exportFile(c.var.deps, a.org, kind, m![2]!, {
      asOf: c.req.query("asOf"),
      lang: c.req.query("lang") === "en" ? "en" : "zh",
    });
    return c.body(bytes(f.body), 200, {
      "content-type": f.type,
      "content-disposition": `attachment; filename="${f.filename.replace(/[^\w.-]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`,
    });
  });

  v1.get("/orgs/:org/audit", async (c) => {
    const a = await access(c, c.req.param("org"), "audit");
    return c.json(await auditEntries(c.var.deps.ws.db, a.org.id));
  });

  v1.get("/orgs/:org/audit.csv", async (c) => {
    const a = await access(c, c.req.param("org"), "audit");
    return c.body(auditCsv(await auditEntries(c.var.deps.ws.db, a.org.id)), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${a.org.slug}.csv"`,
    });
  });

  v1.get("/orgs/:org/audit/verify", async (c) => {
    const a = await access(c, c.req.param("org"), "audit");
    const head = c.req.query("expectHead");
    if (head !== undefined && !/^\d{1,9}:[0-9a-f]{64}$/.test(head))
      throw new InputProblem("expected SEQ:HASH as verify gave it", "expectHead");
    return c.json(await verifyAudit(c.var.deps.ws.db, a.org.id, head));
  });

  v1.post("/orgs/:org/feed/rotate", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    await rotateFeed(c.var.deps.ws.db, a.org.id);
    await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "feed.rotate", target: "calendar feed" });
    const org = await c.var.deps.ws.db.selectFrom("ws_org").select("feed_secret").where("id", "=", a.org.id).executeTakeFirstOrThrow();
    return c.json({ feedUrl: `${new URL(c.req.url).origin}/feeds/${org.feed_secret}.ics` });
  });

  v1.get("/orgs/:org/members", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    return c.json(await members(c.var.deps.ws.db, a.org.id));
  });

  v1.post("/orgs/:org/members", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const body = await jsonBody(c);
    if (body.password !== undefined)
      throw new InputProblem("the person chooses their own password when they accept the invitation", "password");
    const role = body.role ?? "viewer";
    if (!isRole(role)) throw new InputProblem(`expected one of ${ROLES.join(" | ")}`, "role");
    const email = normalEmail(body.email);
    const inv = await inviteMember(c, a, email, role);
    return c.json({ email, role, invitationUrl: inv.url, expiresAt: inv.expiresAt }, 201);
  });

  v1.patch("/orgs/:org/members/:user", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const userId = int(c.req.param("user"), "user");
    const body = await jsonBody(c);
    if (!isRole(body.role)) throw new InputProblem(`expected one of ${ROLES.join(" | ")}`, "role");
    await changeRole(c, a, userId, body.role);
    return c.json({ user: userId, role: body.role });
  });

  v1.delete("/orgs/:org/members/:user", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const userId = int(c.req.param("user"), "user");
    if (!(await removeMember(c.var.deps.ws.db, a.org.id, userId))) throw notFound();
    await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "member.remove", target: `user ${userId}` });
    return c.body(null, 204);
  });

  v1.get("/orgs/:org/tokens", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    return c.json(await listApiTokens(c.var.deps.ws.db, a.org.id));
  });

  v1.post("/orgs/:org/tokens", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const body = await jsonBody(c);
    if (!isRole(body.role)) throw new InputProblem(`expected one of ${ROLES.join(" | ")}`, "role");
    const name = typeof body.name === "string" && body.name.trim() ? body.name.trim().slice(0, 100) : undefined;
    if (!name) throw new InputProblem("expected a name", "name");
    const days =
      body.days === undefined
        ? 90
        : typeof body.days === "number" && Number.isInteger(body.days) && body.days >= 1 && body.days <= 366
          ? body.days
          : (() => {
              throw new InputProblem("expected 1–366", "days");
            })();
    const t = await createToken(c.var.deps, { orgId: a.org.id, name, role: body.role, days, createdBy: a.userId ?? 0 });
    await appendAudit(c.var.deps.ws.db, {
      orgId: a.org.id,
      actor: a.actor,
      action: "token.create",
      target: `${name} (${body.role}, ${days} days)`,
    });
    return c.json({ id: t.id, name, role: body.role, token: t.token, expiresAt: t.expiresAt }, 201);
  });

  v1.delete("/orgs/:org/tokens/:id", async (c) => {
    const a = await access(c, c.req.param("org"), "admin");
    const id = int(c.req.param("id"), "id");
    const r = await revokeToken(c.var.deps, a.org.id, id);
    if (Number(r.numUpdatedRows) === 0) throw notFound();
    await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "token.revoke", target: `token ${id}` });
    return c.body(null, 204);
  });

  api.route("/v1", v1);
  return api;
}
