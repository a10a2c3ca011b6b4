/**
 * `sc-filing`: the standard-contract filing package (个人信息出境标准合同备案, 2nd-edition guide):
 * the materials list with what is ready and what is missing, the contract's parties and its
 * Appendix 1 (个人信息出境说明) filled per transfer, Appendix 2 left to the parties, the
 * undertaking and the PIPIA report referred to. The contract's articles are the official annex's
 * text, which may not be changed: the package does not reproduce them, it says so.
 */
import { PURPOSE_NAMES } from "../../engine/messages.js";
import type { Lang } from "../../law/index.js";
import { type DocumentFacts, dataItems } from "./facts.js";
import { type Block, type FilingDocument, filingDocument, placeholderKey } from "./model.js";

type Bi = [string, string];

const MANNER_NAMES: Record<string, Bi> = {
  transmitted: ["传输至境外", "transmitted abroad"],
  stored_abroad: ["存储于境外", "stored abroad"],
  accessible_from_abroad: ["境内存储、境外访问", "kept in the mainland, accessed from abroad"],
};

/** Appendix 1's facts for one transfer (also the GBA package's and the application's per-transfer block). */
export function appendixRows(f: DocumentFacts, id: string, lang: Lang, blocks: Block[], todo: (b: Bi) => void): void {
  const zh = lang === "zh";
  const t = (b: Bi) => (zh ? b[0] : b[1]);
  const tr = f.map.transfers.find((y) => y.id === id)!;
  const d = f.map.datasets.find((y) => y.id === tr.dataset)!;
  const mine = dataItems(f)
    .filter((i) => i.transfers.includes(tr.id))
    .flatMap((i) => i.items.map((r) => r[1]!));
  const row = (k: Bi, v: string) => [t(k), v];
  blocks.push({
    kind: "table",
    caption: t([`出境活动 ${tr.id}`, `Transfer ${tr.id}`]),
    columns: [t(["事项", "Item"]), t(["内容", "Content"])],
    rows: [
      row(["处理目的", "Purpose"], PURPOSE_NAMES[tr.purpose]?.[lang] ?? tr.purpose),
      row(["处理方式", "Manner of processing"], tr.recipientUse ?? ""),
      row(["出境个人信息的个人信息主体类别", "Categories of data subjects"], (d.subjects ?? []).join("、")),
      row(["出境个人信息种类", "Categories of PI"], mine.join("、")),
      row(["敏感个人信息种类", "Sensitive PI categories"], d.sensitive.join("、") || t(["无", "none"])),
      row(
        ["境外接收方只向以下中华人民共和国境外第三方提供个人信息", "Onward recipients abroad"],
        (tr.onwardRecipients ?? []).join("、") || t(["无", "none"]),
      ),
      row(["传输方式", "Transmission"], tr.manner ? t(MANNER_NAMES[tr.manner]!) : ""),
      row(
        ["出境后保存期限", "Retention abroad"],
        tr.retentionAbroad === undefined ? "" : t([`${tr.retentionAbroad}天`, `${tr.retentionAbroad} days`]),
      ),
      row(["出境后保存地点", "Storage place abroad"], tr.storagePlace ?? ""),
      row(["人数", "People"], String(tr.persons.general)),
    ],
    source: "data_map",
  });
  const empty = [tr.recipientUse, d.subjects?.length, mine.length, tr.manner, tr.retentionAbroad, tr.storagePlace].some(
    (v) => v === undefined || v === 0 || v === "",
  );
  if (empty)
    todo([
      `补全出境活动 ${tr.id} 的出境说明（recipientUse、datasets[].subjects、scenarios 数据项、manner、retentionAbroad、storagePlace）`,
      `Complete the description of ${tr.id} (recipientUse, datasets[].subjects, scenario items, manner, retentionAbroad, storagePlace)`,
    ]);
}

export function buildScFiling(f: DocumentFacts, o: { lang: Lang }): FilingDocument {
  const zh = o.lang === "zh";
  const t = (b: Bi) => (zh ? b[0] : b[1]);
  const blocks: Block[] = [];
  let n = 0;
  const todo = (b: Bi) => blocks.push({ kind: "placeholder", id: `P${++n}`, text: t(b), key: placeholderKey(b[1]) });
  const p = f.map.processor;
  // The transfers this filing is for: those filed, or to be filed, under the standard contract.
  const filed = new Set(f.map.filings.filter((x) => x.type === "standard_contract").map((x) => x.transfer));
  const scope = f.assessment.transfers.filter((x) => filed.has(x.id) || x.options.includes("standard_contract"));

  blocks.push({ kind: "heading", level: 1, text: t(["一、备案材料清单", "1. The materials"]) });
  blocks.push({
    kind: "table",
    columns: [t(["材料", "Material"]), t(["状态", "State"])],
    rows: [
      [t(["承诺书", "The undertaking"]), t(["按备案系统模板签署、盖章（待办）", "sign and seal the filing system's template (to do)"])],
      [
        t(["标准合同", "The standard contract"]),
        t(["当事方和附录一已预填，见下文；双方签署、盖章（待办）", "parties and Appendix 1 pre-filled below; both sign and seal (to do)"]),
      ],
      [
        t(["个人信息保护影响评估报告", "The PIPIA report"]),
        t(["xborder report pipia 生成，完成待填写事项", "made by xborder report pipia; complete its open items"]),
      ],
      [
        t(["经办人授权委托书", "The agent's letter of authorisation"]),
        p.filingAgent
          ? t([`经办人：${p.filingAgent.name}（授权书待盖章）`, `agent: ${p.filingAgent.name} (letter to seal)`])
          : t(["未填写经办人（processor.filingAgent）", "no agent given (processor.filingAgent)"]),
      ],
      [t(["其他材料", "Other materials"]), t(["视省级网信部门要求", "as the provincial CAC asks"])],
    ],
    source: "data_map",
  });
  todo([
    "签署、盖章承诺书和标准合同（不得绘制印章；盖章处留空）",
    "Sign and seal the undertaking and the contract (no seal is drawn; boxes are left for them)",
  ]);
  if (!p.filingAgent)
    todo([
      "填写经办人并出具授权委托书（processor.filingAgent）",
      "Name the agent and issue the letter of authorisation (processor.filingAgent)",
    ]);

  blocks.push({ kind: "heading", level: 1, text: t(["二、个人信息出境标准合同", "2. The standard contract"]) });
  blocks.push({
    kind: "paragraph",
    text: t([
      "合同正文采用《个人信息出境标准合同办法》附件所列标准合同原文，不得修改；以下为当事方信息和附录。",
      "The contract's articles are the official annex of the SCM-2023 measures, unchanged; below are the parties and the appendices.",
    ]),
  });
  blocks.push({ kind: "heading", level: 2, text: t(["当事方", "The parties"]) });
  const recipients = [...new Set(scope.map((x) => x.recipient))].map((id) => f.map.recipients.find((r) => r.id === id)!).filter(Boolean);
  blocks.push({
    kind: "table",
    columns: [t(["当事方", "Party"]), t(["名称", "Name"]), t(["所在地", "Located in"]), t(["联系人", "Contact"])],
    rows: [
      [
        t(["个人信息处理者", "The processor"]),
        p.name,
        p.region ?? "",
        p.dataSecurityContact ? `${p.dataSecurityContact.name}${p.dataSecurityContact.email ? ` ${p.dataSecurityContact.email}` : ""}` : "",
      ],
      ...recipients.map((r) => [t(["境外接收方", "The recipient"]), r.name || r.id, r.region, ""]),
    ],
    source: "data_map",
  });
  todo(["补全双方地址、联系人、联系方式", "Complete both parties' addresses, contacts and contact details"]);
  blocks.push({ kind: "heading", level: 2, text: t(["附录一　个人信息出境说明", "Appendix 1: the transfer of personal information"]) });
  for (const x of scope) appendixRows(f, x.id, o.lang, blocks, todo);
  if (!scope.length) todo(["数据地图中没有以标准合同方式出境的活动", "The data map has no transfer under the standard contract"]);
  blocks.push({ kind: "heading", level: 2, text: t(["附录二　双方约定的其他条款", "Appendix 2: other terms the parties agree"]) });
  todo([
    "双方约定的其他条款（如有；不得与标准合同相冲突）；没有的，写明“无”",
    "Other terms the parties agree (none may conflict with the contract); if none, write “none”",
  ]);
  blocks.push({ kind: "heading", level: 1, text: t(["三、承诺书", "3. The undertaking"]) });
  blocks.push({
    kind: "paragraph",
    text: t([
      "承诺书采用备案系统提供的模板，由个人信息处理者签署、盖章。",
      "The undertaking is the filing system's template, signed and sealed by the processor.",
    ]),
  });
  blocks.push({ kind: "heading", level: 1, text: t(["四、个人信息保护影响评估报告", "4. The PIPIA report"]) });
  blocks.push({
    kind: "paragraph",
    text: t([
      "见 xborder report pipia 生成的报告；报告应在备案前3个月内完成。",
      "See the report made by xborder report pipia; it must be no older than 3 months at filing.",
    ]),
  });
  return filingDocument(
    "sc-filing",
    ["个人信息出境标准合同备案材料", "Standard-contract filing package"],
    "个人信息出境标准合同备案指南（第二版）",
    o.lang,
    { processor: p.name, asOf: f.assessment.asOf },
    blocks,
  );
}
