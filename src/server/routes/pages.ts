/** The web app's pages, server-rendered (Chinese first; English one click away), on the same service functions as the API. */
import { createReadStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import type { ReadableStream as WebStream } from "node:stream/web";
import { Hono } from "hono";
import { html } from "hono/html";
import { HTTPException } from "hono/http-exception";
import { DataMapError, formatPath } from "../../engine/datamap.js";
import { InputError } from "../../engine/load.js";
import { registerToIcs } from "../../report/register-ics.js";
import { appendAudit, auditEntries, verifyAudit } from "../audit.js";
import { listApiTokens } from "../auth/tokens.js";
import { createToken, revokeToken } from "../tokens.js";
import { access, type Access, type Ctx, type Env, int } from "../context.js";
import { checkMap, getVersion, latestVersion, listVersions, MAX_MAP_BYTES } from "../datamaps.js";
import { can, InputProblem, isRole, members, normalEmail, removeMember, rotateFeed } from "../orgs.js";
import { changeRole, inviteMember } from "../members.js";
import { parse as parseYaml } from "yaml";
import type { DataMap } from "../../engine/datamap.js";
import { applyForm, isSection, type Section } from "../form-fields.js";
import { flowMapSvg } from "../../report/flow-map.js";
import { datamapBody, diffBody, type FieldError } from "../pages/datamap.js";
import { transferList, transferRows } from "../pages/transfer-list.js";
import { sectionForm, sectionLabel } from "../pages/forms.js";
import { assessmentBody } from "../pages/assessment.js";
import { auditBody, membersBody } from "../pages/admin.js";
import { allFields, field, type Form, readForm } from "../body.js";
import { scanTargetRequest } from "../scan-targets.js";
import { t, type Word } from "../pages/i18n.js";
import { csrfField, page, type PageContext } from "../pages/layout.js";
import { ledgerBody } from "../pages/ledger.js";
import { overviewBody } from "../pages/overview.js";
import { itemRow } from "../pages/register.js";
import { defaultCalendar } from "../../calendar/working-days.js";
import { CitationWriter } from "../../law/index.js";
import { hasChromium } from "../../chromium.js";
import { DOCUMENT_KINDS } from "../../report/documents/index.js";
import { draftDocument, generateDocument, listDocuments } from "../documents.js";
import { calendarBody } from "../pages/calendar.js";
import { asOfForm, countsSourceNote, exportLinks } from "../pages/answer.js";
import { filingsBody } from "../pages/filings.js";
import { applyPreviewBody, scanReportBody, scansBody } from "../pages/scans.js";
import { printHeading, reviewsSection, signOffBlock } from "../pages/reviews.js";
import { approvalFor, decideReview, listReviews, submitReview } from "../reviews.js";
import { findingsResponse } from "./findings.js";
import {
  applyScanToOrg,
  asOfFor,
  assessOrg,
  countOrg,
  currentMap,
  diffVersions,
  overviewOrg,
  previewApplyScan,
  registerOrg,
  saveMap,
  scanReport,
} from "../service.js";

function ctxOf(c: Ctx, a: Access): PageContext {
  return {
    lang: c.var.lang,
    path: c.req.path,
    user: c.var.session ? { email: c.var.session.email, csrf: c.var.session.csrf } : undefined,
    org: { slug: a.org.slug, name: a.org.name, role: a.role },
  };
}

/** A signed-in person's page (an API token is for the API): otherwise to the sign-in page. */
async function pageAccess(c: Ctx, perm: Parameters<typeof access>[2]): Promise<Access | Response> {
  if (!c.var.session) return c.redirect(`/signin`);
  return access(c, c.req.param("org") ?? "", perm);
}

const noMapYet = (ctx: PageContext, base: string) =>
  html`<section class="card">
    <p>${t(ctx.lang, "noMap")}</p>
    <p><a href="${base}/datamap">${t(ctx.lang, "datamap")} →</a></p>
  </section>`;

/** Where the forms start when no data map has been saved yet. */
const EMPTY_MAP = 'xborder: 1\nprocessor:\n  name: ""\n';

/** The version a form was opened on (its hidden `base` field): a save over a newer one is refused. */
const formBase = (f: Form): number | undefined => {
  const v = field(f, "base");
  if (!v) return undefined;
  if (!/^\d{1,9}$/.test(v)) throw new InputProblem("expected a version number", "base");
  return Number(v);
};

/** An uploaded form file, as the stream a job reads. */
const onDisk = (path: string) => Readable.toWeb(createReadStream(path)) as WebStream<Uint8Array>;

export function pageRoutes() {
  const r = new Hono<Env>();
  const title = (c: Ctx, w: Word) => t(c.var.lang, w);
  const form = async (c: Ctx, k: string) => field(await readForm(c), k);

  r.get("/o/:org", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const ctx = ctxOf(c, a);
    const base = `/o/${a.org.slug}`;
    if (!(await latestVersion(c.var.deps.ws.db, a.org.id))) return c.html(page(ctx, title(c, "overview"), noMapYet(ctx, base)));
    const o = await overviewOrg(c.var.deps, a.org.id, { asOf: c.req.query("asOf"), lang: c.var.lang });
    const mapAsOf = (await currentMap(c.var.deps, a.org.id))?.map.asOf;
    return c.html(page(ctx, title(c, "overview"), overviewBody(o, c.var.lang, base, mapAsOf)));
  });

  const showDatamap = async (c: Ctx, a: Access, draft?: { text: string; errors: FieldError[]; detail?: string }, saved?: number) => {
    const ctx = ctxOf(c, a);
    const db = c.var.deps.ws.db;
    const cur = await currentMap(c.var.deps, a.org.id);
    let flows;
    if (cur) {
      // The pathways the assessment page shows (same counts and date), each transfer coloured by its own.
      const r = await assessOrg(c.var.deps, a.org.id, { lang: c.var.lang });
      const pathways = new Map(r.assessment.transfers.map((t) => [t.id, t.pathway]));
      const q = c.req.query();
      flows = {
        svg: flowMapSvg(cur.map, pathways, { lang: c.var.lang }),
        countsSource: r.assessment.countsSource,
        asOf: r.assessment.asOf,
        list: transferList(
          transferRows(cur.map, pathways),
          { q: q.q, pathway: q.pathway, region: q.region, sort: q.sort },
          c.var.lang,
          `/o/${a.org.slug}`,
        ),
      };
    }
    const body = datamapBody(
      ctx,
      `/o/${a.org.slug}`,
      await latestVersion(db, a.org.id),
      await listVersions(db, a.org.id),
      can(a.role, "write"),
      draft,
      saved,
      flows,
    );
    return c.html(page(ctx, title(c, "datamap"), body), draft ? 422 : 200);
  };

  r.get("/o/:org/datamap", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const saved = c.req.query("saved");
    return showDatamap(c, a, undefined, saved ? Number(saved) : undefined);
  });

  r.post("/o/:org/datamap", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const body = await readForm(c);
    let text = field(body, "text");
    const file = body.files.file?.[0];
    if (file && file.size > 0) {
      if (file.size > MAX_MAP_BYTES) throw new HTTPException(413, { message: "the data map is larger than 16 MiB" });
      text = await readFile(file.path, "utf8");
    }
    try {
      const v = await saveMap(c.var.deps, a, text, formBase(body));
      return c.redirect(`/o/${a.org.slug}/datamap?saved=${v.version}`, 303);
    } catch (e) {
      if (e instanceof DataMapError) {
        const errors = e.issues.map((i) => ({
          path: formatPath(i.path),
          message: i.message,
          line: i.line,
        }));
        return showDatamap(c, a, { text, errors });
      }
      if (e instanceof InputError) return showDatamap(c, a, { text, errors: [], detail: e.message });
      throw e;
    }
  });

  const showForm = async (
    c: Ctx,
    a: Access,
    section: Section,
    text: string,
    base: number | undefined,
    errors = new Map<string, string>(),
    general?: string,
  ) => {
    const ctx = ctxOf(c, a);
    const raw = (parseYaml(text) ?? {}) as Record<string, unknown>;
    let map: DataMap;
    try {
      map = checkMap(text);
    } catch {
      map = (await currentMap(c.var.deps, a.org.id))?.map ?? checkMap(EMPTY_MAP);
    }
    const body = sectionForm(ctx, `/o/${a.org.slug}`, section, map, raw, errors, general, base);
    return c.html(page(ctx, `${t(ctx.lang, "datamap")} — ${sectionLabel(section, ctx.lang)}`, body), errors.size || general ? 422 : 200);
  };

  r.get("/o/:org/datamap/edit/:section", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const section = c.req.param("section");
    if (!isSection(section)) throw new HTTPException(404, { message: "no such section" });
    const cur = await currentMap(c.var.deps, a.org.id);
    return showForm(c, a, section, cur?.version.content ?? EMPTY_MAP, cur?.version.version ?? 0);
  });

  r.post("/o/:org/datamap/edit/:section", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const section = c.req.param("section");
    if (!isSection(section)) throw new HTTPException(404, { message: "no such section" });
    const posted = await readForm(c);
    const form = allFields(posted);
    const text = applyForm((await currentMap(c.var.deps, a.org.id))?.version.content ?? EMPTY_MAP, section, form);
    try {
      const v = await saveMap(c.var.deps, a, text, formBase(posted));
      return c.redirect(`/o/${a.org.slug}/datamap?saved=${v.version}`, 303);
    } catch (e) {
      if (!(e instanceof DataMapError)) throw e;
      const errors = new Map<string, string>();
      const other: string[] = [];
      for (const i of e.issues) {
        const [head, ...rest] = i.path;
        if (section === "processor" && head === "processor") errors.set(rest.join("."), i.message);
        else if (head === section && typeof rest[0] === "number") errors.set(`${rest[0]}.${rest.slice(1).join(".")}`, i.message);
        else other.push(`${formatPath(i.path)}: ${i.message}`);
      }
      return showForm(c, a, section, text, formBase(posted), errors, other.join("; ") || undefined);
    }
  });

  r.get("/o/:org/datamap/versions/:v", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const v = await getVersion(c.var.deps.ws.db, a.org.id, int(c.req.param("v"), "version"));
    if (!v) throw new HTTPException(404, { message: "no such version" });
    if (c.req.query("download")) {
      return c.body(v.content, 200, {
        "content-type": v.format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
        "content-disposition": `attachment; filename="datamap-v${v.version}.${v.format === "json" ? "json" : "yaml"}"`,
      });
    }
    const ctx = ctxOf(c, a);
    return c.html(
      page(
        ctx,
        `${title(c, "version")} ${v.version}`,
        html`<p class="muted">${v.createdBy} · ${v.createdAt} · <a href="?download=1">${t(ctx.lang, "export")}</a></p>
          <section class="card"><pre>${v.content}</pre></section>`,
      ),
    );
  });

  r.get("/o/:org/datamap/diff", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const from = Number(c.req.query("from"));
    const to = Number(c.req.query("to"));
    const d = await diffVersions(c.var.deps, a.org.id, from, to, { asOf: c.req.query("asOf"), lang: c.var.lang });
    const mapAsOf = (await currentMap(c.var.deps, a.org.id))?.map.asOf;
    return c.html(page(ctxOf(c, a), title(c, "compare"), diffBody(d, c.var.lang, from, to, `/o/${a.org.slug}/datamap/diff`, mapAsOf)));
  });

  r.get("/o/:org/assessment", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const ctx = ctxOf(c, a);
    const base = `/o/${a.org.slug}`;
    const cur = await currentMap(c.var.deps, a.org.id);
    if (!cur) return c.html(page(ctx, title(c, "assessment"), noMapYet(ctx, base)));
    const r2 = await assessOrg(c.var.deps, a.org.id, { asOf: c.req.query("asOf"), lang: c.var.lang });
    const print = c.req.query("print") === "1";
    const lang = c.var.lang;
    const body = assessmentBody(r2.assessment, lang, base, print, cur.map.asOf, a.org.slug);
    if (print) {
      const approval = await approvalFor(c.var.deps, a.org.id, cur.version.version, r2.assessment.asOf);
      return c.html(
        page(
          ctx,
          title(c, "assessment"),
          html`${printHeading(a.org.name, cur.version, r2.assessment, lang)} ${body} ${signOffBlock(approval, lang)}`,
        ),
      );
    }
    const reviews = reviewsSection(
      ctx,
      base,
      await listReviews(c.var.deps, a.org.id),
      r2.assessment.asOf,
      can(a.role, "write"),
      can(a.role, "admin"),
    );
    return c.html(page(ctx, title(c, "assessment"), html`${body} ${reviews}`));
  });

  // Review and sign-off: submit (editors), approve or send back with a comment (owners, not their own).
  r.post("/o/:org/reviews", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    await submitReview(c.var.deps, a, (await form(c, "asOf")) || undefined);
    return c.redirect(`/o/${a.org.slug}/assessment#reviews`, 303);
  });

  r.post("/o/:org/reviews/:id", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const decision = await form(c, "decision");
    if (decision !== "approve" && decision !== "return") throw new InputProblem("expected approve or return", "decision");
    const r = await decideReview(
      c.var.deps,
      a,
      Number(c.req.param("id")),
      decision === "approve" ? "approved" : "returned",
      await form(c, "comment"),
    );
    return c.redirect(`/o/${a.org.slug}/assessment?asOf=${r.asOf}#reviews`, 303);
  });

  r.get("/o/:org/ledger", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const ctx = ctxOf(c, a);
    const base = `/o/${a.org.slug}`;
    const has = await currentMap(c.var.deps, a.org.id);
    const count = has ? await countOrg(c.var.deps, a.org.id, c.req.query("asOf")) : undefined;
    return c.html(
      page(
        ctx,
        title(c, "ledger"),
        has ? ledgerBody(ctx, base, a.org.slug, count, await c.var.deps.jobs.list(a.org.id), can(a.role, "write")) : noMapYet(ctx, base),
      ),
    );
  });

  // Without the script: the form posts the file here and the page shows the job.
  r.post("/o/:org/ledger", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const f = (await readForm(c)).files.events?.[0];
    if (!f || f.size === 0) throw new InputProblem("choose a file of events", "events");
    await c.var.deps.jobs.startLedgerImport(a.org.id, f.name, onDisk(f.path), a.actor);
    return c.redirect(`/o/${a.org.slug}/ledger`, 303);
  });

  r.get("/o/:org/scans", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const jobs = (await c.var.deps.jobs.list(a.org.id, 50)).filter((j) => j.kind === "scan");
    return c.html(
      page(
        ctxOf(c, a),
        title(c, "scans"),
        scansBody(ctxOf(c, a), `/o/${a.org.slug}`, jobs, can(a.role, "write"), [...c.var.deps.config.scanTargets.keys()]),
      ),
    );
  });

  r.post("/o/:org/scans", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const form = await readForm(c);
    const body = allFields(form);
    const asOf = asOfFor();
    if (body.target !== undefined || body.url !== undefined) {
      await c.var.deps.jobs.startScan(a.org.id, scanTargetRequest(c.var.deps.config.scanTargets, body), asOf, a.actor);
    } else {
      const files = (form.files.files ?? []).filter((f) => f.size > 0);
      if (!files.length) throw new InputProblem("choose one or more files", "files");
      await c.var.deps.jobs.startScan(a.org.id, { files: files.map((f) => ({ name: f.name, body: onDisk(f.path) })) }, asOf, a.actor);
    }
    return c.redirect(`/o/${a.org.slug}/scans`, 303);
  });

  r.get("/o/:org/scans/:id", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const id = int(c.req.param("id"), "id");
    const s = await scanReport(c.var.deps, a.org.id, id);
    if (!s?.report) throw new HTTPException(404, { message: "no finished scan with this number" });
    const cur = await currentMap(c.var.deps, a.org.id);
    return c.html(
      page(
        ctxOf(c, a),
        `${title(c, "scans")} ${id}`,
        scanReportBody(ctxOf(c, a), `/o/${a.org.slug}`, id, s.report, cur?.map, can(a.role, "write")),
      ),
    );
  });

  r.get("/o/:org/scans/:id/findings.jsonl", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    return findingsResponse(
      await c.var.deps.jobs.findings(a.org.id, int(c.req.param("id"), "id")),
      `scan-${c.req.param("id")}-findings.jsonl`,
    );
  });

  r.post("/o/:org/scans/:id/apply", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    const dataset = (await form(c, "dataset")).trim();
    const transfer = (await form(c, "transfer")).trim();
    const id = int(c.req.param("id"), "id");
    const target = { dataset, transfer: transfer || undefined };
    if ((await form(c, "confirm")) !== "1") {
      // First what it will change and set off; saved only when confirmed.
      const { diff } = await previewApplyScan(c.var.deps, a.org.id, id, target, { lang: c.var.lang });
      const ctx = ctxOf(c, a);
      return c.html(page(ctx, t(ctx.lang, "applyPreview"), applyPreviewBody(ctx, `/o/${a.org.slug}`, id, target, diff)));
    }
    const v = await applyScanToOrg(c.var.deps, a, id, target);
    return c.redirect(`/o/${a.org.slug}/datamap?saved=${v.version}`, 303);
  });

  r.get("/o/:org/filings", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const ctx = ctxOf(c, a);
    const base = `/o/${a.org.slug}`;
    if (!(await currentMap(c.var.deps, a.org.id))) return c.html(page(ctx, title(c, "filings"), noMapYet(ctx, base)));
    const drafts = [];
    for (const kind of DOCUMENT_KINDS) drafts.push((await draftDocument(c.var.deps, a.org.id, kind, { lang: "zh" })).doc);
    const pdf = hasChromium();
    return c.html(
      page(
        ctx,
        title(c, "filings"),
        filingsBody(ctx, base, a.org.slug, drafts, await listDocuments(c.var.deps, a.org.id), can(a.role, "write"), pdf),
      ),
    );
  });

  r.post("/o/:org/filings", async (c) => {
    const a = await pageAccess(c, "write");
    if (a instanceof Response) return a;
    await generateDocument(c.var.deps, a, await form(c, "kind"), { lang: "zh" });
    return c.redirect(`/o/${a.org.slug}/filings`, 303);
  });

  r.get("/o/:org/deadlines", async (c) => {
    const a = await pageAccess(c, "read");
    if (a instanceof Response) return a;
    const ctx = ctxOf(c, a);
    const base = `/o/${a.org.slug}`;
    const cur = await currentMap(c.var.deps, a.org.id);
    if (!cur) return c.html(page(ctx, title(c, "deadlines"), noMapYet(ctx, base)));
    const reg = await registerOrg(c.var.deps, a.org.id, { asOf: c.req.query("asOf"), lang: c.var.lang });
    const org = await c.var.deps.ws.db.selectFrom("ws_org").select("feed_secret").where("id", "=", a.org.id).executeTakeFirstOrThrow();
    const feed = `${new URL(c.req.url).origin}/feeds/${org.feed_secret}.ics`;
    const w = new CitationWriter(c.var.lang);
    const lang = c.var.lang;
    return c.html(
      page(
        ctx,
        title(c, "deadlines"),
        html`${asOfForm(`${base}/deadlines`, reg.asOf, lang, cur.map.asOf)} ${countsSourceNote(reg.countsSource, lang)}
          ${exportLinks(a.org.slug, "obligations", lang, reg.asOf)}
          <section class="card">${calendarBody(reg.asOf, reg.items, defaultCalendar(), lang)}</section>
          <section class="card">
            <p>${t(lang, "icsFeed")}: <code>${feed}</code></p>
            ${
              can(a.role, "admin")
                ? html`<form class="inline" method="post" action="${base}/feed/rotate">
                    ${csrfField(ctx)}<button type="submit" class="secondary">${t(lang, "rotateFeed")}</button>
                  </form>`
                : ""
            }
            <table>
              <thead>
                <tr>
                  <th>${t(lang, "due")}</th>
                  <th>${t(lang, "status")}</th>
                  <th>${t(lang, "action")}</th>
                  <th>${t(lang, "citations")}</th>
                </tr>
              </thead>
              <tbody>
                ${reg.items.map((i) => itemRow(i, lang, w))}
              </tbody>
            </table>
          </section>`,
      ),
    );
  });

  r.post("/o/:org/feed/rotate", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    await rotateFeed(c.var.deps.ws.db, a.org.id);
    await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "feed.rotate", target: "calendar feed" });
    return c.redirect(`/o/${a.org.slug}/deadlines`, 303);
  });

  r.get("/feeds/:file", async (c) => {
    const m = /^([\w-]{20,100})\.ics$/.exec(c.req.param("file"));
    if (!m) throw new HTTPException(404, { message: "not found" });
    const org = await c.var.deps.ws.db.selectFrom("ws_org").select(["id"]).where("feed_secret", "=", m[1]!).executeTakeFirst();
    if (!org) throw new HTTPException(404, { message: "not found" });
    const reg = await registerOrg(c.var.deps, org.id, { lang: c.var.lang });
    return c.body(registerToIcs(reg), 200, { "content-type": "text/calendar; charset=utf-8" });
  });

  r.get("/o/:org/audit", async (c) => {
    const a = await pageAccess(c, "audit");
    if (a instanceof Response) return a;
    const db = c.var.deps.ws.db;
    return c.html(
      page(
        ctxOf(c, a),
        title(c, "audit"),
        auditBody(ctxOf(c, a), a.org.slug, await verifyAudit(db, a.org.id), await auditEntries(db, a.org.id, 500)),
      ),
    );
  });

  const showMembers = async (c: Ctx, a: Access, shown?: string, invited?: string) => {
    const db = c.var.deps.ws.db;
    return c.html(
      page(
        ctxOf(c, a),
        title(c, "members"),
        membersBody(ctxOf(c, a), `/o/${a.org.slug}`, await members(db, a.org.id), await listApiTokens(db, a.org.id), shown, invited),
      ),
    );
  };

  r.get("/o/:org/members", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    return showMembers(c, a);
  });

  r.post("/o/:org/members", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const role = (await form(c, "role")) || "viewer";
    if (!isRole(role)) throw new InputProblem("expected a role", "role");
    const email = normalEmail(await form(c, "email"));
    const inv = await inviteMember(c, a, email, role);
    return showMembers(c, a, undefined, inv.url);
  });

  r.post("/o/:org/members/:user/role", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const role = await form(c, "role");
    if (!isRole(role)) throw new InputProblem("expected a role", "role");
    await changeRole(c, a, int(c.req.param("user"), "user"), role);
    return c.redirect(`/o/${a.org.slug}/members`, 303);
  });

  r.post("/o/:org/members/:user/remove", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const id = int(c.req.param("user"), "user");
    if (await removeMember(c.var.deps.ws.db, a.org.id, id))
      await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "member.remove", target: `user ${id}` });
    return c.redirect(`/o/${a.org.slug}/members`, 303);
  });

  r.post("/o/:org/tokens", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const role = await form(c, "role");
    if (!isRole(role)) throw new InputProblem("expected a role", "role");
    const name = (await form(c, "name")).trim().slice(0, 100);
    if (!name) throw new InputProblem("expected a name", "name");
    const days = Math.min(366, Math.max(1, Number(await form(c, "days")) || 90));
    const k = await createToken(c.var.deps, { orgId: a.org.id, name, role, days, createdBy: a.userId ?? 0 });
    await appendAudit(c.var.deps.ws.db, {
      orgId: a.org.id,
      actor: a.actor,
      action: "token.create",
      target: `${name} (${role}, ${days} days)`,
    });
    return showMembers(c, a, k.token);
  });

  r.post("/o/:org/tokens/:id/revoke", async (c) => {
    const a = await pageAccess(c, "admin");
    if (a instanceof Response) return a;
    const id = int(c.req.param("id"), "id");
    const res = await revokeToken(c.var.deps, a.org.id, id);
    if (Number(res.numUpdatedRows))
      await appendAudit(c.var.deps.ws.db, { orgId: a.org.id, actor: a.actor, action: "token.revoke", target: `token ${id}` });
    return c.redirect(`/o/${a.org.slug}/members`, 303);
  });

  return r;
}
