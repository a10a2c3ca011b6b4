/**
 * `sc-filing`: the standard-contract filing package (个人信息出境标准合同备案): the materials list of
 * its edition with each material's state, the filing deadline, the contract's parties and its
 * 附录一 (个人信息出境说明) with exactly the official appendix's items per transfer, 附录二 left to the
 * parties, the undertaking and the PIPIA report referred to. The contract's articles are the
 * official annex's text, which may not be changed: the package does not reproduce them, it says so.
 */
import { MANNER_NAMES, nameOf, regionName, SENSITIVE_NAMES, SUBJECT_NAMES } from "../../engine/names.js";
import type { Lang } from "../../law/index.js";
import { type DocumentFacts, dataItems } from "./facts.js";
import { type FilingDocument, filingDocument } from "./model.js";
import { deadlineTable, seat } from "./sections.js";
import { period, purposeOf, transferLabel } from "./words.js";
import { type Bi, type Material, Writer } from "./writer.js";

/**
 * 附录一's items, as the official appendix of the SCM-2023 standard contract lists them ((一)–(十));
 * the GBA contract's own wording where it differs (接收方, 跨境提供, within the GBA).
 */
function appendixItems(gba: boolean): Bi[] {
  return [
    ["（一）处理目的", "(1) Purpose of processing"],
    ["（二）处理方式", "(2) Manner of processing"],
    [gba ? "（三）跨境提供个人信息的个人信息主体类别" : "（三）出境个人信息的个人信息主体类别", "(3) Categories of data subjects"],
    [gba ? "（四）跨境提供个人信息种类" : "（四）出境个人信息种类", "(4) Categories of PI"],
    ["（五）敏感个人信息种类（如适用）", "(5) Sensitive PI categories (if any)"],
    [
      gba
        ? "（六）接收方只向以下粤港澳大湾区内的第三方提供个人信息（如适用）"
        : "（六）境外接收方只向以下中华人民共和国境外第三方提供个人信息（如适用）",
      "(6) Onward recipients (if any)",
    ],
    ["（七）传输方式", "(7) Manner of transmission"],
    [gba ? "（八）跨境提供后保存期限" : "（八）出境后保存期限", "(8) Retention period"],
    [gba ? "（九）跨境提供后保存地点" : "（九）出境后保存地点", "(9) Storage place"],
    ["（十）其他事项（视情况填写）", "(10) Other matters (as the case may be)"],
  ];
}

/** 附录一 for one transfer (the GBA contract's appendix in its own words). */
export function appendix(w: Writer, f: DocumentFacts, id: string, o: { gba?: boolean } = {}): void {
  const lang: Lang = w.lang;
  const tr = f.map.transfers.find((y) => y.id === id)!;
  const d = f.map.datasets.find((y) => y.id === tr.dataset)!;
  const mine = dataItems(f)
    .filter((i) => i.transfers.includes(tr.id))
    .flatMap((i) => i.items.map((r) => r[1]!));
  const none = w.t(["无", "none"]);
  const values = [
    purposeOf(f, id, lang),
    tr.recipientUse ?? "",
    (d.subjects ?? []).map((s) => nameOf(SUBJECT_NAMES, s, lang)).join("、"),
    mine.join("、"),
    d.sensitive.map((s) => nameOf(SENSITIVE_NAMES, s, lang)).join("、") || none,
    (tr.onwardRecipients ?? []).join("、") || none,
    tr.manner ? nameOf(MANNER_NAMES, tr.manner, lang) : "",
    tr.retentionAbroad === undefined ? "" : period(tr.retentionAbroad, lang),
    tr.storagePlace ?? "",
  ];
  // The enum alone ("other") does not say what the purpose is: the company's words are needed.
  const empty = values.some((v) => v === "") || (tr.purpose === "other" && !tr.purposeText);
  if (empty)
    w.todo(
      [
        `补全${transferLabel(f, id, "zh")}的个人信息出境说明（purposeText、recipientUse、datasets[].subjects、scenarios 数据项、manner、retentionAbroad、storagePlace）`,
        `Complete the description of ${tr.id} (recipientUse, datasets[].subjects, scenario items, manner, retentionAbroad, storagePlace)`,
      ],
      `appendix-${id}`,
    );
  const other = w.ask(`appendix-other-${id}`, [
    `${transferLabel(f, id, "zh")}：附录一其他事项（视情况填写；没有的，写明“无”）`,
    `${id}: Appendix 1's other matters (if none, write “none”)`,
  ]);
  w.table(
    [
      ["事项", "Item"],
      ["内容", "Content"],
    ],
    appendixItems(!!o.gba).map((k, i) => [w.t(k), i < values.length ? values[i]! : other]),
    "data_map",
    [transferLabel(f, id, lang), `Transfer ${id}`],
  );
}

/** The SC filing's materials by edition (the 1st edition also asked for the credit-code certificate and ID copies). */
function materials(f: DocumentFacts): Material[] {
  const first: Material[] = [
    {
      name: ["统一社会信用代码证件影印件", "Copy of the unified social credit code certificate"],
      todo: ["加盖公章", "seal"],
      key: "credit-code",
    },
    { name: ["法定代表人身份证件影印件", "Copy of the legal representative's ID"], todo: ["复印", "copy"], key: "legal-representative-id" },
    { name: ["经办人身份证件影印件", "Copy of the agent's ID"], todo: ["复印", "copy"], key: "agent-id" },
  ];
  return [
    ...(f.edition === 1 ? first : []),
    { name: ["经办人授权委托书", "The agent's letter of authorisation"], todo: ["签署、盖章", "sign and seal"], key: "authorisation" },
    { name: ["承诺书", "The undertaking"], todo: ["签署、盖章", "sign and seal"], key: "undertaking" },
    { name: ["标准合同", "The standard contract"], todo: ["双方签署、盖章", "both parties sign and seal"], key: "contract" },
    { name: ["个人信息保护影响评估报告", "The PIPIA report"], todo: ["完成、盖章", "complete and seal"], key: "pipia" },
  ];
}

export function buildScFiling(f: DocumentFacts, o: { lang: Lang; said?: Record<string, string> }): FilingDocument {
  const w = new Writer(o.lang, o.said);
  const p = f.map.processor;
  w.h(1, ["一、备案材料清单", "1. The materials"]);
  w.materials(materials(f));
  w.h(2, ["备案期限", "The filing deadline"]);
  w.p([
    "标准合同生效之日起10个工作日内，向所在地省级网信部门备案。",
    "Within 10 working days after the contract takes effect, with the provincial CAC.",
  ]);
  deadlineTable(w, f);
  w.h(1, ["二、个人信息出境标准合同", "2. The standard contract"]);
  w.p([
    "合同正文采用《个人信息出境标准合同办法》附件所列标准合同原文，不得修改；以下为当事方信息和附录。",
    "The contract's articles are the official annex of the SCM-2023 measures, unchanged; below are the parties and the appendices.",
  ]);
  w.h(2, ["当事方", "The parties"]);
  const recipients = [...new Set(f.scope.map((id) => f.map.transfers.find((t) => t.id === id)!.recipient))]
    .map((id) => f.map.recipients.find((r) => r.id === id)!)
    .filter(Boolean);
  const c = p.dataSecurityContact;
  w.table(
    [
      ["当事方", "Party"],
      ["名称", "Name"],
      ["地址", "Address"],
      ["联系人及联系方式", "Contact"],
    ],
    [
      [w.t(["个人信息处理者", "The processor"]), p.name, seat(f, w), c ? [c.name, c.phone, c.email].filter(Boolean).join("，") : ""],
      ...recipients.map((r) => [
        w.t(["境外接收方", "The recipient"]),
        r.name || r.id,
        w.ask(`recipient-address-${r.id}`, [`填写境外接收方${r.name || r.id}的地址`, `Give the address of the recipient ${r.id}`]) ||
          regionName(r.region, o.lang),
        w.ask(`recipient-contact-${r.id}`, [
          `填写境外接收方${r.name || r.id}的联系人及联系方式`,
          `Give the contact of the recipient ${r.id}`,
        ]),
      ]),
    ],
    "data_map",
  );
  if (!c)
    w.todo(
      [
        "填写个人信息处理者的联系人及联系方式（processor.dataSecurityContact）",
        "Give the processor's contact (processor.dataSecurityContact)",
      ],
      "processor-contact",
    );
  w.h(2, ["附录一　个人信息出境说明", "Appendix 1: the transfer of personal information"]);
  for (const id of f.scope) appendix(w, f, id);
  w.h(2, ["附录二　双方约定的其他条款", "Appendix 2: other terms the parties agree"]);
  w.todo(
    [
      "双方约定的其他条款（如有；不得与标准合同相冲突）；没有的，写明“无”",
      "Other terms the parties agree (none may conflict with the contract); if none, write “none”",
    ],
    "appendix-2",
  );
  w.h(1, ["三、承诺书", "3. The undertaking"]);
  w.p([
    "承诺书采用备案系统提供的模板，由个人信息处理者签署、盖章。",
    "The undertaking is the filing system's template, signed and sealed by the processor.",
  ]);
  w.h(1, ["四、个人信息保护影响评估报告", "4. The PIPIA report"]);
  w.p([
    "见随附的《个人信息保护影响评估报告》；报告在备案前3个月内完成。",
    "See the PI protection impact assessment report enclosed, completed within the 3 months before filing.",
  ]);
  return filingDocument(
    "sc-filing",
    ["个人信息出境标准合同备案材料", "Standard-contract filing package"],
    f.edition === 1 ? "个人信息出境标准合同备案指南（第一版）" : "个人信息出境标准合同备案指南（第二版）",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    w.blocks,
  );
}
