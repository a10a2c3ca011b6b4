/**
 * What the API and the pages ask of the library, in one place: each function is the command
 * line's own (assess, the ledger's count and status, the obligations register, diff), on the
 * organisation's current data map and its ledger. No rule is written here.
 */
import { addDays, isIsoDate, todayInShanghai, type IsoDate } from "../calendar/date.js";
import { type AssessOptions, assess } from "../engine/assess.js";
import type { CountsSource } from "../engine/counts-source.js";
import type { DataMap } from "../engine/datamap.js";
import { diffMaps, type MapDiff } from "../engine/diff.js";
import { buildRegister, type Register } from "../engine/register/index.js";
import { PATHWAYS, type Assessment, type Pathway, severity } from "../engine/types.js";
import type { Lang } from "../law/index.js";
import { countLedger, type LedgerCount, ledgerStamp } from "../ledger/count.js";
import type { Store } from "../store/open.js";
import { ledgerStatus, type Status } from "../ledger/status.js";
import { applyScan } from "../engine/apply-scan.js";
import type { ScanReport } from "../scan/scan.js";
import { appendAudit } from "./audit.js";
import type { Body } from "./cache.js";
import type { Access, Deps } from "./context.js";
import { notFound } from "./context.js";
import { checkMap, getVersion, latestMeta, type MapVersion, saveVersion } from "./datamaps.js";
import { InputProblem } from "./orgs.js";

export interface Current {
  version: MapVersion;
  map: DataMap;
}

export async function currentMap(deps: Deps, orgId: number): Promise<Current | undefined> {
  const meta = await deps.cache.memo(`meta:${orgId}`, () => latestMeta(deps.ws.db, orgId));
  if (!meta) return undefined;
  const hit = deps.cache.maps.get(meta.digest);
  if (hit?.version.version === meta.version) return hit; // the same text saved again is a newer version
  const version = await getVersion(deps.ws.db, orgId, meta.version);
  if (!version) return undefined;
  const current = { version, map: checkMap(version.content, `version ${version.version}`) };
  deps.cache.maps.set(version.digest, current);
  return current;
}

export async function requireMap(deps: Deps, orgId: number): Promise<Current> {
  const c = await currentMap(deps, orgId);
  if (!c) throw new InputProblem("no data map has been saved yet", "datamap");
  return c;
}

/**
 * The date an answer is for: the one asked for, else today in Asia/Shanghai (the map's own `asOf`
 * is one date a person may choose, never the default: a later event must not be invisible).
 */
export const asOfFor = (given?: string): IsoDate => {
  if (given !== undefined && given !== "") {
    if (!isIsoDate(given) || given < "1900-01-01") throw new InputProblem("expected a date YYYY-MM-DD (from 1900)", "asOf");
    return given;
  }
  return todayInShanghai();
};

/** The ledger's stamp (imports so far): kept until the next write. */
const stampOf = async (deps: Deps, orgId: number, store: Store) =>
  deps.cache.memo(`stamp:${orgId}`, () => ledgerStamp(store), { ledger: true });

/** Whether the organisation's ledger holds an import: then its counts are the default on every surface. */
export async function hasLedger(deps: Deps, orgId: number): Promise<boolean> {
  return !(await stampOf(deps, orgId, await deps.ledgers.of(orgId))).startsWith("0:");
}

type LedgerCounts = NonNullable<AssessOptions["ledger"]>;

/**
 * The ledger's counts for `map` on `asOf` when they are to be used (人数来源): `use` true or false
 * when asked, else where the organisation has a ledger. Undefined: count from the map's `persons`.
 */
export async function orgLedgerCounts(
  deps: Deps,
  orgId: number,
  map: DataMap,
  asOf: IsoDate,
  use?: boolean,
): Promise<LedgerCounts | undefined> {
  if (use === false || (use === undefined && !(await hasLedger(deps, orgId)))) return undefined;
  const c = await countLedger(await deps.ledgers.of(orgId), map, asOf);
  return { cumulative: c.cumulative, transfers: c.transfers };
}

export async function saveMap(deps: Deps, a: Access, text: string, base?: number): Promise<MapVersion> {
  const { version, previous } = await saveVersion(deps.ws.db, a.org.id, text, a.actor, base);
  deps.cache.changed();
  await appendAudit(deps.ws.db, {
    orgId: a.org.id,
    actor: a.actor,
    action: "datamap.save",
    target: `version ${version.version}`,
    before: previous?.digest,
    after: version.digest,
  });
  return version;
}

export interface AssessRequest {
  asOf?: string;
  lang?: Lang;
  ledger?: boolean;
  failOn?: string;
  /** A map to assess instead of the saved one (not saved). */
  map?: DataMap;
}

export interface AssessResponse {
  assessment: Assessment;
  failOn?: { pathway: Pathway; failed: boolean; transfers: string[] };
}

/**
 * The assessment as JSON text, as the API sends it (the assessment with `failOn` added when asked).
 * Without the ledger and on the saved map it is cached by the map's digest and the request.
 */
export async function assessOrgJson(deps: Deps, orgId: number, req: AssessRequest): Promise<Body> {
  let key: string | undefined;
  if (!req.map) {
    const current = await requireMap(deps, orgId);
    const useLedger = req.ledger ?? (await hasLedger(deps, orgId));
    const source = useLedger ? await stampOf(deps, orgId, await deps.ledgers.of(orgId)) : "map";
    key = JSON.stringify([current.version.digest, asOfFor(req.asOf), req.lang ?? "en", req.failOn ?? null, source]);
    const hit = deps.cache.assessments.get(key);
    if (hit) return hit;
  }
  const r = await assessOrg(deps, orgId, req);
  const body = { raw: Buffer.from(JSON.stringify(r.failOn ? { ...r.assessment, failOn: r.failOn } : r.assessment)) };
  if (key) deps.cache.assessments.set(key, body);
  return body;
}

/** The assessment, on the counts of the organisation's ledger where it has one (or as `req.ledger` asks). */
export async function assessOrg(deps: Deps, orgId: number, req: AssessRequest): Promise<AssessResponse> {
  const map = req.map ?? (await requireMap(deps, orgId)).map;
  const asOf = asOfFor(req.asOf);
  const ledger = await orgLedgerCounts(deps, orgId, map, asOf, req.ledger);
  const assessment = assess(map, { asOf, lang: req.lang ?? "en", ledger });
  if (req.failOn === undefined) return { assessment };
  const gates = PATHWAYS.filter((p) => p !== "exempt") as readonly string[];
  if (!gates.includes(req.failOn)) throw new InputProblem(`expected one of ${gates.join(" | ")}`, "failOn");
  const gate = severity(req.failOn as Pathway);
  const hits = assessment.transfers.filter((t) => severity(t.pathway) >= gate).map((t) => t.id);
  return { assessment, failOn: { pathway: req.failOn as Pathway, failed: hits.length > 0, transfers: hits } };
}

export async function countOrg(deps: Deps, orgId: number, asOf?: string): Promise<LedgerCount> {
  const { map } = await requireMap(deps, orgId);
  return countLedger(await deps.ledgers.of(orgId), map, asOfFor(asOf));
}

export async function statusOrg(deps: Deps, orgId: number, asOf?: string): Promise<Status> {
  const { map } = await requireMap(deps, orgId);
  return ledgerStatus(await deps.ledgers.of(orgId), map, asOfFor(asOf));
}

export async function registerOrg(
  deps: Deps,
  orgId: number,
  opts: { asOf?: string; lang?: Lang; ledger?: boolean },
): Promise<Register & { countsSource: CountsSource }> {
  const { map } = await requireMap(deps, orgId);
  const asOf = asOfFor(opts.asOf);
  const ledger = await orgLedgerCounts(deps, orgId, map, asOf, opts.ledger);
  return { ...buildRegister(map, { asOf, lang: opts.lang ?? "en", ledger }), countsSource: ledger ? "ledger" : "data_map" };
}

/** What changed between two versions and what it sets off, both judged with the same counts as the assessment. */
export async function diffVersions(
  deps: Deps,
  orgId: number,
  from: number,
  to: number,
  opts: { asOf?: string; lang?: Lang; ledger?: boolean },
): Promise<MapDiff> {
  const a = await getVersion(deps.ws.db, orgId, from);
  const b = await getVersion(deps.ws.db, orgId, to);
  if (!a || !b) throw notFound();
  return diffOrgMaps(deps, orgId, checkMap(a.content), checkMap(b.content), opts);
}

/** `diffMaps` on the organisation's counts (its ledger's for each map, where it has one). */
export async function diffOrgMaps(
  deps: Deps,
  orgId: number,
  before: DataMap,
  after: DataMap,
  opts: { asOf?: string; lang?: Lang; ledger?: boolean },
): Promise<MapDiff> {
  const asOf = asOfFor(opts.asOf);
  const b = await orgLedgerCounts(deps, orgId, before, asOf, opts.ledger);
  const a = b && (await orgLedgerCounts(deps, orgId, after, asOf, true));
  return diffMaps(before, after, { asOf, lang: opts.lang ?? "en", ledger: b && a ? { before: b, after: a } : undefined });
}

export interface Overview {
  asOf: IsoDate;
  version: number;
  /** Which people counts decided the pathways below (人数来源). */
  countsSource: CountsSource;
  /** Each transfer's pathway on `asOf`: the assessment's. */
  pathways: { transfer: string; pathway: Pathway }[];
  status: Status;
  /** Register items due in the next 90 days (and overdue ones). */
  upcoming: Register["items"];
  /** Transfers whose pathway is heavier than what the map files for them. */
  heavierThanFiled: { transfer: string; pathway: Pathway; filed: string[] }[];
}

const FILED_PATHWAY: Record<string, Pathway> = {
  standard_contract: "standard_contract_or_certification",
  gba_standard_contract: "standard_contract_or_certification",
  security_assessment: "security_assessment",
};

export async function overviewOrg(deps: Deps, orgId: number, opts: { asOf?: string; lang?: Lang }): Promise<Overview> {
  const { map, version } = await requireMap(deps, orgId);
  const asOf = asOfFor(opts.asOf);
  const store = await deps.ledgers.of(orgId);
  const stamp = await stampOf(deps, orgId, store);
  const key = JSON.stringify([version.digest, asOf, opts.lang ?? "en", stamp]);
  const hit = deps.cache.overviews.get(key);
  if (hit) return hit;
  const ledger = await orgLedgerCounts(deps, orgId, map, asOf);
  const o = await computeOverview(store, map, version.version, asOf, opts.lang ?? "en", ledger);
  deps.cache.overviews.set(key, o);
  return o;
}

async function computeOverview(
  store: Store,
  map: DataMap,
  version: number,
  asOf: IsoDate,
  lang: Lang,
  ledger: LedgerCounts | undefined,
): Promise<Overview> {
  const assessment = assess(map, { asOf, lang, ledger });
  const register = buildRegister(map, { asOf, lang, ledger });
  const status = await ledgerStatus(store, map, asOf, register);
  const horizon = addDays(asOf, 90);
  const heavierThanFiled = assessment.transfers.flatMap((t) => {
    if (t.pathway === "exempt") return [];
    const filed = map.filings.filter((f) => f.transfer === t.id && f.outcome !== "refused");
    const best = Math.max(-1, ...filed.map((f) => severity(FILED_PATHWAY[f.type] ?? "exempt")));
    return severity(t.pathway) > best ? [{ transfer: t.id, pathway: t.pathway, filed: filed.map((f) => f.type) }] : [];
  });
  return {
    asOf,
    version,
    countsSource: assessment.countsSource,
    pathways: assessment.transfers.map((t) => ({ transfer: t.id, pathway: t.pathway })),
    status,
    upcoming: register.items.filter((i) => i.due !== undefined && i.status !== "done" && i.due <= horizon),
    heavierThanFiled,
  };
}

/** A finished scan's report (masked samples only), or undefined when there is no such scan. */
export async function scanReport(
  deps: Deps,
  orgId: number,
  jobId: number,
): Promise<{ status: string; message: string; report?: ScanReport } | undefined> {
  const job = await deps.jobs.get(orgId, jobId);
  if (!job || job.kind !== "scan") return undefined;
  return { status: job.status, message: job.message, report: job.status === "done" ? (job.result as ScanReport) : undefined };
}

/** What "apply to the data map" would write: the new text, and what it changes and sets off (judged on the organisation's counts). */
export async function previewApplyScan(
  deps: Deps,
  orgId: number,
  jobId: number,
  target: { dataset: string; transfer?: string },
  opts: { asOf?: string; lang?: Lang } = {},
): Promise<{ text: string; diff: MapDiff }> {
  const scan = await scanReport(deps, orgId, jobId);
  if (!scan) throw notFound();
  if (!scan.report) throw new InputProblem(`the scan is ${scan.status}, not done`, "scan");
  if (!/^[\p{L}\p{N}_.-]{1,100}$/u.test(target.dataset)) throw new InputProblem("expected a dataset id", "dataset");
  const { version, map } = await requireMap(deps, orgId);
  const text = applyScan(version.content, scan.report, target);
  return { text, diff: await diffOrgMaps(deps, orgId, map, checkMap(text), opts) };
}

/** "Apply to the data map": the scan's categories into a dataset, its counts into a transfer; a new version. */
export async function applyScanToOrg(
  deps: Deps,
  a: Access,
  jobId: number,
  target: { dataset: string; transfer?: string },
): Promise<MapVersion> {
  const { text } = await previewApplyScan(deps, a.org.id, jobId, target);
  const saved = await saveMap(deps, a, text);
  await appendAudit(deps.ws.db, {
    orgId: a.org.id,
    actor: a.actor,
    action: "scan.apply",
    target: `scan ${jobId} → ${target.dataset}${target.transfer ? ` / ${target.transfer}` : ""} (version ${saved.version})`,
  });
  return saved;
}
