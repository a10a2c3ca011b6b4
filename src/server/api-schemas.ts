/**
 * The API's request and response bodies as zod schemas: the OpenAPI document's components are
 * generated from them (z.toJSONSchema), so the contract and the checks are one text. Objects
 * are closed (an undocumented field is a contract break) except the command line's own reports
 * (assessment, status, register, diff, scan report, document), whose top level is described and
 * whose inner detail is the command line's `--format json`.
 */
import { z } from "zod";
import { ROLES } from "./db/schema.js";

const Role = z.enum(ROLES).meta({ description: "owner: all; editor: read, write; auditor: read, audit; viewer: read" });
const Instant = z.string().meta({ format: "date-time" });
const Day = z.string().meta({ format: "date", description: "YYYY-MM-DD" });
const Lang = z.enum(["zh", "en"]);
const Window = z.object({ from: Day, to: Day });
const People = z.object({ general: z.number().int(), sensitive: z.number().int() });
const Open = z.object({ id: z.string(), text: z.string() });

// Errors (RFC 9457 problem details) — the field path of each error.
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string(), line: z.number().int().optional() }))
      .optional()
      .meta({ description: "Each field at fault: its path (transfers[2].recipient, lang, If-Match) and, in a YAML text, its line" }),
    currentVersion: z.number().int().optional().meta({ description: "409 on a save based on an older version: the version now" }),
  })
  .meta({ description: "application/problem+json (RFC 9457)" });

// Who is asking.
const OrgOfMember = z.object({ id: z.number().int(), slug: z.string(), name: z.string(), role: Role });
export const Me = z.union([z.object({ token: z.string(), role: Role }), z.object({ email: z.string(), orgs: z.array(OrgOfMember) })]);
export const Org = z.object({ slug: z.string(), name: z.string(), role: Role });

// The data map.
export const SavedVersion = z.object({ version: z.number().int(), digest: z.string(), createdBy: z.string(), createdAt: Instant });
export const VersionInfo = SavedVersion.extend({ format: z.enum(["yaml", "json"]) });
export const Version = VersionInfo.extend({ content: z.string() });
export const Versions = z.array(VersionInfo);
/** Which people counts an answer used (人数来源): the organisation's ledger, or the map's `persons`. */
export const CountsSource = z.enum(["ledger", "data_map"]);
export const Diff = z
  .object({
    asOf: Day,
    countsSource: CountsSource,
    pathways: z
      .array(z.object({ transfer: z.string(), before: z.string().optional(), after: z.string().optional() }))
      .meta({ description: "Each transfer's pathway before and after (absent where the transfer is not in that map)" }),
    changes: z.array(z.looseObject({})),
    consequences: z.array(z.looseObject({})),
    refile: z.boolean().meta({ description: "Some filed transfer must be re-filed" }),
    heavier: z.boolean().meta({ description: "Some transfer's pathway is heavier than before" }),
  })
  .meta({ description: "`xborder diff --format json`" });

// Assessment and the ledger (the command line's reports).
export const Assessment = z
  .looseObject({
    asOf: Day,
    regime: z.string(),
    instruments: z.array(z.string()),
    window: Window,
    processor: z.looseObject({ name: z.string() }),
    transfers: z.array(z.looseObject({ id: z.string(), pathway: z.string() })),
  })
  .meta({ description: "`xborder assess --format json`" });
export const LedgerCount = z.object({
  asOf: Day,
  window: Window,
  cumulative: People,
  transfers: z.record(z.string(), People.extend({ counted: z.boolean() })),
});
export const LedgerStatus = z
  .looseObject({ asOf: Day, regime: z.string(), window: Window, bands: z.array(z.looseObject({ id: z.string() })) })
  .meta({ description: "`xborder status --format json`" });
const RegisterItem = z.looseObject({});
export const Register = z
  .object({
    asOf: Day,
    lang: Lang,
    processor: z.string(),
    items: z.array(RegisterItem).meta({ description: "Every duty: dated ones by date, then those owed now, then those owed on an event" }),
    notLaw: z.array(z.looseObject({})).meta({ description: "Rules that never became law, shown beside for comparison" }),
    countsSource: CountsSource,
  })
  .meta({ description: "`xborder obligations --format json`" });
export const Overview = z
  .object({
    asOf: Day,
    version: z.number().int(),
    countsSource: CountsSource,
    pathways: z.array(z.object({ transfer: z.string(), pathway: z.string() })).meta({ description: "Each transfer's pathway on asOf" }),
    status: LedgerStatus,
    upcoming: z.array(RegisterItem).meta({ description: "Duties due in the next 90 days (and overdue ones)" }),
    heavierThanFiled: z.array(z.object({ transfer: z.string(), pathway: z.string(), filed: z.array(z.string()) })),
  })
  .meta({ description: "The overview page's data" });

// Jobs.
export const JobStarted = z.object({ id: z.number().int(), statusUrl: z.string() });
export const ScanStarted = JobStarted.extend({ reportUrl: z.string() });
export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.string().meta({ description: "queued | running | done | failed | cancelled" }),
  progress: z.number(),
  message: z.string().nullable(),
  result: z.unknown().optional(),
  createdBy: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const Jobs = z.array(Job);
export const JobCancelled = z.object({ status: z.string() });

// Scans.
export const ScanTargets = z.array(z.string());
export const ScanReport = z.looseObject({}).meta({ description: "`xborder scan --format json` (masked samples only)" });
export const Applied = z.object({ version: z.number().int(), digest: z.string() });

// Documents.
export const DocumentInfo = z.object({
  id: z.number().int(),
  kind: z.string(),
  version: z.number().int(),
  mapVersion: z.number().int(),
  lang: Lang,
  missing: z.number().int().meta({ description: "How many items are still open" }),
  createdBy: z.string(),
  createdAt: Instant,
});
export const Documents = z.array(DocumentInfo);
export const DocumentCheck = z.object({
  kind: z.string(),
  complete: z.boolean(),
  notApplicable: z.string().optional(),
  missing: z.array(Open),
});
export const FilingDocument = z
  .looseObject({ kind: z.string(), title: z.string(), lang: Lang, asOf: Day, blocks: z.array(z.unknown()) })
  .meta({ description: "A generated document, as its DOCX/HTML/PDF renders it" });
export const NotFileable = z.object({ error: z.string(), open: z.array(Open) });

// The audit log.
export const AuditEntries = z
  .array(
    z.object({
      seq: z.number().int(),
      at: Instant,
      actor: z.string(),
      action: z.string(),
      target: z.string(),
      before: z.string().nullable(),
      after: z.string().nullable(),
      hash: z.string(),
    }),
  )
  .meta({ description: "The audit log, newest first" });
export const AuditVerdict = z.object({
  intact: z.boolean(),
  entries: z.number().int(),
  since: Instant.nullable().meta({ description: "The first entry's time" }),
  broken: z.object({ seq: z.number().int(), reason: z.string() }).optional().meta({ description: "Where the chain breaks, and how" }),
  head: z.string().nullable().meta({ description: "SEQ:HASH of the newest entry, for ?expectHead= later" }),
  unkeyed: z
    .number()
    .int()
    .optional()
    .meta({ description: "Entries 1–N were written before the chain was keyed (checked as the unkeyed chain)" }),
});

// Review and sign-off.
export const Review = z.object({
  id: z.number().int(),
  mapVersion: z.number().int(),
  digest: z.string(),
  asOf: Day,
  countsSource: z.string(),
  status: z.enum(["submitted", "approved", "returned"]),
  submittedBy: z.string(),
  submittedAt: Instant,
  decidedBy: z.string().optional(),
  decidedAt: Instant.optional(),
  comment: z.string().optional(),
});
export const Reviews = z.array(Review);

// Members and tokens.
export const Members = z.array(z.object({ id: z.number().int(), email: z.string(), role: Role }));
export const Invitation = z.object({ email: z.string(), role: Role, invitationUrl: z.string(), expiresAt: Instant });
export const RoleChanged = z.object({ user: z.number().int(), role: Role });
export const ApiTokens = z.array(
  z.object({
    id: z.number().int(),
    name: z.string(),
    role: Role,
    expires_at: Instant,
    created_at: Instant,
    revoked_at: Instant.nullable(),
  }),
);
export const TokenCreated = z.object({
  id: z.number().int(),
  name: z.string(),
  role: Role,
  token: z.string().meta({ description: "Shown once" }),
  expiresAt: Instant,
});
export const FeedUrl = z.object({ feedUrl: z.string() });

// Request bodies (the data map's own schema is the validation's: components.schemas.DataMap).
export const AssessRequest = z.object({
  asOf: Day.optional(),
  lang: Lang.optional(),
  ledger: z.boolean().optional().meta({ description: "Count people from the ledger, not the map's estimates" }),
  failOn: z.enum(["standard_contract_or_certification", "security_assessment", "prohibited"]).optional(),
  map: z.unknown().optional().meta({ description: "A data map to assess instead of the saved one (object, or its YAML text)" }),
});
export const ScanTableRequest = z.object({ target: z.string(), table: z.string() });
export const ApplyScanRequest = z.object({
  dataset: z.string(),
  transfer: z.string().optional(),
  dryRun: z.boolean().optional().meta({ description: "What it would change and set off (a Diff), nothing saved" }),
});
export const ReviewRequest = z.object({ asOf: Day.optional() });
export const DecisionRequest = z.object({ comment: z.string().optional().meta({ description: "Required to send back" }) });
export const DocumentRequest = z.object({
  kind: z.string().meta({ description: "self-assessment | pipia | …" }),
  asOf: Day.optional(),
  lang: Lang.optional(),
  route: z.enum(["sc", "gba"]).optional().meta({ description: "pipia only" }),
});
export const InviteRequest = z.object({ email: z.string(), role: Role.optional() });
export const RoleRequest = z.object({ role: Role });
export const TokenRequest = z.object({ name: z.string(), role: Role, days: z.number().int().min(1).max(366).optional() });

/** Every named body, as it appears in components.schemas. */
export const API_SCHEMAS = {
  Problem,
  Me,
  Org,
  SavedVersion,
  VersionInfo,
  Version,
  Versions,
  Diff,
  Assessment,
  Overview,
  LedgerCount,
  LedgerStatus,
  Register,
  JobStarted,
  ScanStarted,
  Job,
  Jobs,
  JobCancelled,
  ScanTargets,
  ScanReport,
  Applied,
  DocumentInfo,
  Documents,
  DocumentCheck,
  FilingDocument,
  NotFileable,
  AuditEntries,
  AuditVerdict,
  Review,
  Reviews,
  Members,
  Invitation,
  RoleChanged,
  ApiTokens,
  TokenCreated,
  FeedUrl,
  AssessRequest,
  ScanTableRequest,
  ApplyScanRequest,
  ReviewRequest,
  DecisionRequest,
  DocumentRequest,
  InviteRequest,
  RoleRequest,
  TokenRequest,
} as const;
export type ApiSchemaName = keyof typeof API_SCHEMAS;

/** The components' JSON Schemas (2020-12, as OpenAPI 3.1 takes them), each named body by reference. */
export function apiJsonSchemas(): Record<string, Record<string, unknown>> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(API_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: "any" });
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, s] of Object.entries(schemas)) {
    const { $schema: _s, $id: _i, ...rest } = s as Record<string, unknown>;
    out[id] = rest;
  }
  // The map to assess: the data map's own schema (its YAML text also does).
  const assess = out.AssessRequest as { properties: Record<string, unknown> };
  assess.properties.map = {
    description: "A data map to assess instead of the saved one (object, or its YAML text)",
    anyOf: [{ $ref: "#/components/schemas/DataMap" }, { type: "string" }],
  };
  return out;
}

/** The body a route answers under a schema's name (`c.json({...} satisfies ApiBody<"Org">)`: a field the schema lacks does not compile). */
export type ApiBody<N extends ApiSchemaName> = z.output<(typeof API_SCHEMAS)[N]>;
