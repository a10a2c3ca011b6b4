/**
 * What a change to the data map sets off (`xborder diff OLD NEW`): every change to a recipient,
 * dataset, transfer or the processor, with its legal consequence and citation.
 * - During a standard contract's term, a change of purpose, scope, type, sensitivity, manner,
 *   storage place, the recipient's use or manner of processing, a longer retention abroad, a change
 *   of the recipient country's PI law, or anything else affecting PI rights: a new PIPIA, a
 *   supplemented or new contract and a new filing (SCM-2023 Art 8); the GBA guidelines' Art 8 the
 *   same for a GBA contract; during a security assessment's validity, a new application
 *   (SAM-2022 Art 14 para 2) — each with the condition its article attaches (./redo.ts).
 * - No filed route yet: a new PIPIA where the data holds PI (PIPL Art 55); for important data
 *   without PI, the risk self-assessment and the declaration (CBDF-2024 Art 7; SAM-2022 Art 5).
 * - More people under a filed route without a band crossed: a change to review (whether Art 8's
 *   范围 covers the number of people is unsettled), with the route's article.
 * - A pathway that becomes heavier (a threshold crossed, important data notified, a new recipient)
 *   or lighter (an exemption now applies: what may stop, what must still be kept).
 * - Recipients, datasets and transfers added or removed.
 * Both maps are assessed on the same date; the filings that count are the new map's.
 */
import type { IsoDate } from "../calendar/date.js";
import { type Bilingual, type Citation, citationOf, type Lang, type Provision } from "../law/index.js";
import { type AssessOptions, assess } from "./assess.js";
import type { CountsSource } from "./counts-source.js";
import type { DataMap, Transfer } from "./datamap.js";
import { num, PATHWAY_NAMES, say } from "./messages.js";
import { type RedoKind, type RedoRoute, redoCondition, redoProvision } from "./redo.js";
import { type Pathway, severity, type TransferAssessment } from "./types.js";

export type ChangeKind = "added" | "removed" | "changed";
export type Subject = "processor" | "recipient" | "dataset" | "transfer";
export type ConsequenceId = "refile" | "reassess" | "review" | "pathway_heavier" | "pathway_lighter" | "new_transfer" | "transfer_stopped";

export interface Consequence {
  id: ConsequenceId;
  /** The transfer it concerns. */
  transfer: string;
  description: string;
  /** The legal condition a redo carries, where its article attaches one (also said in the description). */
  condition?: string;
  basis: Citation[];
}

export interface Change {
  kind: ChangeKind;
  subject: Subject;
  id: string;
  /** The field that changed (for `changed`), as a path in the map. */
  field?: string;
  before?: unknown;
  after?: unknown;
  /** Transfers this change reaches (a dataset or recipient reaches every transfer that uses it). */
  transfers: string[];
}

export interface MapDiff {
  asOf: IsoDate;
  /** Which people counts both maps were judged with (人数来源). */
  countsSource: CountsSource;
  /** Each transfer's pathway before and after (absent where the transfer is not in that map). */
  pathways: { transfer: string; before?: Pathway; after?: Pathway }[];
  changes: Change[];
  consequences: Consequence[];
  /** Some filed transfer must be re-filed (new PIPIA, contract and filing, or a new application; perhaps on a condition). */
  refile: boolean;
  /** Some transfer's pathway is heavier than before. */
  heavier: boolean;
}

/** Transfer and dataset fields whose change during a contract's term or an assessment's validity sets off a redo. */
const trigger = (zh: string, en: string, kind: RedoKind) => ({ name: say(zh, en), kind });
const TRIGGERS: Record<string, { name: Bilingual; kind: RedoKind }> = {
  "transfer.purpose": trigger("出境目的", "the purpose", "purpose"),
  "transfer.dataset": trigger("出境个人信息的范围、种类", "the scope and types of PI sent", "types"),
  "transfer.recipient": trigger("境外接收方", "the recipient", "recipient"),
  "transfer.manner": trigger("出境方式", "the manner of transfer", "manner"),
  "transfer.storagePlace": trigger("保存地点", "the storage place", "storage_place"),
  "transfer.recipientUse": trigger("境外接收方处理个人信息的用途、方式", "the recipient's use or manner of processing", "recipient_use"),
  "transfer.retentionAbroad": trigger("延长境外保存期限", "a longer retention abroad", "retention"),
  "dataset.sensitive": trigger("个人信息的敏感程度、种类", "the sensitivity and types of PI", "sensitivity"),
  "dataset.personalInformation": trigger("个人信息的种类", "the types of PI", "types"),
  "dataset.subjects": trigger("个人信息主体的范围", "whose PI is sent", "scope"),
  "dataset.importantData": trigger("数据被告知或者公开发布为重要数据", "the data's being notified as important data", "important_data"),
  "recipient.region": trigger(
    "境外接收方所在国家或者地区（其个人信息保护政策和法规）",
    "the recipient's country or region (and its PI law)",
    "recipient_law",
  ),
};

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function fieldChanges<T extends { id: string }>(
  subject: Subject,
  before: readonly T[],
  after: readonly T[],
  fields: readonly (keyof T & string)[],
  transfersOf: (id: string, old: boolean) => string[],
): Change[] {
  const out: Change[] = [];
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  for (const [id, x] of now) {
    const o = old.get(id);
    if (!o) {
      out.push({ kind: "added", subject, id, transfers: transfersOf(id, false) });
      continue;
    }
    for (const f of fields) {
      if (!same(o[f], x[f]))
        out.push({ kind: "changed", subject, id, field: f, before: o[f] ?? null, after: x[f] ?? null, transfers: transfersOf(id, false) });
    }
  }
  for (const id of old.keys()) if (!now.has(id)) out.push({ kind: "removed", subject, id, transfers: transfersOf(id, true) });
  return out;
}

/** The route a transfer is filed under in the map, and the provision that says what a change sets off. */
function filedRoute(map: DataMap, t: Transfer, asOf: IsoDate): { route: RedoRoute; redo: Provision } | undefined {
  const region = map.recipients.find((x) => x.id === t.recipient)?.region;
  for (const f of map.filings.filter((x) => x.transfer === t.id)) {
    const inForce =
      f.type === "security_assessment"
        ? f.resultDate !== undefined && f.outcome !== "refused" && f.resultDate <= asOf
        : (f.effectiveDate ?? "") <= asOf;
    if (inForce) return { route: f.type, redo: redoProvision(f.type, region) };
  }
  return undefined;
}

const ROUTE_TERM: Record<RedoRoute, Bilingual> = {
  standard_contract: say("标准合同有效期内", "During the standard contract's term"),
  gba_standard_contract: say("大湾区标准合同有效期内", "During the GBA contract's term"),
  security_assessment: say("评估结果有效期内", "During the assessment's validity"),
};

/** What a filed route's redo is: a re-declaration, or a new PIPIA, contract and filing. */
function redoText(route: RedoRoute, what: Bilingual, condition: Bilingual | undefined): Bilingual {
  const changed = say(`${what.zh}发生变化`, `${what.en} changed`);
  if (route === "security_assessment") {
    return say(
      `${ROUTE_TERM[route].zh}${changed.zh}：${condition ? `${condition.zh}，` : ""}应当重新申报数据出境安全评估`,
      `${ROUTE_TERM[route].en} ${changed.en}: re-declare the security assessment${condition ? ` ${condition.en}` : ""}`,
    );
  }
  return say(
    `${ROUTE_TERM[route].zh}${changed.zh}：${condition ? `${condition.zh}，` : ""}应当重新开展个人信息保护影响评估，补充或者重新订立合同，并重新备案`,
    `${ROUTE_TERM[route].en} ${changed.en}: a new PIPIA, a supplemented or new contract, and a new filing${condition ? `, ${condition.en}` : ""}`,
  );
}

export interface DiffOptions {
  asOf: IsoDate;
  lang?: Lang;
  /** The ledger's counts for each map on `asOf` (as `assess` takes them): both maps are judged with them. */
  ledger?: { before: NonNullable<AssessOptions["ledger"]>; after: NonNullable<AssessOptions["ledger"]> };
}

export function diffMaps(before: DataMap, after: DataMap, opts: DiffOptions): MapDiff {
  const lang = opts.lang ?? "en";
  const asOf = opts.asOf;
  const usesDataset = (map: DataMap) => (id: string) => map.transfers.filter((t) => t.dataset === id).map((t) => t.id);
  const usesRecipient = (map: DataMap) => (id: string) => map.transfers.filter((t) => t.recipient === id).map((t) => t.id);
  const changes: Change[] = [
    ...fieldChanges("recipient", before.recipients, after.recipients, ["region", "kind", "name"], (id, old) =>
      usesRecipient(old ? before : after)(id),
    ),
    ...fieldChanges(
      "dataset",
      before.datasets,
      after.datasets,
      [
        "personalInformation",
        "sensitive",
        "importantData",
        "coreData",
        "subjects",
        "collectedAbroad",
        "domesticDataIntroduced",
        "inNegativeList",
      ],
      (id, old) => usesDataset(old ? before : after)(id),
    ),
    ...fieldChanges(
      "transfer",
      before.transfers,
      after.transfers,
      [
        "dataset",
        "recipient",
        "purpose",
        "manner",
        "storagePlace",
        "recipientUse",
        "retentionAbroad",
        "necessary",
        "lawfulBasis",
        "persons",
      ],
      (id) => [id],
    ),
  ];
  for (const f of ["region", "ciio", "ftz", "personsProcessed"] as const) {
    if (!same(before.processor[f], after.processor[f])) {
      changes.push({
        kind: "changed",
        subject: "processor",
        id: "processor",
        field: f,
        before: before.processor[f] ?? null,
        after: after.processor[f] ?? null,
        transfers: after.transfers.map((t) => t.id),
      });
    }
  }

  const a0 = assess(before, { asOf, lang, ledger: opts.ledger?.before });
  const a1 = assess(after, { asOf, lang, ledger: opts.ledger?.after });
  const old = new Map(a0.transfers.map((t) => [t.id, t]));
  const consequences: Consequence[] = [];
  const text = (b: Bilingual) => b[lang];
  const cite = (...ps: Provision[]) => ps.map(citationOf);

  for (const t1 of a1.transfers) {
    const t0 = old.get(t1.id);
    const transfer = after.transfers.find((x) => x.id === t1.id) as Transfer;
    if (!t0) {
      consequences.push({
        id: "new_transfer",
        transfer: t1.id,
        description: text(
          say(`新增出境活动：开始前须${PATHWAY_NAMES[t1.pathway].zh}`, `A new transfer: before it starts, ${PATHWAY_NAMES[t1.pathway].en}`),
        ),
        basis: t1.basis,
      });
      continue;
    }
    // Field changes that reach this transfer and are redo triggers.
    const triggers = changes.filter((c) => c.kind === "changed" && c.transfers.includes(t1.id) && isTrigger(c));
    const filed = filedRoute(after, transfer, asOf);
    if (triggers.length) {
      const found = triggers.map((c) => TRIGGERS[`${c.subject}.${c.field}`]!);
      const what = say(found.map((w) => w.name.zh).join("、"), found.map((w) => w.name.en).join(", "));
      if (filed) {
        const condition = redoCondition(
          filed.route,
          found.map((w) => w.kind),
          filed.redo,
        );
        const redo = redoText(filed.route, what, condition);
        consequences.push({
          id: "refile",
          transfer: t1.id,
          description: text(redo),
          ...(condition ? { condition: text(condition) } : {}),
          basis: cite(filed.redo),
        });
      } else if (t1.pathway !== "prohibited") {
        const again = reassessment(t1, after.datasets.find((x) => x.id === transfer.dataset)?.personalInformation === true);
        if (again) {
          consequences.push({
            id: "reassess",
            transfer: t1.id,
            description: text(say(`${what.zh}发生变化：${again.text.zh}`, `${what.en} changed: ${again.text.en}`)),
            basis: again.basis,
          });
        }
      }
    }
    // More people under a filed route, no band crossed: whether Art 8's 范围 covers it is unsettled.
    const grown = grownPersons(
      before.transfers.find((x) => x.id === t1.id),
      transfer,
    );
    if (filed && grown && severity(t1.pathway) === severity(t0.pathway) && !triggers.length) {
      consequences.push({
        id: "review",
        transfer: t1.id,
        description: text(
          say(
            `${ROUTE_TERM[filed.route].zh}出境人数增加（${grown.zh}），未跨越数量门槛：“范围”是否包括人数尚无定论，请评估是否需要${filed.route === "security_assessment" ? "重新申报" : "重新开展个人信息保护影响评估、补充或者重新订立合同并重新备案"}`,
            `${ROUTE_TERM[filed.route].en} more people are sent (${grown.en}), no band crossed: whether the article's "scope" (范围) covers the number of people is unsettled — review whether ${filed.route === "security_assessment" ? "a re-declaration" : "a new PIPIA, a supplemented or new contract and a new filing"} is needed`,
          ),
        ),
        basis: cite(filed.redo),
      });
    }
    const d = severity(t1.pathway) - severity(t0.pathway);
    if (d > 0) {
      consequences.push({
        id: "pathway_heavier",
        transfer: t1.id,
        description: text(
          say(
            `路径由“${PATHWAY_NAMES[t0.pathway].zh}”加重为“${PATHWAY_NAMES[t1.pathway].zh}”：完成前不得按原方式继续出境`,
            `The pathway is heavier: from ${PATHWAY_NAMES[t0.pathway].en} to ${PATHWAY_NAMES[t1.pathway].en} — the transfer may not go on as before until it is done`,
          ),
        ),
        basis: t1.basis,
      });
    } else if (d < 0) {
      consequences.push({
        id: "pathway_lighter",
        transfer: t1.id,
        description: text(lighter(t0, t1)),
        basis: [...t1.basis, ...(t1.obligations.find((o) => o.id === "pipia_records_kept_3_years")?.basis ?? [])],
      });
    }
  }
  for (const t0 of a0.transfers) {
    if (a1.transfers.some((t) => t.id === t0.id)) continue;
    consequences.push({
      id: "transfer_stopped",
      transfer: t0.id,
      description: text(
        say(
          "出境活动已移除：个人信息保护影响评估报告和处理情况记录仍应保存三年",
          "The transfer is gone: keep its PIPIA report and processing records for three years all the same",
        ),
      ),
      basis: t0.obligations.find((o) => o.id === "pipia_records_kept_3_years")?.basis ?? [],
    });
  }
  const pathways: MapDiff["pathways"] = a1.transfers.map((t1) => ({ transfer: t1.id, before: old.get(t1.id)?.pathway, after: t1.pathway }));
  for (const t0 of a0.transfers) if (!a1.transfers.some((t1) => t1.id === t0.id)) pathways.push({ transfer: t0.id, before: t0.pathway });
  return {
    asOf,
    countsSource: opts.ledger ? "ledger" : "data_map",
    pathways,
    changes,
    consequences,
    refile: consequences.some((c) => c.id === "refile"),
    heavier: consequences.some((c) => c.id === "pathway_heavier"),
  };
}

/** The redo before a changed transfer with no filed route: a new PIPIA for PI; for important data without PI, the self-assessment and the declaration. */
function reassessment(t: TransferAssessment, pi: boolean): { text: Bilingual; basis: Citation[] } | undefined {
  const ob = (id: string) => t.obligations.find((o) => o.id === id)?.basis ?? [];
  if (pi) {
    return {
      text: say(
        "出境前重新开展个人信息保护影响评估（尚无已备案的出境方式）",
        "a new PIPIA before the changed transfer (no filed route yet)",
      ),
      basis: ob("pipia"),
    };
  }
  const basis = [...ob("security_assessment_application").slice(0, 1), ...ob("self_assessment")];
  if (basis.length === 0) return undefined;
  return {
    text: say(
      "出境前重新开展数据出境风险自评估并申报数据出境安全评估（数据不含个人信息，不适用个人信息保护影响评估；尚无已备案的出境方式）",
      "a new data-export risk self-assessment and the security assessment declared before the changed transfer (the data holds no PI, so no PIPIA; no filed route yet)",
    ),
    basis,
  };
}

/** More people sent under a transfer (ordinary or sensitive), as "150,000 → 300,000". */
function grownPersons(before: Transfer | undefined, after: Transfer): Bilingual | undefined {
  if (!before) return undefined;
  const parts: Bilingual[] = [];
  const [g0, g1] = [before.persons.general, after.persons.general];
  const [s0, s1] = [before.persons.sensitive, after.persons.sensitive];
  if (g1 > g0) parts.push(say(`个人信息${num(g0)}→${num(g1)}人`, `PI of ${num(g0)} → ${num(g1)} people`));
  if (s1 > s0) parts.push(say(`敏感个人信息${num(s0)}→${num(s1)}人`, `sensitive PI of ${num(s0)} → ${num(s1)} people`));
  if (parts.length === 0) return undefined;
  return say(parts.map((p) => p.zh).join("，"), parts.map((p) => p.en).join("; "));
}

/** A change that sets off a redo: a trigger field, and for retention only a longer one. */
function isTrigger(c: Change): boolean {
  const key = `${c.subject}.${c.field}`;
  if (!TRIGGERS[key]) return false;
  if (key === "transfer.retentionAbroad") return typeof c.after === "number" && (typeof c.before !== "number" || c.after > c.before);
  if (key === "dataset.sensitive")
    return ((c.after as string[] | null) ?? []).some((s) => !((c.before as string[] | null) ?? []).includes(s));
  return true;
}

function lighter(t0: TransferAssessment, t1: TransferAssessment): Bilingual {
  const was: Pathway = t0.pathway;
  return say(
    `路径由“${PATHWAY_NAMES[was].zh}”减轻为“${PATHWAY_NAMES[t1.pathway].zh}”：原方式的后续申报、备案可以停止；告知、个人信息保护影响评估及其记录（保存三年）仍须履行`,
    `The pathway is lighter: from ${PATHWAY_NAMES[was].en} to ${PATHWAY_NAMES[t1.pathway].en} — what the old route required from now on may stop; the notice, the PIPIA and its records (kept three years) still apply`,
  );
}
