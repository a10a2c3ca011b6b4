/**
 * The parts several documents share, each over the package's transfers only (facts.ts `scope`):
 * the processor line, the transfers, data items, storage and onward provision, people, the
 * recipients, consent evidence, the deadlines and the assessment's date.
 */
import { addMonths } from "../../calendar/date.js";
import {
  DEADLINE_NAMES,
  dateName,
  divisionName,
  MANNER_NAMES,
  nameOf,
  PATHWAY_NAMES,
  RECIPIENT_KIND_NAMES,
  regionName,
} from "../../engine/names.js";
import { type DocumentFacts, dataItems, projection, scoped } from "./facts.js";
import type { Problem } from "./model.js";
import { people, period, purposeOf, transferLabel } from "./words.js";
import type { Bi, Writer } from "./writer.js";

/** 注册地: the place the division code names, and the address where the map gives one. */
export function seat(f: DocumentFacts, w: Writer): string {
  const p = f.map.processor;
  const place = p.region ? divisionName(p.region) : "";
  const s = [place, p.address].filter(Boolean).join(w.lang === "zh" ? "" : ", ");
  return s || w.t(["（未填写）", "(not given)"]);
}

const recipientOf = (f: DocumentFacts, id: string) => {
  const t = f.map.transfers.find((x) => x.id === id)!;
  return f.map.recipients.find((x) => x.id === t.recipient);
};

/** Purpose, recipient, manner and pathway of each transfer. */
export function transfersTable(w: Writer, f: DocumentFacts, o: { gba?: boolean } = {}) {
  const rows = f.assessment.transfers
    .filter((t) => f.scope.includes(t.id))
    .map((t) => {
      const tr = f.map.transfers.find((x) => x.id === t.id)!;
      const r = recipientOf(f, t.id);
      return [
        transferLabel(f, t.id, w.lang),
        purposeOf(f, t.id, w.lang),
        `${r?.name || r?.id || ""}（${r ? regionName(r.region, w.lang) : ""}）`,
        tr.manner ? nameOf(MANNER_NAMES, tr.manner, w.lang) : "",
        ...(o.gba ? [] : [PATHWAY_NAMES[t.pathway][w.lang]]),
      ];
    });
  w.table(
    [
      [o.gba ? "跨境提供活动" : "出境活动", "Transfer"],
      ["处理目的", "Purpose"],
      [o.gba ? "接收方（所在地）" : "境外接收方（所在国家或者地区）", "Recipient (country or region)"],
      [o.gba ? "跨境提供方式" : "出境方式", "Manner"],
      ...(o.gba ? [] : [["出境路径", "Pathway"] as Bi]),
    ],
    rows,
    "assessment",
  );
}

/** The data-item table per business scenario (序号 | 数据项名称 | 内容描述 | 出境必要性 | 示例 | 备注). */
export function itemsTables(w: Writer, f: DocumentFacts) {
  const tables = dataItems(f);
  if (!tables.length) {
    w.todo([
      "按业务场景列明出境数据项：序号、数据项名称、内容描述、出境必要性、示例、备注（数据地图 scenarios，或 --scan 扫描报告）",
      "List the data items per business scenario: fill `scenarios` in the data map, or give scan reports with --scan",
    ]);
    return;
  }
  for (const t of tables) {
    w.table(
      [
        ["序号", "No."],
        ["数据项名称", "Data item"],
        ["内容描述", "Description"],
        ["出境必要性", "Necessity"],
        ["示例", "Example"],
        ["备注", "Note"],
      ],
      t.items,
      t.source,
      t.scenario ? [`业务场景：${t.scenario}`, `Business scenario: ${t.scenario}`] : undefined,
    );
    if (t.items.some((r) => !r[2] || !r[3]))
      w.todo(["补全数据项的内容描述和出境必要性", "Complete each data item's description and necessity"]);
  }
}

/** Storage in the mainland, the link, storage abroad. */
export function storage(w: Writer, f: DocumentFacts) {
  const mine = scoped(f);
  const rows = mine.filter((t) => t.storageSystems || t.storagePlace);
  if (rows.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["境内存储系统", "Systems in the mainland"],
        ["境外存储地点", "Storage abroad"],
        ["境外保存期限", "Retention abroad"],
      ],
      rows.map((t) => [
        transferLabel(f, t.id, w.lang),
        t.storageSystems ?? "",
        t.storagePlace ?? "",
        t.retentionAbroad === undefined ? "" : period(t.retentionAbroad, w.lang),
      ]),
      "data_map",
    );
  if (mine.some((t) => !t.storageSystems || !t.storagePlace))
    w.todo([
      "补全境内存储系统、数据中心（含云服务）、出境链路（双方域名、地址、方式）和境外存储地点（transfers[].storageSystems、storagePlace）",
      "Complete the storage systems in the mainland, the export link and the storage place abroad (transfers[].storageSystems, storagePlace)",
    ]);
}

/** Onward provision to other recipients. */
export function onward(w: Writer, f: DocumentFacts) {
  const rows = scoped(f).filter((t) => t.onwardRecipients?.length);
  if (rows.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["再提供的境外接收方", "Onward recipients abroad"],
      ],
      rows.map((t) => [transferLabel(f, t.id, w.lang), (t.onwardRecipients ?? []).join("、")]),
      "data_map",
    );
  else w.p(["境外接收方不向其他境外组织、个人再提供出境数据。", "The recipient passes the data to no one else abroad."], "data_map");
}

/** The people sent this year (de-duplicated) and the estimate for the next three years. */
export function peopleCount(w: Writer, f: DocumentFacts) {
  if (f.ledger) {
    const p = projection(f.ledger);
    const from = dateName(f.assessment.window.from, w.lang);
    const to = dateName(f.assessment.window.to, w.lang);
    w.p(
      [
        `本年度（${from}至${to}）已出境个人信息${people(f.ledger.thisYear.general, "zh")}，其中敏感个人信息${people(f.ledger.thisYear.sensitive, "zh")}（按自然人去重）。`,
        `This year (${from} to ${to}): PI of ${people(f.ledger.thisYear.general, "en")} sent, sensitive PI of ${people(f.ledger.thisYear.sensitive, "en")} (natural persons, de-duplicated).`,
      ],
      "ledger",
    );
    w.p(
      [
        `未来三年预计每年出境约${people(p[0]!, "zh")}（按本年度日均去重人数推算，为估计值）。`,
        `The next three years: about ${people(p[0]!, "en")} a year (at this year's daily rate; an estimate).`,
      ],
      "ledger",
    );
  } else {
    const c = f.assessment.processor.cumulative;
    w.p(
      [
        `本年度计入的出境个人信息${people(c.general, "zh")}，敏感个人信息${people(c.sensitive, "zh")}。`,
        `This year, counted transfers: PI of ${people(c.general, "en")}, sensitive PI of ${people(c.sensitive, "en")}.`,
      ],
      "data_map",
    );
    w.todo([
      "以出境台账（--ledger）核实本年度去重人数，并预计未来三年出境规模",
      "Confirm this year's de-duplicated people from the ledger (--ledger) and estimate the next three years",
    ]);
  }
}

/** 1. the recipient's basics. */
export function recipientBasics(w: Writer, f: DocumentFacts, o: { gba?: boolean } = {}) {
  const used = new Set(scoped(f).map((t) => t.recipient));
  w.table(
    [
      ["名称", "Name"],
      [o.gba ? "所在地" : "所在国家或者地区", "Country or region"],
      ["类型", "Kind"],
    ],
    f.map.recipients
      .filter((r) => used.has(r.id))
      .map((r) => [r.name || r.id, regionName(r.region, w.lang), nameOf(RECIPIENT_KIND_NAMES, r.kind, w.lang)]),
    "data_map",
  );
}

/** 2. the recipient's purpose and manner of processing. */
export function recipientUse(w: Writer, f: DocumentFacts, o: { gba?: boolean } = {}) {
  const uses = scoped(f).filter((t) => t.recipientUse);
  if (uses.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        [o.gba ? "接收方处理个人信息的用途、方式" : "境外接收方处理数据的用途、方式", "The recipient's use and manner of processing"],
      ],
      uses.map((t) => [transferLabel(f, t.id, w.lang), t.recipientUse!]),
      "data_map",
    );
  if (uses.length < scoped(f).length)
    w.todo(
      [
        `说明${o.gba ? "接收方处理个人信息" : "境外接收方处理数据"}的目的、方式（transfers[].recipientUse）`,
        "State the recipient's purpose and manner of processing (transfers[].recipientUse)",
      ],
      "recipient-use",
    );
}

/** Notice and separate consent (PIPL Art 39), per transfer of the package. */
export function consentEvidence(w: Writer, f: DocumentFacts) {
  const zh = w.lang === "zh";
  const rows = f.assessment.transfers
    .filter((t) => f.scope.includes(t.id))
    .flatMap((t) => {
      const tr = f.map.transfers.find((x) => x.id === t.id)!;
      const o = t.obligations.find((x) => x.id === "notice" || x.id === "notice_and_separate_consent");
      if (!o) return [];
      const consent = o.id === "notice_and_separate_consent";
      const state = (v?: boolean) => (v === true ? (zh ? "已完成" : "done") : zh ? "未记录" : "not recorded");
      return [
        [
          transferLabel(f, t.id, w.lang),
          consent
            ? w.t(["告知并取得单独同意", "notice and separate consent"])
            : w.t(["告知（不需单独同意）", "notice (no separate consent)"]),
          state(tr.noticeGiven),
          consent ? state(tr.consentObtained) : "—",
        ],
      ];
    });
  if (rows.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["应履行", "Owed"],
        ["告知", "Notice"],
        ["单独同意", "Separate consent"],
      ],
      rows,
      "assessment",
    );
  if (rows.some((r) => r.includes(zh ? "未记录" : "not recorded")))
    w.todo([
      "提供告知和取得单独同意的证明材料（未记录的出境活动）",
      "Give the evidence of notice and separate consent (transfers with none recorded)",
    ]);
}

/** The package's deadlines, with their status; a passed filing deadline is late and needs its explanation. */
export function deadlines(f: DocumentFacts, lang: "zh" | "en") {
  const filed = (id: string) => f.map.filings.find((x) => x.transfer === id && x.filedDate);
  const rows = f.assessment.deadlines
    .filter((d) => f.scope.includes(d.transfer))
    .map((d) => {
      const done = d.kind === "filing_due" ? filed(d.transfer) : undefined;
      const late = d.kind === "filing_due" && d.status === "passed" && (!done || done.filedDate! > d.date);
      const status = done
        ? lang === "zh"
          ? `已于${dateName(done.filedDate!, "zh")}备案`
          : `filed on ${done.filedDate}`
        : late
          ? lang === "zh"
            ? "已逾期"
            : "late"
          : d.status === "passed"
            ? lang === "zh"
              ? "已届至"
              : "passed"
            : lang === "zh"
              ? "未到期"
              : "upcoming";
      return { row: [transferLabel(f, d.transfer, lang), nameOf(DEADLINE_NAMES, d.kind, lang), dateName(d.date, lang), status], late };
    });
  return { rows: rows.map((r) => r.row), late: rows.some((r) => r.late) };
}

export function deadlineTable(w: Writer, f: DocumentFacts, o: { gba?: boolean } = {}) {
  const d = deadlines(f, w.lang);
  if (d.rows.length)
    w.table(
      [
        [o.gba ? "跨境提供活动" : "出境活动", "Transfer"],
        ["期限", "Deadline"],
        ["日期", "Date"],
        ["状态", "Status"],
      ],
      d.rows,
      "assessment",
    );
  lateExplanation(w, f);
}

/** A late filing states why and what was done (an open item until it does). */
export function lateExplanation(w: Writer, f: DocumentFacts) {
  if (deadlines(f, w.lang).late)
    w.todo(
      ["说明逾期备案的原因及已采取的补救措施", "Explain why the filing is late and what was done about it"],
      "late-filing-explanation",
    );
}

/**
 * When the assessment was done (statements.<kind>.completed-on, a date; the PIPIA also reads
 * transfers[].pipiaDate), and a problem when that is more than 3 months before the planned filing
 * date (the document's date): both guides ask for an assessment done within the 3 months before filing.
 */
export function completedOn(w: Writer, f: DocumentFacts, what: Bi, problems: Problem[], fallback?: string) {
  const said = w.said["completed-on"];
  const date = said && /^\d{4}-\d{2}-\d{2}$/.test(said.trim()) ? said.trim() : fallback;
  if (!date) {
    w.todo([`${what[0]}完成日期（YYYY-MM-DD）`, `The date the ${what[1]} was completed (YYYY-MM-DD)`], "completed-on");
    return;
  }
  w.p([`本次${what[0]}于${dateName(date, "zh")}完成。`, `This ${what[1]} was completed on ${date}.`], said ? "statement" : "data_map");
  if (addMonths(date, 3) < f.assessment.asOf)
    problems.push({
      text: w.t([
        `${what[0]}完成于${dateName(date, "zh")}，早于拟申报日期（${dateName(f.assessment.asOf, "zh")}）3个月以上：应在申报前3个月内重新开展${what[0]}`,
        `The ${what[1]} was completed on ${date}, more than 3 months before the planned filing date (${f.assessment.asOf}): redo it within the 3 months before filing`,
      ]),
    });
}
