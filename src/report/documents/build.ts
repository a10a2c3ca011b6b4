/**
 * The two assessment reports a filing needs, in the structure of the CAC's templates (2nd edition,
 * 2024-03-22 guides — 数据出境安全评估申报指南（第二版） and 个人信息出境标准合同备案指南（第二版）: the
 * self-assessment report of Annex 4, the PIPIA report of Annex 5; README, `xborder report`). Headings keep the templates' wording; what the facts give is
 * filled and says where it came from; the rest is a placeholder on the checklist.
 */
import { dateName, nameOf, PATHWAY_NAMES, SENSITIVE_NAMES } from "../../engine/names.js";
import { CitationWriter, type Lang } from "../../law/index.js";
import { type FilingDocument, filingDocument, type Problem } from "./model.js";
import { type DocumentFacts, scoped } from "./facts.js";
import {
  completedOn,
  consentEvidence,
  itemsTables,
  lateExplanation,
  onward,
  peopleCount,
  recipientBasics,
  recipientUse,
  seat,
  storage,
  transfersTable,
} from "./sections.js";
import { transferLabel } from "./words.js";
import { type Bi, Writer } from "./writer.js";

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
        ...audits.map((a) => [w.t(["个人信息保护合规审计", "PI protection compliance audit"]), dateName(a.date!, w.lang), a.firm ?? ""]),
        ...tests.map((s) => [
          w.t([`网络安全等级保护测评（第${s.level}级）`, `graded-protection test (level ${s.level})`]),
          dateName(s.lastTestDate!, w.lang),
          "",
        ]),
      ],
      "data_map",
    );
  w.todo(["说明数据安全风险评估、认证、检测等其他证明材料", "Describe other evidence: risk assessments, certification, tests"]);
}

/** The six points of SAM-2022 Art 9, numbered 1.–6. as the template prints them, each with what the contracts settle. */
function clauses(w: Writer, f: DocumentFacts) {
  const mine = scoped(f);
  Object.entries(CLAUSES).forEach(([k, b], i) => {
    w.h(3, [`${i + 1}. ${b[0]}`, `${i + 1}. ${b[1]}`]);
    const have = mine.filter((t) => t.contractClauses?.includes(k as never));
    const lacking = mine.filter((t) => !t.contractClauses?.includes(k as never));
    if (have.length)
      w.p(
        [
          `已在与境外接收方订立的法律文件中约定（${have.map((t) => transferLabel(f, t.id, "zh")).join("、")}）。`,
          `Settled in the legal documents with the recipient (${have.map((t) => t.id).join(", ")}).`,
        ],
        "data_map",
      );
    if (lacking.length)
      w.todo(
        [
          `补充法律文件对本项的约定，或说明理由（${lacking.map((t) => transferLabel(f, t.id, "zh")).join("、")}）`,
          `Settle this point in the legal documents, or explain why (${lacking.map((t) => t.id).join(", ")})`,
        ],
        `contract-point-${i + 1}`,
      );
  });
}

function pathways(w: Writer, f: DocumentFacts, cw: CitationWriter) {
  w.table(
    [
      ["出境活动", "Transfer"],
      ["出境路径", "Pathway"],
      ["依据", "Basis"],
    ],
    f.assessment.transfers
      .filter((t) => f.scope.includes(t.id))
      .map((t) => [transferLabel(f, t.id, w.lang), PATHWAY_NAMES[t.pathway][w.lang], cw.list(t.basis)]),
    "assessment",
  );
}

export interface BuildOptions {
  lang: Lang;
  /** pipia: the standard contract or certification (Annex 5, the default) or the GBA contract (its guideline's Art 5). */
  route?: "sc" | "gba";
  /** statements.<kind>: the company's answers (the materials' states, the assessment's date). */
  said?: Record<string, string>;
}

/**
 * The self-assessment report (数据出境安全评估申报指南 Annex 4): the 2nd edition's 一、自评估工作情况,
 * the 1st edition's 一、自评估工作简述; items numbered as the template prints them.
 */
export function buildSelfAssessment(f: DocumentFacts, o: BuildOptions): FilingDocument {
  const w = new Writer(o.lang, o.said);
  const cw = new CitationWriter(o.lang);
  const problems: Problem[] = [];
  const p = f.map.processor;
  w.h(1, f.edition === 1 ? ["一、自评估工作简述", "1. The self-assessment in brief"] : ["一、自评估工作情况", "1. The self-assessment"]);
  completedOn(w, f, ["自评估", "self-assessment"], problems);
  w.todo([
    "说明自评估工作的开始和完成时间、组织情况、实施过程和方法；有第三方机构参与的，说明其基本情况和参与情况",
    "When the self-assessment started and ended, who did it and how; any third party that took part",
  ]);
  w.h(1, ["二、出境活动整体情况", "2. The export as a whole"]);
  w.h(2, ["（一）数据处理者基本情况", "(1) The processor"]);
  w.p(
    [
      `数据处理者：${p.name}；注册地：${seat(f, w)}；${p.ciio ? "关键信息基础设施运营者" : "非关键信息基础设施运营者"}。`,
      `Processor: ${p.name}; registered in ${seat(f, w)}; ${p.ciio ? "a CIIO" : "not a CIIO"}.`,
    ],
    "data_map",
  );
  w.h(3, ["1. 股权结构、实际控制人和境内外投资情况", "1. Shareholding, controller and investments"]);
  w.todo(["说明股权结构和实际控制人、境内外投资情况", "Shareholding and actual controller, investments at home and abroad"]);
  w.h(3, ["2. 组织架构和数据安全管理机构情况", "2. Organisation and data-security body"]);
  if (p.dataSecurityContact)
    w.p(
      [
        `数据安全负责人：${p.dataSecurityContact.name}${p.dataSecurityContact.title ? `（${p.dataSecurityContact.title}）` : ""}。`,
        `Data-security officer: ${p.dataSecurityContact.name}${p.dataSecurityContact.title ? ` (${p.dataSecurityContact.title})` : ""}.`,
      ],
      "data_map",
    );
  w.todo(["说明组织架构和数据安全管理机构", "The organisation chart and the data-security management body"]);
  w.h(3, ["3. 业务和数据资产情况", "3. Business and data assets"]);
  w.todo(["说明业务和数据资产情况", "The business and its data assets"]);
  w.h(2, ["（二）拟出境数据情况", "(2) The data to be exported"]);
  w.h(3, ["1. 出境涉及的业务和数据资产情况", "1. The business and data assets involved"]);
  w.todo(["说明出境涉及的业务和数据资产情况", "The business and data assets the export involves"]);
  w.h(3, [
    "2. 数据出境及境外接收方处理数据的目的、范围、方式，及其合法性、正当性、必要性",
    "2. Purpose, scope and manner, and their lawfulness, legitimacy and necessity",
  ]);
  transfersTable(w, f);
  w.todo([
    "说明数据出境及境外接收方处理数据的目的、范围、方式的合法性、正当性、必要性",
    "The lawfulness, legitimacy and necessity of the purpose, scope and manner",
  ]);
  w.h(3, ["3. 拟出境数据项", "3. The data items"]);
  itemsTables(w, f);
  w.h(3, ["4. 境内存储系统、出境链路和境外存储情况", "4. Storage in the mainland, the export link, storage abroad"]);
  storage(w, f);
  w.h(3, ["5. 向境外其他接收方再提供的情况", "5. Onward provision abroad"]);
  onward(w, f);
  w.h(3, ["6. 出境个人信息的规模", "6. The people"]);
  peopleCount(w, f);
  w.h(2, ["（三）数据处理者数据安全保障能力情况", "(3) The processor's data-security capability"]);
  w.h(3, ["1. 数据安全管理措施", "1. Management measures"]);
  consentEvidence(w, f);
  w.todo([
    "说明数据安全管理制度、数据分类分级、应急处置、风险评估、个人信息权益保护等管理措施",
    "Management measures: policies, classification and grading, emergency response, risk assessment, PI rights",
  ]);
  w.h(3, ["2. 数据安全技术措施", "2. Technical measures"]);
  w.todo(["说明数据全生命周期的技术措施", "Technical measures over the data's life cycle"]);
  w.h(3, ["3. 数据安全保障措施有效性的证明", "3. Evidence of effectiveness"]);
  evidence(w, f);
  w.h(3, ["4. 遵守数据和网络安全法律法规的情况", "4. Compliance with data and network-security law"]);
  w.todo([
    "说明遵守数据和网络安全法律法规情况，受到处罚的整改情况",
    "Compliance with data and network-security law; rectification of any penalty",
  ]);
  w.h(2, ["（四）境外接收方情况", "(4) The recipient"]);
  w.h(3, ["1. 境外接收方基本情况", "1. The recipient's basics"]);
  recipientBasics(w, f);
  w.h(3, ["2. 境外接收方处理数据的目的、方式", "2. The recipient's purpose and manner of processing"]);
  recipientUse(w, f);
  w.h(3, ["3. 境外接收方的数据安全保障措施和能力", "3. The recipient's measures and capability"]);
  w.todo([
    "说明境外接收方的数据安全保护管理和技术措施、能力",
    "Describe the recipient's data-security management, technical measures and capability",
  ]);
  w.h(2, ["（五）法律文件约定数据安全保护责任义务的情况", "(5) What the legal documents with the recipient provide"]);
  clauses(w, f);
  w.h(2, ["（六）数据处理者认为需要说明的其他情况", "(6) Anything else the processor wishes to state"]);
  lateExplanation(w, f);
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
    f.edition === 1 ? "数据出境安全评估申报指南（第一版）所附模板" : "数据出境安全评估申报指南（第二版）附件4",
    problems,
  );
}

/**
 * The PIPIA for the GBA contracts (Mainland–Macao guideline Art 5, seed 000; Hong Kong the same,
 * secondary): the guideline asks for three points only, so the report follows them, in the
 * contract's words (接收方; the GBA, not 境外).
 */
function buildGbaPipia(f: DocumentFacts, o: BuildOptions): FilingDocument {
  const w = new Writer(o.lang, o.said);
  const cw = new CitationWriter(o.lang);
  const problems: Problem[] = [];
  const p = f.map.processor;
  w.h(1, ["一、跨境提供个人信息的情况", "1. The transfer"]);
  completedOn(w, f, ["个人信息保护影响评估", "PIPIA"], problems, pipiaDate(f));
  w.p([`个人信息处理者：${p.name}；注册地：${seat(f, w)}。`, `Processor: ${p.name}; registered in ${seat(f, w)}.`], "data_map");
  transfersTable(w, f, { gba: true });
  itemsTables(w, f);
  peopleCount(w, f);
  recipientBasics(w, f, { gba: true });
  recipientUse(w, f, { gba: true });
  const g = gbaGuideline(f);
  w.p([
    `接收方不得向粤港澳大湾区以外的组织、个人提供个人信息（${cw.cite({ instrument: g, article: 4, item: 2 })}）。`,
    `The recipient may not provide the PI to anyone outside the GBA (${cw.cite({ instrument: g, article: 4, item: 2 })}).`,
  ]);
  w.h(1, ["二、影响评估情况", "2. The impact assessment"]);
  w.p([`按照${cw.cite({ instrument: g, article: 5 })}重点评估以下内容：`, `On the points of ${cw.cite({ instrument: g, article: 5 })}:`]);
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
  lateExplanation(w, f);
  w.todo(["得出客观的评估结论，充分说明理由和依据", "An objective conclusion with its reasons and evidence"]);
  return doc(
    "pipia",
    w,
    f,
    o,
    ["个人信息保护影响评估报告（大湾区标准合同）", "PI protection impact assessment report (GBA standard contract)"],
    g === "GBA-HK-2023"
      ? "粤港澳大湾区（内地、香港）个人信息跨境流动标准合同实施指引第五条"
      : "粤港澳大湾区（内地、澳门）个人信息跨境流动标准合同实施指引第五条",
    problems,
  );
}

/** The GBA guideline of the package: Mainland–Hong Kong when every recipient is in Hong Kong, else Mainland–Macao. */
export function gbaGuideline(f: DocumentFacts): "GBA-HK-2023" | "GBA-MO-2024" {
  const regions = scoped(f).map((t) => f.map.recipients.find((r) => r.id === t.recipient)?.region);
  return regions.length && regions.every((r) => r === "HK") ? "GBA-HK-2023" : "GBA-MO-2024";
}

/** The latest PIPIA date the map records for the package's transfers. */
const pipiaDate = (f: DocumentFacts) =>
  scoped(f)
    .map((t) => t.pipiaDate)
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);

/**
 * The PIPIA report (个人信息出境标准合同备案指南 Annex 5): 一、 with （一）1.–4., 3. with （1）–（5）;
 * the 1st edition opened with 一、评估工作简述 and shifted the rest.
 */
export function buildPipia(f: DocumentFacts, o: BuildOptions): FilingDocument {
  // The GBA contracts' PIPIA follows the guideline's three points, not Annex 5.
  if (o.route === "gba") return buildGbaPipia(f, o);
  const w = new Writer(o.lang, o.said);
  const cw = new CitationWriter(o.lang);
  const problems: Problem[] = [];
  const p = f.map.processor;
  const first = f.edition === 1;
  const n = first ? ["二", "三"] : ["一", "二"];
  if (first) {
    w.h(1, ["一、评估工作简述", "1. The assessment in brief"]);
    completedOn(w, f, ["个人信息保护影响评估", "PIPIA"], problems, pipiaDate(f));
    w.todo(["说明评估工作的开始和完成时间、组织情况、实施过程和方法", "When the assessment started and ended, who did it and how"]);
  }
  w.h(1, [`${n[0]}、出境活动整体情况`, `${first ? 2 : 1}. The export as a whole`]);
  if (!first) completedOn(w, f, ["个人信息保护影响评估", "PIPIA"], problems, pipiaDate(f));
  w.h(2, ["（一）个人信息处理者基本情况", "(1) The processor"]);
  w.p([`个人信息处理者：${p.name}；注册地：${seat(f, w)}。`, `Processor: ${p.name}; registered in ${seat(f, w)}.`], "data_map");
  w.h(3, [
    "1. 股权结构、实际控制人、境内外投资、组织架构和个人信息保护机构情况",
    "1. Shareholding, controller, investments, organisation and PI protection body",
  ]);
  w.todo([
    "说明股权结构和实际控制人、境内外投资、组织架构和个人信息保护机构",
    "Shareholding and controller, investments, organisation chart and the PI protection body",
  ]);
  w.h(3, ["2. 业务和个人信息处理情况", "2. The business and its processing of PI"]);
  w.todo(["说明业务和个人信息处理情况", "The business and its processing of PI"]);
  w.h(3, ["3. 拟出境个人信息情况", "3. The PI to be exported"]);
  w.p(["（1）涉及的业务、个人信息的收集和使用、信息系统情况", "(1) The business, the collection and use of PI, the information systems"]);
  w.todo(["说明涉及的业务、个人信息的收集和使用、信息系统情况", "The business, the collection and use of PI, the information systems"]);
  w.p([
    "（2）双方处理个人信息的目的、范围、方式，及其合法性、正当性、必要性",
    "(2) Both sides' purpose, scope and manner, and their lawfulness, legitimacy and necessity",
  ]);
  transfersTable(w, f);
  w.todo([
    "说明双方处理个人信息的目的、范围、方式的合法性、正当性、必要性",
    "The lawfulness, legitimacy and necessity of both sides' purpose, scope and manner",
  ]);
  w.p(["（3）出境个人信息的规模、范围、种类、敏感程度", "(3) The scale, scope, kinds and sensitivity of the PI sent"]);
  peopleCount(w, f);
  itemsTables(w, f);
  const sens = [
    ...new Set(
      f.map.datasets
        .filter((d) => scoped(f).some((t) => t.dataset === d.id))
        .flatMap((d) => d.sensitive.map((c) => nameOf(SENSITIVE_NAMES, c, o.lang))),
    ),
  ];
  w.p([`敏感个人信息种类：${sens.join("、") || "无"}。`, `Sensitive PI categories: ${sens.join(", ") || "none"}.`], "data_map");
  w.p(["（4）境内存储、出境链路和境外存储情况", "(4) Storage in the mainland, the export link, storage abroad"]);
  storage(w, f);
  w.p(["（5）向境外其他接收方再提供的情况", "(5) Onward provision abroad"]);
  onward(w, f);
  w.h(3, ["4. 遵守个人信息保护法律法规的情况", "4. Compliance with PI-protection law"]);
  consentEvidence(w, f);
  w.todo(["说明遵守个人信息保护法律法规的情况", "Compliance with PI-protection law"]);
  w.h(2, ["（二）境外接收方情况", "(2) The recipient"]);
  w.h(3, ["1. 境外接收方基本情况", "1. The recipient's basics"]);
  recipientBasics(w, f);
  w.h(3, ["2. 境外接收方处理个人信息的目的、方式", "2. The recipient's purpose and manner of processing"]);
  recipientUse(w, f);
  w.h(3, ["3. 境外接收方的个人信息保护措施和能力", "3. The recipient's measures and capability"]);
  w.todo(["说明境外接收方的个人信息保护管理和技术措施、能力", "The recipient's PI-protection measures and capability"]);
  w.h(2, ["（三）个人信息处理者认为需要说明的其他情况", "(3) Anything else the processor wishes to state"]);
  lateExplanation(w, f);
  w.todo(["其他需要说明的情况；没有的，写明“无”", "Anything else; if nothing, write “none”"]);
  w.h(1, [`${n[1]}、拟出境活动的影响评估情况及结论`, `${first ? 3 : 2}. The impact assessment and its conclusion`]);
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
    first ? "个人信息出境标准合同备案指南（第一版）所附模板" : "个人信息出境标准合同备案指南（第二版）附件5",
    problems,
  );
}

function doc(
  kind: FilingDocument["kind"],
  w: Writer,
  f: DocumentFacts,
  o: BuildOptions,
  title: Bi,
  edition: string,
  problems: Problem[] = [],
): FilingDocument {
  return filingDocument(kind, title, edition, o.lang, { processor: f.map.processor.name, asOf: f.assessment.asOf, problems }, w.blocks);
}
