/**
 * The API's OpenAPI 3.1 document: the data map's schema is the one the validation generates
 * (src/engine/json-schema.ts, the same as `xborder schema`), so the document cannot drift from
 * what the API accepts. The page renders it as a plain, readable list (no third-party script).
 */
import { html } from "hono/html";
import { dataMapJsonSchema } from "../engine/json-schema.js";
import type { Ctx } from "./context.js";
import { t } from "./pages/i18n.js";
import { page } from "./pages/layout.js";

type Op = [method: string, path: string, summary: string, permission: string, body?: string];

export const OPERATIONS: Op[] = [
  ["get", "/api/v1/me", "Who is asking: the person and their organisations, or the token", "any"],
  ["get", "/api/v1/orgs/{org}", "The organisation and the caller's role", "read"],
  ["get", "/api/v1/orgs/{org}/datamap", "The current data map, exactly as saved (YAML or JSON)", "read"],
  ["put", "/api/v1/orgs/{org}/datamap", "Save a new version (YAML or JSON body), validated as `xborder assess` does", "write", "DataMap"],
  ["get", "/api/v1/orgs/{org}/datamap/versions", "Every saved version: who, when, digest", "read"],
  ["get", "/api/v1/orgs/{org}/datamap/versions/{v}", "One version with its text", "read"],
  ["get", "/api/v1/orgs/{org}/datamap/diff", "What a change set off (`xborder diff`): ?from=&to=&asOf=&lang=", "read"],
  [
    "post",
    "/api/v1/orgs/{org}/assess",
    "The assessment (`xborder assess --format json`); body { asOf (default today, Asia/Shanghai), lang, ledger (default true where the organisation's ledger holds an import), failOn, map }; `countsSource` says which counts",
    "read",
    "AssessRequest",
  ],
  [
    "get",
    "/api/v1/orgs/{org}/overview",
    "Bands on the ledger's counts, trend, deadlines of the next 90 days, transfers heavier than filed",
    "read",
  ],
  ["get", "/api/v1/orgs/{org}/ledger/count", "Distinct people per transfer and in total (`xborder ledger count`): ?asOf=", "read"],
  ["get", "/api/v1/orgs/{org}/ledger/status", "Bands, trend, projections, next duties (`xborder status`): ?asOf=", "read"],
  [
    "post",
    "/api/v1/orgs/{org}/ledger/import",
    "Upload events (CSV, JSON Lines, Parquet; ?name= gives the type): a job, 202 with its status URL",
    "write",
  ],
  ["get", "/api/v1/orgs/{org}/jobs", "Recent jobs", "read"],
  ["get", "/api/v1/orgs/{org}/jobs/{id}", "A job's status and progress", "read"],
  ["delete", "/api/v1/orgs/{org}/jobs/{id}", "Cancel a job that has not started", "write"],
  [
    "post",
    "/api/v1/orgs/{org}/scans",
    "Scan an uploaded file (?name=) or a table of a scan target the operator configured ({ target, table }; a URL is refused): a job",
    "write",
  ],
  ["post", "/api/v1/orgs/{org}/feed/rotate", "A new secret for the calendar feed (the old link stops working): { feedUrl }", "admin"],
  ["get", "/api/v1/orgs/{org}/scan-targets", "The database scan targets the server's operator configured (names only)", "read"],
  ["get", "/api/v1/orgs/{org}/scans/{id}", "A finished scan's report (`xborder scan --format json`; masked samples only)", "read"],
  [
    "post",
    "/api/v1/orgs/{org}/scans/{id}/apply",
    "Apply a scan to the data map: { dataset, transfer?, dryRun? } — a new version (dryRun: what it would change and set off, nothing saved)",
    "write",
  ],
  ["get", "/api/v1/orgs/{org}/documents", "The filing documents generated (versions per kind)", "read"],
  [
    "get",
    "/api/v1/orgs/{org}/documents/check",
    "What a document still misses (`xborder report check`): ?kind=self-assessment|pipia",
    "read",
  ],
  ["post", "/api/v1/orgs/{org}/documents", "Generate a version of a document: { kind, asOf?, lang?, route? (pipia: sc | gba) }", "write"],
  [
    "get",
    "/api/v1/orgs/{org}/documents/{id}",
    "A generated document: ?format=json|html|docx|pdf; &copy=filing for the filing copy (409 while anything is open)",
    "read",
  ],
  [
    "get",
    "/api/v1/orgs/{org}/reviews",
    "Reviews of the assessment: version, digest, date, counts source, status, who, when, comment",
    "read",
  ],
  ["post", "/api/v1/orgs/{org}/reviews", "Submit the current version's assessment for review: { asOf? }", "write"],
  ["post", "/api/v1/orgs/{org}/reviews/{id}/approve", "Approve a submitted review (not one's own): { comment? }", "admin"],
  ["post", "/api/v1/orgs/{org}/reviews/{id}/return", "Send a submitted review back: { comment } (required)", "admin"],
  [
    "get",
    "/api/v1/orgs/{org}/exports/{file}",
    "Exports as CSV or XLSX: {file} is transfers | counts | obligations (read) or audit (audit), then .csv or .xlsx; ?asOf=&lang=zh|en",
    "read",
  ],
  ["get", "/api/v1/orgs/{org}/obligations", "The obligations register (`xborder obligations --format json`): ?asOf=&lang=", "read"],
  ["get", "/api/v1/orgs/{org}/audit", "The audit log", "audit"],
  ["get", "/api/v1/orgs/{org}/audit.csv", "The audit log as CSV", "audit"],
  ["get", "/api/v1/orgs/{org}/audit/verify", "Whether the audit log's chain is intact", "audit"],
  ["get", "/api/v1/orgs/{org}/members", "Members and roles", "admin"],
  [
    "post",
    "/api/v1/orgs/{org}/members",
    "Invite a member: { email, role? (viewer) } → a one-time invitationUrl the person accepts (the same answer whether the e-mail has an account)",
    "admin",
  ],
  ["patch", "/api/v1/orgs/{org}/members/{user}", "Change a member's role: { role } (the last owner keeps theirs)", "admin"],
  ["delete", "/api/v1/orgs/{org}/members/{user}", "Remove a member", "admin"],
  ["get", "/api/v1/orgs/{org}/tokens", "API tokens (never their secrets)", "admin"],
  ["post", "/api/v1/orgs/{org}/tokens", "Create an API token: { name, role, days } — the token is shown once", "admin"],
  ["delete", "/api/v1/orgs/{org}/tokens/{id}", "Revoke an API token", "admin"],
];

const PROBLEM = {
  type: "object",
  properties: {
    type: { type: "string" },
    title: { type: "string" },
    status: { type: "integer" },
    detail: { type: "string" },
    errors: {
      type: "array",
      items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" }, line: { type: "integer" } } },
    },
  },
};

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, permission, body] of OPERATIONS) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
    (paths[path] ??= {})[method] = {
      summary,
      description: `Permission: ${permission} (owner: all; editor: read, write; auditor: read, audit; viewer: read).`,
      parameters: params,
      ...(body
        ? {
            requestBody: {
              required: true,
              content: {
                "application/json": { schema: { $ref: `#/components/schemas/${body}` } },
                ...(body === "DataMap" ? { "application/yaml": { schema: { $ref: "#/components/schemas/DataMap" } } } : {}),
              },
            },
          }
        : {}),
      responses: {
        "200": { description: "OK" },
        "4XX": {
          description: "The problem, with the field path",
          content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
        },
      },
    };
  }
  const dataMap = dataMapJsonSchema();
  delete (dataMap as { $schema?: unknown }).$schema;
  return {
    openapi: "3.1.0",
    info: {
      title: "xborder workspace API",
      version: "1",
      description: "China cross-border data transfer compliance: the command line's capabilities over HTTP.",
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }, { session: [] }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API token (xbt_…) of one organisation, with a role and an expiry" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "xb_session",
          description: "A browser session; state-changing requests also send x-csrf-token",
        },
      },
      schemas: {
        DataMap: dataMap,
        AssessRequest: {
          type: "object",
          properties: {
            asOf: { type: "string", format: "date" },
            lang: { enum: ["zh", "en"] },
            ledger: {
              type: "boolean",
              description: "count from the ledger; default: true where the organisation's ledger holds an import",
            },
            failOn: { enum: ["standard_contract_or_certification", "security_assessment", "prohibited"] },
            map: { $ref: "#/components/schemas/DataMap" },
          },
        },
        Problem: PROBLEM,
      },
    },
  };
}

export function openApiPage(c: Ctx) {
  const lang = c.var.lang;
  const user = c.var.session ? { email: c.var.session.email, csrf: c.var.session.csrf } : undefined;
  return page(
    { lang, path: "/api/docs", user },
    t(lang, "api"),
    html`<section class="card">
      <p>
        OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>.
        ${
          lang === "zh"
            ? "请求头 Authorization: Bearer xbt_…（在“成员”页面创建令牌）。错误为 application/problem+json。"
            : "Send Authorization: Bearer xbt_… (tokens are made on the Members page). Errors are application/problem+json."
        }
      </p>
      <table>
        <thead>
          <tr>
            <th>Method</th>
            <th>Path</th>
            <th>${t(lang, "summary")}</th>
            <th>Permission</th>
          </tr>
        </thead>
        <tbody>
          ${OPERATIONS.map(
            ([m, p, s, perm]) =>
              html`<tr>
                <td><code>${m.toUpperCase()}</code></td>
                <td><code>${p}</code></td>
                <td>${s}</td>
                <td>${perm}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>`,
  );
}
