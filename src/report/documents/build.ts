/**
 * The two assessment reports a filing needs, in the structure of the CAC's templates (2nd edition,
 * 2024-03-22 guides — 数据出境安全评估申报指南（第二版） and 个人信息出境标准合同备案指南（第二版）: the
 * self-assessment report of Annex 4, the PIPIA report of Annex 5; README, `xborder report`). Headings keep the templates' wording; what the facts give is
 * filled and says where it came from; the rest is a placeholder on the checklist.
 */
import { PATHWAY_NAMES, PURPOSE_NAMES } from "../../engine/messages.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { type Block, type FilingDocument, filingDocument, placeholderKey, type Source } from "./model.js";
import { type DocumentFacts, dataItems, projection } from "./facts.js";

type Bi = [zh: string, en: string];

const CLAUSES: Record<string, Bi> = {
  purpose_scope: [
    "数据出境的目的、方式和数据范围，境外接收方处理数据的用途、方式等",
    "the purpose, manner and scope of the export and the recipient's use and manner of processing",
  ],
  storage_abroad: [
    "数据在境外保存地点、期限，以及达到保存期限、完成约定目的或者法律文件终止后出境数据的处理措施",
    "the storage place and period abroad, and what happens to the data at the end",
  ],
  onward_transfer: ["对于境外接收方将出境数据再转移给其他组织、个人的约束性要求", "binding limits on onward transfer"],
  change_of_control: [
    "境外接收方在实际控制权或者经营范围发生实质性变化，或者所在国家、地区数据安全保护政策法规和网络安全环境发生变化以及发生其他不可抗力情形导致难以保障数据安全时，应当采取的安全措施",
    "measures on a change of control, of business, or of the legal environment",
  ],
  remedies: ["违反法律文件约定的数据安全保护义务的补救措施、违约责任和争议解决方式", "remedies, liability and dispute resolution"],
  incidents: [
    "出境数据遭到篡改、破坏、泄露、丢失、转移或者被非法获取、非法利用等风险时，妥善开展应急处置的要求和保障个人维护其个人信息权益的途径和方式",
    "incident response, and the individuals' channels to defend their rights",
  ],
};

class Writer {
  readonly blocks: Block[] = [];
  private n = 0;
  constructor(readonly lang: Lang) {}
  private t = (b: Bi) => (this.lang === "zh" ? b[0] : b[1]);
  h(level: 1 | 2 | 3, b: Bi) {
    this.blocks.push({ kind: "heading", level, text: this.t(b) });
  }
  p(b: Bi, source?: Source) {
    this.blocks.push({ kind: "paragraph", text: this.t(b), ...(source ? { source } : {}) });
  }
  todo(b: Bi) {
    this.blocks.push({ kind: "placeholder", id: `P${++this.n}`, text: this.t(b), key: placeholderKey(b[1]) });
  }
  table(columns: Bi[], rows: string[][], source: Source, caption?: Bi) {
    this.blocks.push({
      kind: "table",
      columns: columns.map((c) => this.t(c)),
      rows,
      source,
      ...(caption ? { caption: this.t(caption) } : {}),
    });
  }
}

const num = (n: number) => n.toLocaleString("en-US");

/** 2. purpose, scope and manner of each transfer, from the map. */
function transfersTable(w: Writer, f: DocumentFacts) {
  const rows = f.assessment.transfers.map((t) => {
    const tr = f.map.transfers.find((x) => x.id === t.id)!;
    const r = f.map.recipients.find((x) => x.id === tr.recipient);
    return [
      t.id,
      PURPOSE_NAMES[tr.purpose]?.[w.lang] ?? tr.purpose,
      `${r?.name || r?.id || ""}（${r?.region ?? ""}）`,
      tr.manner ?? "",
      PATHWAY_NAMES[t.pathway][w.lang],
    ];
  });
  w.table(
    [
      ["出境活动", "Transfer"],
      ["出境目的", "Purpose"],
      ["境外接收方", "Recipient"],
      ["出境方式", "Manner"],
      ["出境路径", "Pathway"],
    ],
    rows,
    "assessment",
  );
}

function itemsTables(w: Writer, f: DocumentFacts) {
  const tables = dataItems(f);
  if (!tables.length) {
    w.todo([
      "按业务场景列明出境数据项（序号、数据项名称、内容描述、出境必要性、示例、备注）：在数据地图 scenarios 中填写，或以 --scan 提供扫描报告",
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

function storageAndOnward(w: Writer, f: DocumentFacts) {
  const storage = f.map.transfers.filter((t) => t.storageSystems || t.storagePlace);
  if (storage.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["境内存储系统", "Systems in the mainland"],
        ["境外存储地点", "Storage abroad"],
        ["境外保存期限（天）", "Retention abroad (days)"],
      ],
      storage.map((t) => [
        t.id,
        t.storageSystems ?? "",
        t.storagePlace ?? "",
        t.retentionAbroad === undefined ? "" : String(t.retentionAbroad),
      ]),
      "data_map",
    );
  if (f.map.transfers.some((t) => !t.storageSystems || !t.storagePlace))
    w.todo([
      "补全境内存储系统、数据中心（含云服务）、出境链路（双方域名、地址、方式）和境外存储地点（transfers[].storageSystems、storagePlace）",
      "Complete the storage systems in the mainland, the export link and the storage place abroad (transfers[].storageSystems, storagePlace)",
    ]);
  const onward = f.map.transfers.filter((t) => t.onwardRecipients?.length);
  if (onward.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["再提供的境外接收方", "Onward recipients abroad"],
      ],
      onward.map((t) => [t.id, (t.onwardRecipients ?? []).join("、")]),
      "data_map",
    );
  else
    w.p(
      [
        "数据地图未列明向境外其他接收方再提供（transfers[].onwardRecipients）；如有，应当说明。",
        "The data map names no onward recipients abroad (transfers[].onwardRecipients); say so if there are.",
      ],
      "data_map",
    );
}

function people(w: Writer, f: DocumentFacts) {
  if (f.ledger) {
    const p = projection(f.ledger);
    w.p(
      [
        `本年度（${f.assessment.window.from}至${f.assessment.window.to}）已出境个人信息${num(f.ledger.thisYear.general)}人，其中敏感个人信息${num(f.ledger.thisYear.sensitive)}人（按自然人去重）。`,
        `This year (${f.assessment.window.from} to ${f.assessment.window.to}): PI of ${num(f.ledger.thisYear.general)} people sent, sensitive PI of ${num(f.ledger.thisYear.sensitive)} (natural persons, de-duplicated).`,
      ],
      "ledger",
    );
    w.p(
      [
        `未来三年预计每年出境约${num(p[0]!)}人（按本年度日均去重人数推算，为估计值）。`,
        `The next three years: about ${num(p[0]!)} people a year (at this year's daily rate; an estimate).`,
      ],
      "ledger",
    );
  } else {
    const c = f.assessment.processor.cumulative;
    w.p(
      [
        `本年度计入的出境个人信息${num(c.general)}人，敏感个人信息${num(c.sensitive)}人（数据地图申报数）。`,
        `This year, counted transfers: PI of ${num(c.general)} people, sensitive PI of ${num(c.sensitive)} (as the data map declares).`,
      ],
      "data_map",
    );
    w.todo([
      "以出境台账（--ledger）核实本年度去重人数，并预计未来三年出境规模",
      "Confirm this year's de-duplicated people from the ledger (--ledger) and estimate the next three years",
    ]);
  }
}

function recipients(w: Writer, f: DocumentFacts) {
  const used = new Set(f.map.transfers.map((t) => t.recipient));
  w.table(
    [
      ["接收方", "Recipient"],
      ["名称", "Name"],
      ["国家或者地区", "Country or region"],
      ["类型", "Kind"],
    ],
    f.map.recipients.filter((r) => used.has(r.id)).map((r) => [r.id, r.name, r.region, r.kind]),
    "data_map",
  );
  const uses = f.map.transfers.filter((t) => t.recipientUse);
  if (uses.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["境外接收方处理数据的用途、方式", "The recipient's use and manner of processing"],
      ],
      uses.map((t) => [t.id, t.recipientUse!]),
      "data_map",
    );
  else
    w.todo([
      "说明境外接收方处理数据的目的、方式（transfers[].recipientUse）",
      "State the recipient's purpose and manner of processing (transfers[].recipientUse)",
    ]);
  w.todo([
    "说明境外接收方的数据安全保护管理和技术措施、能力",
    "Describe the recipient's data-security management, technical measures and capability",
  ]);
}

function consentEvidence(w: Writer, f: DocumentFacts) {
  const rows = f.assessment.transfers.flatMap((t) => {
    const tr = f.map.transfers.find((x) => x.id === t.id)!;
    const o = t.obligations.find((x) => x.id === "notice" || x.id === "notice_and_separate_consent");
    if (!o) return [];
    const consent = o.id === "notice_and_separate_consent";
    const state = (v?: boolean) => (v === true ? (w.lang === "zh" ? "已完成" : "done") : w.lang === "zh" ? "未记录" : "not recorded");
    return [
      [
        t.id,
        consent
          ? w.lang === "zh"
            ? "告知并取得单独同意"
            : "notice and separate consent"
          : w.lang === "zh"
            ? "告知（不需单独同意）"
            : "notice (no separate consent)",
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
  if (rows.some((r) => r.includes(w.lang === "zh" ? "未记录" : "not recorded")))
    w.todo([
      "提供告知和取得单独同意的证明材料（未记录的出境活动）",
      "Give the evidence of notice and separate consent (transfers with none recorded)",
    ]);
}

function evidence(w: Writer, f: DocumentFacts) {
  const audits = f.map.audits.filter((a) => a.date);
  const tests = f.map.services.filter((s) => s.kind === "information_system" && s.lastTestDate);
  if (audits.length || tests.length)
    w.table(
      [
        ["事项", "What"],
        ["日期", "Date"],
        ["机构", "By"],
      ],
      [
        ...audits.map((a) => [w.lang === "zh" ? "个人信息保护合规审计" : "PI protection compliance audit", a.date!, a.firm ?? ""]),
        ...tests.map((s) => [
          w.lang === "zh" ? `等级保护测评（${s.id}，第${s.level}级）` : `graded-protection test (${s.id}, level ${s.level})`,
          s.lastTestDate!,
          "",
        ]),
      ],
      "data_map",
    );
  w.todo(["说明数据安全风险评估、认证、检测等其他证明材料", "Describe other evidence: risk assessments, certification, tests"]);
}

function clauses(w: Writer, f: DocumentFacts) {
  const rows = f.map.transfers.map((t) => {
    const have = new Set(t.contractClauses ?? []);
    return [t.id, ...Object.keys(CLAUSES).map((k) => (have.has(k as never) ? "✓" : "—"))];
  });
  w.table(
    [["出境活动", "Transfer"], ...Object.keys(CLAUSES).map((k, i): Bi => [`（${"一二三四五六"[i]}）`, `(${i + 1})`])],
    rows,
    "data_map",
    ["法律文件已约定的事项（transfers[].contractClauses）", "Points the legal documents settle (transfers[].contractClauses)"],
  );
  Object.entries(CLAUSES).forEach(([, b], i) => w.p([`（${"一二三四五六"[i]}）${b[0]}`, `(${i + 1}) ${b[1]}`]));
  if (rows.some((r) => r.includes("—")))
    w.todo(["补充法律文件未约定的事项，或说明理由", "Settle the points the legal documents leave open, or explain why"]);
}

function pathways(w: Writer, f: DocumentFacts, cw: CitationWriter) {
  w.table(
    [
      ["出境活动", "Transfer"],
      ["出境路径", "Pathway"],
      ["依据", "Basis"],
    ],
    f.assessment.transfers.map((t) => [t.id, PATHWAY_NAMES[t.pathway][w.lang], cw.list(t.basis)]),
    "assessment",
  );
}

export interface BuildOptions {
  lang: Lang;
  /** pipia: the standard contract or certification (Annex 5, the default) or the GBA contract (its guideline's Art 5). */
  route?: "sc" | "gba";
}

export function buildSelfAssessment(f: DocumentFacts, o: BuildOptions): FilingDocument {
  const w = new Writer(o.lang);
  const cw = new CitationWriter(o.lang);
  const p = f.map.processor;
  w.h(1, ["一、自评估工作情况", "1. The self-assessment"]);
  w.todo([
    "说明自评估工作的开始和完成时间、组织情况、实施过程和方法；有第三方机构参与的，说明其基本情况和参与情况",
    "When the self-assessment started and ended, who did it and how; any third party that took part",
  ]);
  w.h(1, ["二、出境活动整体情况", "2. The export as a whole"]);
  w.h(2, ["（一）数据处理者基本情况", "(1) The processor"]);
  w.p(
    [
      `数据处理者：${p.name}；注册地：${p.region ?? "（未填写）"}；${p.ciio ? "关键信息基础设施运营者" : "非关键信息基础设施运营者"}。`,
      `Processor: ${p.name}; registered in ${p.region ?? "(not given)"}; ${p.ciio ? "a CIIO" : "not a CIIO"}.`,
    ],
    "data_map",
  );
  if (p.dataSecurityContact)
    w.p(
      [
        `数据安全负责人：${p.dataSecurityContact.name}${p.dataSecurityContact.title ? `（${p.dataSecurityContact.title}）` : ""}。`,
        `Data-security officer: ${p.dataSecurityContact.name}${p.dataSecurityContact.title ? ` (${p.dataSecurityContact.title})` : ""}.`,
      ],
      "data_map",
    );
  w.todo([
    "说明股权结构和实际控制人、境内外投资、组织架构和数据安全管理机构、业务和数据资产情况",
    "Shareholding and controller, investments, organisation chart and data-security body, business and data assets",
  ]);
  w.h(2, ["（二）拟出境数据情况", "(2) The data to be exported"]);
  w.todo(["说明出境涉及的业务和数据资产情况", "The business and data assets the export involves"]);
  transfersTable(w, f);
  w.todo([
    "说明数据出境及境外接收方处理数据的目的、范围、方式的合法性、正当性、必要性",
    "The lawfulness, legitimacy and necessity of the purpose, scope and manner",
  ]);
  itemsTables(w, f);
  storageAndOnward(w, f);
  people(w, f);
  w.h(2, ["（三）数据处理者数据安全保障能力情况", "(3) The processor's data-security capability"]);
  consentEvidence(w, f);
  w.todo([
    "说明数据安全管理制度、数据分类分级、应急处置、风险评估、个人信息权益保护等管理措施和全生命周期技术措施",
    "Management measures and technical measures over the data's life cycle",
  ]);
  evidence(w, f);
  w.todo([
    "说明遵守数据和网络安全法律法规情况，受到处罚的整改情况",
    "Compliance with data and network-security law; rectification of any penalty",
  ]);
  w.h(2, ["（四）境外接收方情况", "(4) The recipient"]);
  recipients(w, f);
  w.h(2, ["（五）法律文件约定数据安全保护责任义务的情况", "(5) What the legal documents with the recipient provide"]);
  clauses(w, f);
  w.h(2, ["（六）数据处理者认为需要说明的其他情况", "(6) Anything else the processor wishes to state"]);
  w.todo(["其他需要说明的情况；没有的，写明“无”", "Anything else; if nothing, write “none”"]);
  w.h(1, ["三、出境活动的风险自评估情况及结论", "3. The risk self-assessment and its conclusion"]);
  pathways(w, f, cw);
  w.p([
    `对照${cw.cite({ instrument: "SAM-2022", article: 5 })}逐项评估：`,
    `Item by item against ${cw.cite({ instrument: "SAM-2022", article: 5 })}:`,
  ]);
  w.todo(["逐项说明评估情况、发现的问题及整改情况", "Each item: what was assessed, the problems found and how they were fixed"]);
  w.todo(["得出客观的评估结论，充分说明理由和依据", "An objective conclusion with its reasons and evidence"]);
  return doc(
    "self-assessment",
    w,
    f,
    o,
    ["数据出境风险自评估报告", "Data-export risk self-assessment report"],
    "数据出境安全评估申报指南（第二版）附件4",
  );
}

/**
 * The PIPIA for the GBA contracts (Mainland–Macao guideline Art 5, seed 000; Hong Kong the same,
 * secondary): the guideline asks for three points only, so the report follows them.
 */
function buildGbaPipia(f: DocumentFacts, o: BuildOptions): FilingDocument {
  const w = new Writer(o.lang);
  const cw = new CitationWriter(o.lang);
  const p = f.map.processor;
  w.h(1, ["一、跨境提供个人信息的情况", "1. The transfer"]);
  w.p(
    [
      `个人信息处理者：${p.name}；注册地：${p.region ?? "（未填写）"}。`,
      `Processor: ${p.name}; registered in ${p.region ?? "(not given)"}.`,
    ],
    "data_map",
  );
  transfersTable(w, f);
  itemsTables(w, f);
  people(w, f);
  recipients(w, f);
  w.h(1, ["二、影响评估情况", "2. The impact assessment"]);
  w.p([
    `按照${cw.cite({ instrument: "GBA-MO-2024", article: 5 })}重点评估以下内容：`,
    `On the points of ${cw.cite({ instrument: "GBA-MO-2024", article: 5 })}:`,
  ]);
  w.h(2, [
    "（一）个人信息处理者和接收方处理个人信息的目的、方式等的合法性、正当性、必要性",
    "(1) The lawfulness, legitimacy and necessity of both parties' purpose and manner",
  ]);
  w.todo([
    "评估双方处理个人信息的目的、方式等的合法性、正当性、必要性",
    "Assess the lawfulness, legitimacy and necessity of both parties' purpose and manner",
  ]);
  w.h(2, ["（二）对个人信息主体权益的影响及安全风险", "(2) The impact on individuals' rights and the risks"]);
  consentEvidence(w, f);
  w.todo(["评估对个人信息主体权益的影响及安全风险", "Assess the impact on individuals' rights and the security risks"]);
  w.h(2, [
    "（三）接收方承诺承担的义务，以及履行义务的管理和技术措施、能力等能否保障跨境提供的个人信息安全",
    "(3) Whether the recipient's undertakings, measures and capability keep the PI safe",
  ]);
  w.todo([
    "评估接收方的义务承诺及其管理和技术措施、能力",
    "Assess the recipient's undertakings and its management and technical measures and capability",
  ]);
  w.h(1, ["三、评估结论", "3. The conclusion"]);
  w.todo(["得出客观的评估结论，充分说明理由和依据", "An objective conclusion with its reasons and evidence"]);
  return doc(
    "pipia",
    w,
    f,
    o,
    ["个人信息保护影响评估报告（大湾区标准合同）", "PI protection impact assessment report (GBA standard contract)"],
    "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引第五条",
  );
}

export function buildPipia(f: DocumentFacts, o: BuildOptions): FilingDocument {
  // The GBA contracts' PIPIA follows the guideline's three points, not Annex 5.
  if (o.route === "gba") return buildGbaPipia(f, o);
  const w = new Writer(o.lang);
  const cw = new CitationWriter(o.lang);
  const p = f.map.processor;
  w.h(1, ["一、出境活动整体情况", "1. The export as a whole"]);
  w.h(2, ["（一）个人信息处理者基本情况", "(1) The processor"]);
  w.p(
    [
      `个人信息处理者：${p.name}；注册地：${p.region ?? "（未填写）"}。`,
      `Processor: ${p.name}; registered in ${p.region ?? "(not given)"}.`,
    ],
    "data_map",
  );
  w.todo([
    "说明股权结构和实际控制人、境内外投资、组织架构和个人信息保护机构",
    "Shareholding and controller, investments, organisation chart and the PI protection body",
  ]);
  w.todo(["说明业务和个人信息处理情况", "The business and its processing of PI"]);
  w.h(3, ["拟出境个人信息情况", "The PI to be exported"]);
  w.todo([
    "（1）说明涉及的业务、个人信息的收集和使用、信息系统情况",
    "(1) The business, the collection and use of PI, the information systems",
  ]);
  transfersTable(w, f);
  w.todo([
    "（2）说明双方处理个人信息的目的、范围、方式的合法性、正当性、必要性",
    "(2) The lawfulness, legitimacy and necessity of both sides' purpose, scope and manner",
  ]);
  const sens = [...new Set(f.map.datasets.filter((d) => f.map.transfers.some((t) => t.dataset === d.id)).flatMap((d) => d.sensitive))];
  w.p(
    [
      `（3）出境个人信息的敏感个人信息种类：${sens.join("、") || "无"}。`,
      `(3) Sensitive PI categories sent: ${sens.join(", ") || "none"}.`,
    ],
    "data_map",
  );
  itemsTables(w, f);
  people(w, f);
  storageAndOnward(w, f);
  w.todo(["遵守个人信息保护法律法规的情况", "Compliance with PI-protection law"]);
  consentEvidence(w, f);
  w.h(2, ["（二）境外接收方情况", "(2) The recipient"]);
  recipients(w, f);
  w.h(2, ["（三）个人信息处理者认为需要说明的其他情况", "(3) Anything else the processor wishes to state"]);
  w.todo(["其他需要说明的情况；没有的，写明“无”", "Anything else; if nothing, write “none”"]);
  w.h(1, ["二、拟出境活动的影响评估情况及结论", "2. The impact assessment and its conclusion"]);
  pathways(w, f, cw);
  w.p([
    `对照${cw.cite({ instrument: "SCM-2023", article: 5 })}逐项评估：`,
    `Item by item against ${cw.cite({ instrument: "SCM-2023", article: 5 })}:`,
  ]);
  w.todo(["逐项说明评估情况、发现的问题及整改情况", "Each item: what was assessed, the problems found and how they were fixed"]);
  w.todo(["得出客观的评估结论，充分说明理由和依据", "An objective conclusion with its reasons and evidence"]);
  return doc(
    "pipia",
    w,
    f,
    o,
    ["个人信息保护影响评估报告", "PI protection impact assessment report"],
    "个人信息出境标准合同备案指南（第二版）附件5",
  );
}

function doc(kind: FilingDocument["kind"], w: Writer, f: DocumentFacts, o: BuildOptions, title: Bi, edition: string): FilingDocument {
  return filingDocument(kind, title, edition, o.lang, { processor: f.map.processor.name, asOf: f.assessment.asOf }, w.blocks);
}
