/**
 * `sa-application`: the security-assessment application form's content (数据出境安全评估申报指南;
 * the online form's steps and per-scenario fields as docs/filing-documents.md describes them) and
 * the materials list of its edition. `gba-filing`: the Greater Bay Area standard contract's filing
 * (Mainland–Macao guideline Art 7, seed 000; Mainland–Hong Kong secondary), in the contract's own
 * words (接收方; 跨境提供; within the GBA).
 */
import { addYears } from "../../calendar/date.js";
import { dateName, MANNER_NAMES, nameOf, regionName, SENSITIVE_NAMES } from "../../engine/names.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { gbaGuideline } from "./build.js";
import { type DocumentFacts, dataItems } from "./facts.js";
import { type FilingDocument, filingDocument } from "./model.js";
import { appendix } from "./sc-filing.js";
import { deadlineTable, seat } from "./sections.js";
import { people, period, purposeOf, transferLabel } from "./words.js";
import { type Bi, type Material, Writer } from "./writer.js";

function person(w: Writer, label: Bi, c: { name: string; title?: string; phone?: string; email?: string } | undefined, field: string) {
  if (c)
    w.table(
      [
        ["事项", "Item"],
        ["内容", "Content"],
      ],
      [
        [w.t(["姓名", "Name"]), c.name],
        [w.t(["职务", "Title"]), c.title ?? ""],
        [w.t(["联系电话", "Phone"]), c.phone ?? ""],
        [w.t(["电子邮箱", "Email"]), c.email ?? ""],
      ],
      "data_map",
      label,
    );
  else w.todo([`填写${label[0]}（processor.${field}）`, `Give the ${label[1]} (processor.${field})`]);
}

/** First declaration, re-declaration or extension, from the map's earlier results (CBDF-2024 Art 9: valid 3 years, extendable). */
function declaration(f: DocumentFacts, id: string): Bi {
  const earlier = f.map.filings.filter((x) => x.type === "security_assessment" && x.transfer === id && x.resultDate).at(-1);
  if (!earlier) return ["首次申报", "first declaration"];
  if (earlier.outcome === "refused") return ["重新申报（前次评估未通过）", "re-declaration (the earlier assessment was refused)"];
  const expires = addYears(earlier.resultDate!, 3);
  if (expires <= f.assessment.asOf)
    return [
      `重新申报（前次评估结果有效期已于${dateName(expires, "zh")}届满）`,
      `re-declaration (the earlier result expired on ${expires})`,
    ];
  return [
    `申请延长评估结果有效期（前次评估结果有效期至${dateName(expires, "zh")}）`,
    `extension of the earlier result (valid until ${expires})`,
  ];
}

function saMaterials(f: DocumentFacts): Material[] {
  return [
    {
      name: ["统一社会信用代码证件影印件", "Copy of the unified social credit code certificate"],
      todo: ["加盖公章", "seal"],
      key: "credit-code",
    },
    { name: ["法定代表人身份证件影印件", "Copy of the legal representative's ID"], todo: ["复印", "copy"], key: "legal-representative-id" },
    { name: ["经办人身份证件影印件", "Copy of the agent's ID"], todo: ["复印", "copy"], key: "agent-id" },
    { name: ["经办人授权委托书", "The agent's letter of authorisation"], todo: ["签署、盖章", "sign and seal"], key: "authorisation" },
    ...(f.edition === 1
      ? [{ name: ["承诺书", "The undertaking"] as Bi, todo: ["签署、盖章", "sign and seal"] as Bi, key: "undertaking" }]
      : []),
    { name: ["数据出境安全评估申报表", "The application form"], todo: ["在线填写", "fill in online"], key: "form" },
    {
      name: ["与境外接收方拟订立的法律文件", "The legal document with the recipient"],
      todo: ["签署、盖章后复印", "sign, seal and copy"],
      key: "contract",
    },
    {
      name: ["数据出境风险自评估报告", "The risk self-assessment report"],
      todo: ["完成、盖章", "complete and seal"],
      key: "self-assessment",
    },
  ];
}

export function buildSaApplication(f: DocumentFacts, o: { lang: Lang; said?: Record<string, string> }): FilingDocument {
  const w = new Writer(o.lang, o.said);
  const p = f.map.processor;
  w.h(1, ["一、数据处理者情况", "1. The processor"]);
  w.table(
    [
      ["事项", "Item"],
      ["内容", "Content"],
    ],
    [
      [w.t(["名称", "Name"]), p.name],
      [w.t(["注册地", "Registered in"]), seat(f, w)],
      [w.t(["关键信息基础设施运营者", "CIIO"]), p.ciio ? w.t(["是", "yes"]) : w.t(["否", "no"])],
      [
        w.t(["统一社会信用代码", "Unified social credit code"]),
        w.ask("credit-code", ["填写统一社会信用代码", "Give the unified social credit code"]),
      ],
      [w.t(["单位性质", "Kind of entity"]), w.ask("entity-kind", ["填写单位性质", "Give the kind of entity"])],
    ],
    "data_map",
  );
  w.h(1, ["二、法定代表人信息", "2. The legal representative"]);
  if (p.legalRepresentative) w.p([`法定代表人：${p.legalRepresentative}`, `Legal representative: ${p.legalRepresentative}`], "data_map");
  else
    w.todo([
      "填写法定代表人（processor.legalRepresentative），或注明无法定代表人",
      "Give the legal representative (processor.legalRepresentative), or state there is none",
    ]);
  w.h(1, ["三、数据安全责任人和管理机构信息", "3. The data-security officer and management body"]);
  person(w, ["数据安全负责人", "data-security officer"], p.dataSecurityContact, "dataSecurityContact");
  w.todo(["填写数据安全管理机构名称及其职责", "Name the data-security management body and its duties"]);
  w.h(1, ["四、经办人信息", "4. The agent"]);
  person(w, ["经办人", "agent"], p.filingAgent, "filingAgent");
  w.h(1, ["五、数据处理者遵守中国法律、行政法规、部门规章情况", "5. The processor's compliance record"]);
  const audits = f.map.audits.filter((a) => a.date);
  if (audits.length)
    w.table(
      [
        ["个人信息保护合规审计日期", "PI protection compliance audit"],
        ["机构", "By"],
      ],
      audits.map((a) => [dateName(a.date!, o.lang), a.firm ?? ""]),
      "data_map",
    );
  w.todo(["说明遵守法律、行政法规、部门规章的情况，以及受到行政处罚的情况", "The compliance record, and any administrative penalty"]);
  w.h(1, ["六、数据出境场景", "6. The transfer scenarios"]);
  f.scope.forEach((id, i) => {
    const tr = f.map.transfers.find((t) => t.id === id)!;
    const d = f.map.datasets.find((y) => y.id === tr.dataset)!;
    const r = f.map.recipients.find((y) => y.id === tr.recipient);
    w.h(2, [`（${"一二三四五六七八九十"[i] ?? i + 1}）${transferLabel(f, id, "zh")}`, `(${i + 1}) ${id}`]);
    const items = dataItems(f)
      .filter((x) => x.transfers.includes(id))
      .flatMap((x) => x.items.map((row) => row[1]!));
    const sensitive = d.sensitive.map((s) => nameOf(SENSITIVE_NAMES, s, o.lang)).join("、") || w.t(["无", "none"]);
    w.table(
      [
        ["事项", "Field"],
        ["内容", "Content"],
      ],
      [
        [w.t(["申报类型", "Declaration"]), w.t(declaration(f, id))],
        [w.t(["业务场景", "Business scenario"]), transferLabel(f, id, o.lang)],
        [w.t(["出境数据项", "Data items"]), items.join("、")],
        [
          w.t(["涉及个人信息主体人数", "People"]),
          `${people(tr.persons.general, o.lang)}${w.t(["，其中敏感个人信息", ", sensitive PI of "])}${people(tr.persons.sensitive, o.lang)}`,
        ],
        [
          w.t(["出境数据量（条）", "Records"]),
          w.ask(`records-${id}`, [`填写${transferLabel(f, id, "zh")}的出境数据量（条数）`, `Give the number of records of ${id}`]),
        ],
        [w.t(["敏感个人信息种类", "Sensitive PI"]), sensitive],
        [w.t(["重要数据", "Important data"]), d.importantData ? w.t(["涉及", "yes"]) : w.t(["不涉及", "no"])],
        [w.t(["境外接收方名称", "Recipient"]), r?.name || r?.id || ""],
        [w.t(["境外接收方所在国家或者地区", "Recipient's country or region"]), r ? regionName(r.region, o.lang) : ""],
        [
          w.t(["境外接收方联系人及联系方式", "Recipient's contact"]),
          w.ask(`recipient-contact-${tr.recipient}`, [
            `填写境外接收方${r?.name || tr.recipient}的联系人及联系方式`,
            `Give the contact of the recipient ${tr.recipient}`,
          ]),
        ],
        [w.t(["出境目的", "Purpose"]), purposeOf(f, id, o.lang)],
        [w.t(["出境方式", "Manner"]), tr.manner ? nameOf(MANNER_NAMES, tr.manner, o.lang) : ""],
        [w.t(["境外接收方处理数据的用途、方式", "The recipient's use"]), tr.recipientUse ?? ""],
        [
          w.t(["出境频率", "Frequency"]),
          w.ask(`frequency-${id}`, [`填写${transferLabel(f, id, "zh")}的出境频率`, `Give the frequency of ${id}`]),
        ],
        [w.t(["境外存储地点", "Storage place"]), tr.storagePlace ?? ""],
        [w.t(["境外存储期限", "Retention"]), tr.retentionAbroad === undefined ? "" : period(tr.retentionAbroad, o.lang)],
        [w.t(["再提供", "Onward provision"]), (tr.onwardRecipients ?? []).join("、") || w.t(["无", "none"])],
      ],
      "data_map",
    );
    if (!items.length || !tr.manner || !tr.recipientUse || !tr.storagePlace || tr.retentionAbroad === undefined)
      w.todo(
        [
          `补全${transferLabel(f, id, "zh")}的出境数据项、出境方式、处理用途、境外存储地点和期限（scenarios、manner、recipientUse、storagePlace、retentionAbroad）`,
          `Complete ${id}'s data items, manner, storage place and retention (scenarios, manner, recipientUse, storagePlace, retentionAbroad)`,
        ],
        `scenario-${id}`,
      );
  });
  w.h(2, ["申报承诺", "The undertaking"]);
  w.p(
    f.edition === 1
      ? [
          "数据处理者签署承诺书，承诺所提交材料真实、准确、完整，随申报材料提交。",
          "The processor signs the undertaking that the materials are true, accurate and complete, filed with them.",
        ]
      : [
          "数据处理者在申报表中作出承诺，对所提交材料的真实性、准确性、完整性负责。",
          "The processor gives the undertaking in the form, answering for the materials' truth, accuracy and completeness.",
        ],
  );
  w.h(1, ["七、申报材料", "7. The materials"]);
  w.materials(saMaterials(f));
  w.h(2, ["申报期限", "Deadlines"]);
  deadlineTable(w, f);
  return filingDocument(
    "sa-application",
    ["数据出境安全评估申报表（内容）", "Security-assessment application form (content)"],
    f.edition === 1 ? "数据出境安全评估申报指南（第一版）" : "数据出境安全评估申报指南（第二版）",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    w.blocks,
  );
}

export function buildGbaFiling(f: DocumentFacts, o: { lang: Lang; said?: Record<string, string> }): FilingDocument {
  const w = new Writer(o.lang, o.said);
  const cw = new CitationWriter(o.lang);
  const p = f.map.processor;
  const g = gbaGuideline(f);
  const hk = g === "GBA-HK-2023";
  w.h(1, ["一、备案材料清单", "1. The materials"]);
  w.materials([
    {
      name: ["承诺书（指引附件2）", "The undertaking (the guideline's Annex 2)"],
      todo: ["签署、盖章", "sign and seal"],
      key: "undertaking",
    },
    {
      name: ["标准合同（指引附件1）", "The GBA standard contract (Annex 1)"],
      todo: ["双方签署、盖章", "both parties sign and seal"],
      key: "contract",
    },
    {
      name: ["属地监管机构要求的其他材料", "What the local regulator asks for"],
      todo: ["按要求准备", "prepare as asked"],
      key: "other",
    },
  ]);
  w.h(2, ["备案期限", "The filing deadline"]);
  w.p([
    `标准合同生效之日起10个工作日内，个人信息处理者向广东省互联网信息办公室备案；${hk ? "香港一方向香港特别行政区政府数字政策办公室备案" : "澳门一方向澳门特别行政区政府个人资料保护局备案"}（${cw.cite({ instrument: g, article: 7 })}）。`,
    `Within 10 working days after the contract takes effect: the processor files with the Guangdong CAC; ${hk ? "the Hong Kong party with the Digital Policy Office" : "the Macao party with the Personal Data Protection Bureau"} (${cw.cite({ instrument: g, article: 7 })}).`,
  ]);
  deadlineTable(w, f, { gba: true });
  w.h(1, ["二、大湾区标准合同", "2. The GBA standard contract"]);
  w.p([
    "合同正文采用指引附件1所列标准合同原文；以下为当事方和个人信息跨境提供说明。",
    "The contract's text is the guideline's Annex 1, unchanged; below are the parties and the transfer.",
  ]);
  w.table(
    [
      ["当事方", "Party"],
      ["名称", "Name"],
      ["所在地", "Located in"],
    ],
    [
      [w.t(["个人信息处理者", "The processor"]), p.name, seat(f, w)],
      ...[...new Set(f.scope.map((id) => f.map.transfers.find((t) => t.id === id)!.recipient))].map((id) => {
        const r = f.map.recipients.find((x) => x.id === id);
        return [w.t(["接收方", "The recipient"]), r?.name || id, r ? regionName(r.region, o.lang) : ""];
      }),
    ],
    "data_map",
  );
  w.p([
    `接收方不得向粤港澳大湾区以外的组织、个人提供个人信息（${cw.cite({ instrument: g, article: 4, item: 2 })}）。`,
    `The recipient may not provide the PI to anyone outside the GBA (${cw.cite({ instrument: g, article: 4, item: 2 })}).`,
  ]);
  w.h(2, ["个人信息跨境提供说明", "The transfer of personal information"]);
  for (const id of f.scope) appendix(w, f, id, { gba: true });
  w.h(1, ["三、个人信息保护影响评估（留存备查，不作为备案材料）", "3. The PIPIA (kept, not filed)"]);
  w.p([
    `跨境提供前应当开展个人信息保护影响评估，重点评估：目的、方式的合法性、正当性、必要性；对个人信息主体权益的影响及安全风险；接收方承诺承担的义务及其能力（${cw.cite({ instrument: g, article: 5 })}）。`,
    `Before the transfer, a PIPIA on: the lawfulness, legitimacy and necessity of the purpose and manner; the impact on individuals' rights and the risks; the recipient's undertakings and capability (${cw.cite({ instrument: g, article: 5 })}).`,
  ]);
  w.materials([{ name: ["个人信息保护影响评估报告", "The PIPIA report"], todo: ["完成并留存", "complete and keep"], key: "pipia" }]);
  return filingDocument(
    "gba-filing",
    ["粤港澳大湾区个人信息跨境流动标准合同备案材料", "GBA standard-contract filing package"],
    hk
      ? "粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引（二手资料）"
      : "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    w.blocks,
  );
}
