/**
 * The API's OpenAPI 3.1 document: each operation's stable operationId (a generated client's method
 * name), area tag, permission, and the schema of every body it takes and answers — generated from
 * the zod schemas of src/server/api-schemas.ts, the data map's from the validation's own
 * (src/engine/json-schema.ts, the same as `xborder schema`), so the document cannot drift from what
 * the API accepts.
 */
import { dataMapJsonSchema } from "../engine/json-schema.js";
import { apiJsonSchemas, type ApiSchemaName } from "./api-schemas.js";

type Method = "get" | "put" | "post" | "patch" | "delete";
type Tag =
  "Account" | "Organisation" | "Data map" | "Assessment" | "Ledger" | "Jobs" | "Scans" | "Documents" | "Audit" | "Members" | "Tokens";
type Permission = "any" | "read" | "write" | "audit" | "admin";
/** What a success answers: a named schema (JSON), another media type, or nothing (204). */
type Answer = {
  status: number;
  schema?: ApiSchemaName;
  media?: Record<string, Record<string, unknown>>;
  description?: string;
  example?: unknown;
};

/** One operation: its stable id (a client generator's method name), area, summary, permission, body and answers. */
export interface Operation {
  id: string;
  method: Method;
  path: string;
  tag: Tag;
  summary: string;
  permission: Permission;
  body?: ApiSchemaName | "DataMap" | "Upload";
  ok: Answer[];
  /** Other answers that are not problems (e.g. 409 with the open items). */
  also?: Answer[];
  query?: string[];
  /** An example of the request body (checked against its schema by redocly lint). */
  example?: unknown;
}

const ok = (schema: ApiSchemaName, status = 200): Answer[] => [{ status, schema }];
const file = (type: string, description: string): Record<string, Record<string, unknown>> => ({
  [type]: { schema: { type: "string", contentMediaType: type, description } },
});

export const OPERATIONS: Operation[] = [
  {
    id: "getMe",
    method: "get",
    path: "/api/v1/me",
    tag: "Account",
    summary: "Who is asking: the person and their organisations, or the token",
    permission: "any",
    ok: ok("Me"),
  },
  {
    id: "getOrg",
    method: "get",
    path: "/api/v1/orgs/{org}",
    tag: "Organisation",
    summary: "The organisation and the caller's role",
    permission: "read",
    ok: ok("Org"),
  },
  {
    id: "getDataMap",
    method: "get",
    path: "/api/v1/orgs/{org}/datamap",
    tag: "Data map",
    summary: "The current data map, exactly as saved (YAML or JSON); its ETag is the version",
    permission: "read",
    ok: [
      {
        status: 200,
        media: {
          "application/json": { schema: { $ref: "#/components/schemas/DataMap" } },
          ...file("application/yaml", "The data map's YAML text"),
        },
      },
    ],
  },
  {
    id: "putDataMap",
    method: "put",
    path: "/api/v1/orgs/{org}/datamap",
    tag: "Data map",
    summary: "Save a new version (YAML or JSON body), validated as `xborder assess` does; If-Match: the version it edits",
    permission: "write",
    body: "DataMap",
    ok: ok("SavedVersion", 201),
  },
  {
    id: "listDataMapVersions",
    method: "get",
    path: "/api/v1/orgs/{org}/datamap/versions",
    tag: "Data map",
    summary: "Every saved version: who, when, digest",
    permission: "read",
    ok: ok("Versions"),
  },
  {
    id: "getDataMapVersion",
    method: "get",
    path: "/api/v1/orgs/{org}/datamap/versions/{v}",
    tag: "Data map",
    summary: "One version with its text",
    permission: "read",
    ok: ok("Version"),
  },
  {
    id: "diffDataMapVersions",
    method: "get",
    path: "/api/v1/orgs/{org}/datamap/diff",
    tag: "Data map",
    summary: "What a change set off (`xborder diff`)",
    permission: "read",
    query: ["from", "to", "asOf", "lang"],
    ok: ok("Diff"),
  },
  {
    id: "assessDataMap",
    method: "post",
    path: "/api/v1/orgs/{org}/assess",
    tag: "Assessment",
    summary: "The assessment (`xborder assess --format json`) of the saved map, or of the map sent",
    permission: "read",
    body: "AssessRequest",
    example: { asOf: "2026-11-22", lang: "en", ledger: true, failOn: "security_assessment" },
    ok: ok("Assessment"),
  },
  {
    id: "getOverview",
    method: "get",
    path: "/api/v1/orgs/{org}/overview",
    tag: "Assessment",
    summary: "Bands on the ledger's counts, trend, deadlines of the next 90 days, transfers heavier than filed",
    permission: "read",
    query: ["asOf", "lang"],
    ok: ok("Overview"),
  },
  {
    id: "getObligations",
    method: "get",
    path: "/api/v1/orgs/{org}/obligations",
    tag: "Assessment",
    summary: "The obligations register (`xborder obligations --format json`)",
    permission: "read",
    query: ["asOf", "lang"],
    ok: ok("Register"),
  },
  {
    id: "countLedger",
    method: "get",
    path: "/api/v1/orgs/{org}/ledger/count",
    tag: "Ledger",
    summary: "Distinct people per transfer and in total (`xborder ledger count`)",
    permission: "read",
    query: ["asOf"],
    ok: ok("LedgerCount"),
  },
  {
    id: "getLedgerStatus",
    method: "get",
    path: "/api/v1/orgs/{org}/ledger/status",
    tag: "Ledger",
    summary: "Bands, trend, projections, next duties (`xborder status`)",
    permission: "read",
    query: ["asOf"],
    ok: ok("LedgerStatus"),
  },
  {
    id: "importLedgerEvents",
    method: "post",
    path: "/api/v1/orgs/{org}/ledger/import",
    tag: "Ledger",
    summary: "Upload events (CSV, JSON Lines, Parquet; ?name= gives the type): a job, 202 with its status URL",
    permission: "write",
    body: "Upload",
    query: ["name"],
    example: "date,transfer,person\n2026-03-01,marketing-sg,110101199003078515\n",
    ok: [{ status: 202, schema: "JobStarted", example: { id: 7, statusUrl: "/api/v1/orgs/acme/jobs/7" } }],
  },
  {
    id: "listJobs",
    method: "get",
    path: "/api/v1/orgs/{org}/jobs",
    tag: "Jobs",
    summary: "Recent jobs",
    permission: "read",
    ok: ok("Jobs"),
  },
  {
    id: "getJob",
    method: "get",
    path: "/api/v1/orgs/{org}/jobs/{id}",
    tag: "Jobs",
    summary: "A job's status and progress",
    permission: "read",
    ok: ok("Job"),
  },
  {
    id: "cancelJob",
    method: "delete",
    path: "/api/v1/orgs/{org}/jobs/{id}",
    tag: "Jobs",
    summary: "Cancel a job that has not started (202: asked to stop)",
    permission: "write",
    ok: [
      { status: 200, schema: "JobCancelled" },
      { status: 202, schema: "JobCancelled" },
    ],
  },
  {
    id: "startScan",
    method: "post",
    path: "/api/v1/orgs/{org}/scans",
    tag: "Scans",
    summary:
      "Scan an uploaded file (?name=) or a table of a scan target the operator configured ({ target, table }; a URL is refused): a job",
    permission: "write",
    body: "ScanTableRequest",
    query: ["name", "asOf"],
    example: { target: "crm", table: "customers" },
    ok: [
      {
        status: 202,
        schema: "ScanStarted",
        example: { id: 8, statusUrl: "/api/v1/orgs/acme/jobs/8", reportUrl: "/api/v1/orgs/acme/scans/8" },
      },
    ],
  },
  {
    id: "listScanTargets",
    method: "get",
    path: "/api/v1/orgs/{org}/scan-targets",
    tag: "Scans",
    summary: "The database scan targets the server's operator configured (names only)",
    permission: "read",
    ok: ok("ScanTargets"),
  },
  {
    id: "getScanReport",
    method: "get",
    path: "/api/v1/orgs/{org}/scans/{id}",
    tag: "Scans",
    summary: "A finished scan's report (`xborder scan --format json`; masked samples only); 409 while it runs",
    permission: "read",
    ok: ok("ScanReport"),
  },
  {
    id: "getScanFindings",
    method: "get",
    path: "/api/v1/orgs/{org}/scans/{id}/findings",
    tag: "Scans",
    summary:
      "A file scan's findings, one JSON line each (file, row, column or offset, type, confidence, masked value — never the raw one); the first 10,000 kept, X-Findings-Total / -Kept / -Truncated say when capped",
    permission: "read",
    ok: [{ status: 200, media: file("application/x-ndjson", "One finding per line (`xborder scan --findings`)") }],
  },
  {
    id: "applyScan",
    method: "post",
    path: "/api/v1/orgs/{org}/scans/{id}/apply",
    tag: "Scans",
    summary: "Apply a scan to the data map: a new version (dryRun: what it would change and set off, nothing saved)",
    permission: "write",
    body: "ApplyScanRequest",
    ok: [
      { status: 201, schema: "Applied", description: "Saved as a new version" },
      { status: 200, schema: "Diff", description: "dryRun: what the change would set off; nothing saved" },
    ],
  },
  {
    id: "listDocuments",
    method: "get",
    path: "/api/v1/orgs/{org}/documents",
    tag: "Documents",
    summary: "The filing documents generated (versions per kind)",
    permission: "read",
    ok: ok("Documents"),
  },
  {
    id: "checkDocument",
    method: "get",
    path: "/api/v1/orgs/{org}/documents/check",
    tag: "Documents",
    summary: "What a document still misses (`xborder report check`)",
    permission: "read",
    query: ["kind", "asOf", "lang"],
    ok: ok("DocumentCheck"),
  },
  {
    id: "generateDocument",
    method: "post",
    path: "/api/v1/orgs/{org}/documents",
    tag: "Documents",
    summary: "Generate a version of a document",
    permission: "write",
    body: "DocumentRequest",
    example: { kind: "pipia", lang: "zh", route: "sc" },
    ok: [
      {
        status: 201,
        schema: "DocumentInfo",
        example: {
          id: 3,
          kind: "pipia",
          version: 2,
          mapVersion: 5,
          lang: "zh",
          missing: 4,
          createdBy: "token:ci",
          createdAt: "2026-11-22T08:00:00.000Z",
        },
      },
    ],
  },
  {
    id: "getDocument",
    method: "get",
    path: "/api/v1/orgs/{org}/documents/{id}",
    tag: "Documents",
    summary: "A generated document: ?format=json|html|docx|pdf; &copy=filing for the filing copy (409 while anything is open)",
    permission: "read",
    query: ["format", "copy"],
    ok: [
      {
        status: 200,
        media: {
          "application/json": { schema: { $ref: "#/components/schemas/FilingDocument" } },
          ...file("text/html", "The document as HTML"),
          ...file("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "The document as DOCX"),
          ...file("application/pdf", "The document as PDF"),
        },
      },
    ],
    also: [{ status: 409, schema: "NotFileable", description: "The filing copy is refused while items are open" }],
  },
  {
    id: "listAuditEntries",
    method: "get",
    path: "/api/v1/orgs/{org}/audit",
    tag: "Audit",
    summary: "The audit log",
    permission: "audit",
    ok: ok("AuditEntries"),
  },
  {
    id: "downloadAuditCsv",
    method: "get",
    path: "/api/v1/orgs/{org}/audit.csv",
    tag: "Audit",
    summary: "The audit log as CSV",
    permission: "audit",
    ok: [{ status: 200, media: file("text/csv", "The audit log, one entry a row") }],
  },
  {
    id: "verifyAuditLog",
    method: "get",
    path: "/api/v1/orgs/{org}/audit/verify",
    tag: "Audit",
    summary: "Whether the audit log's chain is intact (?expectHead=SEQ:HASH as an earlier verify gave it)",
    permission: "audit",
    query: ["expectHead"],
    ok: ok("AuditVerdict"),
  },
  {
    id: "listReviews",
    method: "get",
    path: "/api/v1/orgs/{org}/reviews",
    tag: "Assessment",
    summary: "Reviews of the assessment: version, digest, date, counts source, status, who, when, comment",
    permission: "read",
    ok: ok("Reviews"),
  },
  {
    id: "submitReview",
    method: "post",
    path: "/api/v1/orgs/{org}/reviews",
    tag: "Assessment",
    summary: "Submit the current version's assessment for review",
    permission: "write",
    body: "ReviewRequest",
    ok: ok("Review", 201),
  },
  {
    id: "approveReview",
    method: "post",
    path: "/api/v1/orgs/{org}/reviews/{id}/approve",
    tag: "Assessment",
    summary: "Approve a submitted review (not one's own)",
    permission: "admin",
    body: "DecisionRequest",
    ok: ok("Review"),
  },
  {
    id: "returnReview",
    method: "post",
    path: "/api/v1/orgs/{org}/reviews/{id}/return",
    tag: "Assessment",
    summary: "Send a submitted review back (a comment is required)",
    permission: "admin",
    body: "DecisionRequest",
    ok: ok("Review"),
  },
  {
    id: "exportFile",
    method: "get",
    path: "/api/v1/orgs/{org}/exports/{file}",
    tag: "Assessment",
    summary: "Exports as CSV or XLSX: {file} is transfers | counts | obligations (read) or audit (audit permission), then .csv or .xlsx",
    permission: "read",
    query: ["asOf", "lang"],
    ok: [
      {
        status: 200,
        media: {
          ...file("text/csv", "CSV with a byte-order mark; cells that look like formulas kept as text"),
          ...file("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "The same as an XLSX workbook"),
        },
      },
    ],
  },
  {
    id: "rotateFeed",
    method: "post",
    path: "/api/v1/orgs/{org}/feed/rotate",
    tag: "Organisation",
    summary: "A new secret for the calendar feed (the old link stops working)",
    permission: "admin",
    ok: ok("FeedUrl"),
  },
  {
    id: "listMembers",
    method: "get",
    path: "/api/v1/orgs/{org}/members",
    tag: "Members",
    summary: "Members and roles",
    permission: "admin",
    ok: ok("Members"),
  },
  {
    id: "inviteMember",
    method: "post",
    path: "/api/v1/orgs/{org}/members",
    tag: "Members",
    summary: "Invite a member → a one-time invitationUrl the person accepts (the same answer whether the e-mail has an account)",
    permission: "admin",
    body: "InviteRequest",
    ok: ok("Invitation", 201),
  },
  {
    id: "changeMemberRole",
    method: "patch",
    path: "/api/v1/orgs/{org}/members/{user}",
    tag: "Members",
    summary: "Change a member's role (the last owner keeps theirs)",
    permission: "admin",
    body: "RoleRequest",
    ok: ok("RoleChanged"),
  },
  {
    id: "removeMember",
    method: "delete",
    path: "/api/v1/orgs/{org}/members/{user}",
    tag: "Members",
    summary: "Remove a member",
    permission: "admin",
    ok: [{ status: 204, description: "Removed" }],
  },
  {
    id: "listApiTokens",
    method: "get",
    path: "/api/v1/orgs/{org}/tokens",
    tag: "Tokens",
    summary: "API tokens (never their secrets)",
    permission: "admin",
    ok: ok("ApiTokens"),
  },
  {
    id: "createApiToken",
    method: "post",
    path: "/api/v1/orgs/{org}/tokens",
    tag: "Tokens",
    summary: "Create an API token (days: 1–366, 90 if not given) — the token is shown once",
    permission: "admin",
    body: "TokenRequest",
    ok: ok("TokenCreated", 201),
  },
  {
    id: "revokeApiToken",
    method: "delete",
    path: "/api/v1/orgs/{org}/tokens/{id}",
    tag: "Tokens",
    summary: "Revoke an API token",
    permission: "admin",
    ok: [{ status: 204, description: "Revoked" }],
  },
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function answer(a: Answer) {
  const description = a.description ?? (a.status === 204 ? "No content" : "OK");
  if (a.media) return { description, content: a.media };
  if (a.schema)
    return {
      description,
      content: { "application/json": { schema: ref(a.schema), ...(a.example === undefined ? {} : { example: a.example }) } },
    };
  return { description };
}

const QUERY: Record<string, Record<string, unknown>> = {
  asOf: { type: "string", format: "date", description: "The day to answer for (YYYY-MM-DD); today in Asia/Shanghai if not given" },
  lang: { type: "string", enum: ["zh", "en"] },
  from: { type: "integer", description: "A version" },
  to: { type: "integer", description: "A later version" },
  name: { type: "string", description: "The upload's file name: its extension gives the type" },
  kind: { type: "string", description: "self-assessment | pipia" },
  format: { type: "string", enum: ["json", "html", "docx", "pdf"], default: "json" },
  copy: { type: "string", enum: ["filing"] },
  expectHead: { type: "string", pattern: "^\\d{1,9}:[0-9a-f]{64}$" },
};

const PROBLEMS = {
  description: "The problem, with the field path of each error",
  content: { "application/problem+json": { schema: ref("Problem") } },
};

const UPLOAD = { schema: { type: "string", contentMediaType: "application/octet-stream", description: "The file's bytes" } };

function requestBody(body: NonNullable<Operation["body"]>, example: unknown) {
  const ex = example === undefined ? {} : { example };
  if (body === "Upload") return { required: true, content: { "application/octet-stream": { ...UPLOAD, ...ex } } };
  return {
    required: body === "DataMap",
    content: {
      "application/json": { schema: ref(body), ...ex },
      ...(body === "DataMap" ? { "application/yaml": { schema: ref("DataMap") } } : {}),
      // A scan takes a file's bytes (?name=) as well as a configured table.
      ...(body === "ScanTableRequest" ? { "application/octet-stream": UPLOAD } : {}),
    },
  };
}

/** The document (built once: its schemas are fixed at build time). */
export function openApiDocument(): ReturnType<typeof buildDocument> {
  return (built ??= buildDocument());
}
let built: ReturnType<typeof buildDocument> | undefined;

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    const parameters = [
      ...[...op.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
        name: m[1],
        in: "path",
        required: true,
        schema: m[1] === "org" ? { type: "string", description: "The organisation's slug" } : { type: "integer" },
      })),
      ...(op.query ?? []).map((name) => ({ name, in: "query", required: false, schema: QUERY[name] })),
    ];
    const responses: Record<string, unknown> = {};
    for (const a of [...op.ok, ...(op.also ?? [])]) responses[String(a.status)] = answer(a);
    responses["4XX"] = PROBLEMS;
    responses["5XX"] = { description: "The server failed (PDF unavailable: 501; Chromium busy: 503)", content: PROBLEMS.content };
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.id,
      summary: op.summary,
      description: `Permission: ${op.permission} (owner: all; editor: read, write; auditor: read, audit; viewer: read).`,
      tags: [op.tag],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: requestBody(op.body, op.example) } : {}),
      responses,
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
      license: { name: "MIT", identifier: "MIT" },
    },
    servers: [{ url: "/", description: "This server" }],
    security: [{ bearer: [] }, { session: [] }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
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
      schemas: { DataMap: dataMap, ...apiJsonSchemas() },
    },
  };
}

/** The areas, in the order the docs list them. */
const TAGS: Record<Tag, string> = {
  Account: "Who is asking",
  Organisation: "The organisation and its calendar feed",
  "Data map": "The data map (数据清单) and its versions",
  Assessment: "The assessment, the overview and the obligations register",
  Ledger: "The ledger of outbound transfers (出境记录): import, counts, status",
  Jobs: "Background jobs (imports, scans)",
  Scans: "Scanning files and tables for personal information",
  Documents: "Filing documents (申报材料): generate, check, download",
  Audit: "The tamper-evident audit log",
  Members: "Members and their roles",
  Tokens: "API tokens",
};
