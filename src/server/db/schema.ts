/** The workspace's tables (users, organisations, sessions, data-map versions, the audit log, jobs), as Kysely sees them. */
import type { ColumnType, Generated } from "kysely";

/** A time the database fills in by default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A time the code gives. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export const ROLES = ["owner", "editor", "viewer", "auditor"] as const;
export type Role = (typeof ROLES)[number];

export interface UserTable {
  id: Generated<number>;
  email: string;
  /** argon2id (PHC string). */
  password_hash: string;
  created_at: DefaultTimestamp;
}

export interface OrgTable {
  id: Generated<number>;
  slug: string;
  name: string;
  /** The secret part of the organisation's ICS feed URL. */
  feed_secret: string;
  audit_seq: Generated<number>;
  audit_head: Generated<string>;
  created_at: DefaultTimestamp;
}

export interface MemberTable {
  org_id: number;
  user_id: number;
  role: Role;
}

/** A signed-in browser: the cookie holds the token, the table its SHA-256 (a stolen table signs nobody in). */
export interface SessionTable {
  token_hash: string;
  user_id: number;
  csrf: string;
  created_at: DefaultTimestamp;
  expires_at: Timestamp;
}

/** An API token for scripts and CI: one organisation, one role, an expiry; stored hashed. */
export interface TokenTable {
  id: Generated<number>;
  org_id: number;
  name: string;
  token_hash: string;
  role: Role;
  expires_at: Timestamp;
  created_by: number;
  created_at: DefaultTimestamp;
  revoked_at: Timestamp | null;
}

/** An invitation to join an organisation: a one-time link the owner passes on; the person accepts it. */
export interface InvitationTable {
  id: Generated<number>;
  org_id: number;
  email: string;
  role: Role;
  token_hash: string;
  created_by: string;
  created_at: DefaultTimestamp;
  expires_at: Date;
  accepted_at: Timestamp | null;
}

/** The one-time setup link that creates the first owner. */
export interface SetupTable {
  token_hash: string;
  created_at: DefaultTimestamp;
  used_at: Timestamp | null;
}

/** Failed sign-ins, for rate limiting (by e-mail and by address). */
export interface SignInFailureTable {
  key: string;
  at: DefaultTimestamp;
}

/** Every saved data map is a version: who, when, its text exactly as saved. */
export interface DataMapVersionTable {
  id: Generated<number>;
  org_id: number;
  version: number;
  content: string;
  format: "yaml" | "json";
  digest: string;
  created_by: string;
  created_at: DefaultTimestamp;
}

/** The append-only audit log: each entry's hash covers the previous entry's hash (per organisation). */
export interface AuditTable {
  id: Generated<number>;
  org_id: number;
  seq: number;
  at: Timestamp;
  actor: string;
  action: string;
  target: string;
  before_digest: string | null;
  after_digest: string | null;
  prev_hash: string;
  hash: string;
}

/** Long work (imports, scans) kept in the database: it survives a restart of the process. */
export interface JobTable {
  id: Generated<number>;
  org_id: number;
  kind: string;
  status: "queued" | "running" | "done" | "failed" | "cancelled";
  progress: number;
  message: string;
  result: string | null;
  created_by: string;
  owner: ColumnType<string, string | undefined, string>;
  created_at: DefaultTimestamp;
  updated_at: Timestamp;
}

/** A filing document generated in the workspace: the document as data, versioned per kind. */
export interface DocumentTable {
  id: Generated<number>;
  org_id: number;
  kind: string;
  version: number;
  map_version: number;
  lang: string;
  missing: number;
  model: string;
  digest: string;
  created_by: string;
  created_at: DefaultTimestamp;
}

export interface ReviewTable {
  id: Generated<number>;
  org_id: number;
  map_version: number;
  digest: string;
  as_of: string;
  counts_source: string;
  status: "submitted" | "approved" | "returned";
  submitted_by: string;
  submitted_at: DefaultTimestamp;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
}

export interface WorkspaceDatabase {
  ws_review: ReviewTable;
  ws_document: DocumentTable;
  ws_user: UserTable;
  ws_org: OrgTable;
  ws_member: MemberTable;
  ws_session: SessionTable;
  ws_token: TokenTable;
  ws_setup: SetupTable;
  ws_invitation: InvitationTable;
  ws_signin_failure: SignInFailureTable;
  ws_datamap_version: DataMapVersionTable;
  ws_audit: AuditTable;
  ws_job: JobTable;
}
