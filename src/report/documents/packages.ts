/**
 * `sa-application`: the security-assessment application form's content (2nd-edition guide; the
 * online form's steps are from secondary sources and its per-scenario fields from screenshots only:
 * the document says so) and the materials list. `gba-filing`: the Greater Bay Area standard
 * contract's filing (Mainland–Macao guideline Art 7, seed 000; Mainland–Hong Kong secondary).
 */
import type { Lang } from "../../law/index.js";
import { type DocumentFacts } from "./facts.js";
import { type Block, type FilingDocument, filingDocument, placeholderKey } from "./model.js";
import { appendixRows } from "./sc-filing.js";

type Bi = [string, string];

function writer(lang: Lang) {
  const blocks: Block[] = [];
  let n = 0;
  const t = (b: Bi) => (lang === "zh" ? b[0] : b[1]);
  return {
    blocks,
    t,
    h: (level: 1 | 2, b: Bi) => blocks.push({ kind: "heading", level, text: t(b) }),
    p: (b: Bi, source?: "data_map" | "assessment") => blocks.push({ kind: "paragraph", text: t(b), ...(source ? { source } : {}) }),
    todo: (b: Bi) => blocks.push({ kind: "placeholder", id: `P${++n}`, text: t(b), key: placeholderKey(b[1]) }),
    table: (columns: Bi[], rows: string[][], source: "data_map" | "assessment") =>
      blocks.push({ kind: "table", columns: columns.map(t), rows, source }),
  };
}

function person(
  w: ReturnType<typeof writer>,
  label: Bi,
  c: { name: string; title?: string; phone?: string; email?: string } | undefined,
  field: string,
) {
  if (c)
    w.table(
      [
        ["事项", "Item"],
        ["内容", "Content"],
      ],
      [[w.t(label), [c.name, c.title, c.phone, c.email].filter(Boolean).join("；")]],
      "data_map",
    );
  else w.todo([`填写${label[0]}（processor.${field}）`, `Give the ${label[1]} (processor.${field})`]);
}

export function buildSaApplication(f: DocumentFacts, o: { lang: Lang }): FilingDocument {
  const w = writer(o.lang);
  const p = f.map.processor;
  const scope = f.assessment.transfers.filter((x) => x.pathway === "security_assessment");
  w.h(1, ["一、数据处理者情况", "1. The processor"]);
  w.table(
    [
      ["事项", "Item"],
      ["内容", "Content"],
    ],
    [
      [w.t(["名称", "Name"]), p.name],
      [w.t(["注册地", "Registered in"]), p.region ?? ""],
      [w.t(["关键信息基础设施运营者", "CIIO"]), p.ciio ? w.t(["是", "yes"]) : w.t(["否", "no"])],
    ],
    "data_map",
  );
  w.todo(["填写统一社会信用代码、住所、办公地址、单位性质等", "Give the unified social credit code, address and the other particulars"]);
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
        ["个人信息保护合规审计", "PI protection compliance audit"],
        ["机构", "By"],
      ],
      audits.map((a) => [a.date!, a.firm ?? ""]),
      "data_map",
    );
  w.todo(["说明遵守法律、行政法规、部门规章的情况，以及受到行政处罚的情况", "The compliance record, and any administrative penalty"]);
  w.h(1, ["六、数据出境场景", "6. The transfer scenarios"]);
  w.p([
    "（在线申报表逐场景字段来自截图，尚未以正式文本核实。）",
    "(The online form's per-scenario fields come from screenshots, not yet checked against an official text.)",
  ]);
  for (const x of scope) {
    w.h(2, [`出境活动 ${x.id}`, `Transfer ${x.id}`]);
    appendixRows(f, x.id, o.lang, w.blocks, w.todo);
    const d = f.map.datasets.find((y) => y.id === f.map.transfers.find((t) => t.id === x.id)!.dataset)!;
    if (d.importantData)
      w.p(["该数据集已被告知或者公开发布为重要数据。", "This dataset has been notified or announced as important data."], "data_map");
    w.todo([`填写出境活动 ${x.id} 的出境频率和数据量（条数）`, `Give the frequency and the number of records of ${x.id}`]);
  }
  if (!scope.length) w.todo(["数据地图中没有须申报安全评估的出境活动", "The data map has no transfer that needs the security assessment"]);
  w.h(1, ["七、申报材料", "7. The materials"]);
  w.table(
    [
      ["材料", "Material"],
      ["状态", "State"],
    ],
    [
      [
        w.t(["统一社会信用代码证件影印件", "Copy of the unified social credit code certificate"]),
        w.t(["盖章后上传（待办）", "seal and upload (to do)"]),
      ],
      [w.t(["法定代表人身份证件影印件", "Copy of the legal representative's ID"]), w.t(["上传（待办）", "upload (to do)"])],
      [w.t(["经办人身份证件影印件", "Copy of the agent's ID"]), w.t(["上传（待办）", "upload (to do)"])],
      [w.t(["经办人授权委托书", "The agent's letter of authorisation"]), w.t(["盖章后上传（待办）", "seal and upload (to do)"])],
      [w.t(["数据出境安全评估申报表", "The application form"]), w.t(["本文件内容；在线填写", "this document's content, entered online"])],
      [w.t(["与境外接收方拟订立的法律文件", "The legal document with the recipient"]), w.t(["上传（待办）", "upload (to do)"])],
      [
        w.t(["数据出境风险自评估报告", "The risk self-assessment report"]),
        w.t(["xborder report self-assessment 生成，完成待填写事项", "made by xborder report self-assessment; complete its open items"]),
      ],
      [w.t(["其他相关证明材料", "Other supporting material"]), w.t(["视需要", "as needed"])],
    ],
    "data_map",
  );
  w.todo(["准备并上传上列影印件和盖章材料（不绘制印章）", "Prepare and upload the copies and sealed materials above (no seal is drawn)"]);
  return filingDocument(
    "sa-application",
    ["数据出境安全评估申报表（内容）", "Security-assessment application form (content)"],
    "数据出境安全评估申报指南（第二版）",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    w.blocks,
  );
}

export function buildGbaFiling(f: DocumentFacts, o: { lang: Lang }): FilingDocument {
  const w = writer(o.lang);
  const p = f.map.processor;
  const scope = f.assessment.transfers.filter((x) => x.options.includes("gba_standard_contract"));
  const region = (id: string) => f.map.recipients.find((r) => r.id === id)?.region;
  w.h(1, ["一、备案材料清单", "1. The materials"]);
  const dl = f.assessment.deadlines.filter((d) => d.kind === "filing_due" && scope.some((x) => x.id === d.transfer));
  w.table(
    [
      ["材料", "Material"],
      ["状态", "State"],
    ],
    [
      [
        w.t(["承诺书（指引附件2）", "The undertaking (the guideline's Annex 2)"]),
        w.t(["按模板签署、盖章（待办）", "sign and seal the template (to do)"]),
      ],
      [
        w.t(["大湾区标准合同（指引附件1）", "The GBA standard contract (Annex 1)"]),
        w.t(["当事方和出境说明已预填，见下文（待签署）", "parties and the transfer pre-filled below (to sign)"]),
      ],
      [w.t(["属地监管机构要求的其他材料", "What the local regulator asks for"]), w.t(["视要求", "as asked"])],
    ],
    "data_map",
  );
  if (dl.length)
    w.table(
      [
        ["出境活动", "Transfer"],
        ["备案截止日", "File by"],
      ],
      dl.map((d) => [d.transfer, d.date]),
      "assessment",
    );
  w.p([
    "合同生效之日起10个工作日内，内地个人信息处理者向广东省网信部门备案；澳门接收方向澳门特别行政区个人资料保护局备案，香港接收方向香港特别行政区政府数字政策办公室备案。",
    "Within 10 working days after the contract takes effect: the mainland processor files with the Guangdong CAC; a Macao recipient with Macao's Personal Data Protection Bureau, a Hong Kong recipient with the Digital Policy Office.",
  ]);
  w.todo(["签署、盖章承诺书和合同（不绘制印章）", "Sign and seal the undertaking and the contract (no seal is drawn)"]);
  w.h(1, ["二、大湾区标准合同", "2. The GBA standard contract"]);
  w.p([
    "合同正文采用指引附件1所列标准合同原文；以下为当事方和出境说明。",
    "The contract's text is the guideline's Annex 1, unchanged; below are the parties and the transfer.",
  ]);
  w.table(
    [
      ["当事方", "Party"],
      ["名称", "Name"],
      ["所在地", "Located in"],
    ],
    [
      [w.t(["个人信息处理者", "The processor"]), p.name, p.region ?? ""],
      ...[...new Set(scope.map((x) => x.recipient))].map((id) => [
        w.t(["接收方", "The recipient"]),
        f.map.recipients.find((r) => r.id === id)?.name || id,
        region(id) ?? "",
      ]),
    ],
    "data_map",
  );
  for (const x of scope) appendixRows(f, x.id, o.lang, w.blocks, w.todo);
  if (!scope.length) w.todo(["数据地图中没有可采用大湾区标准合同的出境活动", "The data map has no transfer the GBA contract can cover"]);
  w.h(1, ["三、个人信息保护影响评估（留存备查，不作为备案材料）", "3. The PIPIA (kept, not filed)"]);
  w.p([
    "跨境提供前应当开展个人信息保护影响评估，重点评估：目的、方式的合法性、正当性、必要性；对个人权益的影响及安全风险；接收方承诺承担的义务及其能力（指引第五条）。",
    "Before the transfer, a PIPIA on: the lawfulness, legitimacy and necessity of the purpose and manner; the impact on individuals' rights and the risks; the recipient's undertakings and capability (the guideline's Art 5).",
  ]);
  w.todo(["完成个人信息保护影响评估并留存", "Carry out the PIPIA and keep it"]);
  return filingDocument(
    "gba-filing",
    ["粤港澳大湾区个人信息跨境流动标准合同备案材料", "GBA standard-contract filing package"],
    "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引；（内地、香港）指引（二手资料）",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    w.blocks,
  );
}
