/**
 * What follows from a pathway (CBDF-2024 Arts 10–11; PIPL Arts 29, 31, 39, 55–57; SCM-2023
 * Arts 5, 7; SAM-2022 Art 5; DSL Art 30; the GBA guidelines). Each obligation carries its citations.
 */
import type { IsoDate } from "../calendar/date.js";
import {
  type Bilingual,
  CBDF_2024,
  CERT_2025,
  type Citation,
  citationOf,
  DSL,
  inForceOn,
  type Lang,
  NDSR_2024,
  PIPL,
  type Provision,
  SAM_2022,
  SCM_2023,
} from "../law/index.js";
import type { Dataset, Processor, Transfer } from "./datamap.js";
import { say } from "./messages.js";
import type { Decision, Obligation, Option } from "./types.js";

interface Draft {
  id: string;
  basis: (Provision | Citation | undefined | false)[];
  text: Bilingual;
  option?: Option;
}

/** What an obligation needs to know of the transfer beyond its decision. */
export interface ObligationContext {
  dataset: Dataset;
  transfer: Transfer;
  processor: Processor;
}

/** Why separate consent is not owed, where it is not (regulations.md §0), or undefined where it is. */
function consentNotOwed(dec: Decision, t: Transfer): { reason: Bilingual; basis: (Provision | undefined)[] } | undefined {
  if (t.lawfulBasis !== "consent") {
    return {
      reason: say(
        "处理依据为《个人信息保护法》第十三条第一款第二项至第七项，不需取得个人同意（第十三条第二款）",
        "the processing rests on PIPL Art 13(1)(2)–(7), which needs no consent (Art 13 para 2)",
      ),
      basis: [PIPL.provisions.art13_2],
    };
  }
  if (dec.consentRelief) {
    return {
      reason: say(
        "该出境活动为订立、履行合同、人力资源管理或者紧急情况所必需，依照《促进和规范数据跨境流动规定》第五条第一款免予申报，按照《个人信息保护法》第十三条第二款不需取得个人同意",
        "the transfer is exempt under CBDF-2024 Art 5(1)(1)–(3) as necessary for a contract, HR management or an emergency, where PIPL Art 13 para 2 asks for no consent",
      ),
      basis: [PIPL.provisions.art13_2],
    };
  }
  return undefined;
}

export function obligationsFor(dec: Decision, ctx: ObligationContext, asOf: IsoDate, lang: Lang): Obligation[] {
  const { dataset: d, transfer: t, processor: p } = ctx;
  const cbdf = inForceOn(CBDF_2024, asOf);
  const scm = inForceOn(SCM_2023, asOf);
  const drafts: Draft[] = [];
  if (dec.pathway === "prohibited") {
    drafts.push({ id: "do_not_transfer", basis: [DSL.provisions.art21_2], text: say("停止出境核心数据", "Do not send core data abroad") });
    return finish(drafts, lang);
  }
  const pi = d.personalInformation;
  const noConsent = consentNotOwed(dec, t);
  if (pi && noConsent) {
    drafts.push({
      id: "notice",
      basis: [PIPL.provisions.art39, ...noConsent.basis, cbdf && CBDF_2024.provisions.art10],
      text: say(
        `向个人告知境外接收方的名称或者姓名、联系方式、处理目的、处理方式、个人信息的种类以及向境外接收方行使权利的方式和程序；单独同意不需取得：${noConsent.reason.zh}`,
        `Tell individuals the foreign recipient's name and contact details, the purpose and manner of processing, the kinds of PI, and how to exercise their rights against the recipient; separate consent is not needed: ${noConsent.reason.en}`,
      ),
    });
  } else if (pi) {
    drafts.push({
      id: "notice_and_separate_consent",
      basis: [PIPL.provisions.art39, cbdf && CBDF_2024.provisions.art10],
      text: say(
        "向个人告知境外接收方的名称或者姓名、联系方式、处理目的、处理方式、个人信息的种类以及向境外接收方行使权利的方式和程序，并取得个人的单独同意",
        "Tell individuals the foreign recipient's name and contact details, the purpose and manner of processing, the kinds of PI, and how to exercise their rights against the recipient; and obtain their separate consent",
      ),
    });
  }
  if (pi) {
    drafts.push({
      id: "pipia",
      basis: [
        PIPL.provisions.art55,
        cbdf && CBDF_2024.provisions.art10,
        scm && dec.pathway === "standard_contract_or_certification" && SCM_2023.provisions.art5,
      ],
      text: say("出境前开展个人信息保护影响评估", "Carry out a PI protection impact assessment (PIPIA) before the transfer"),
    });
    drafts.push({
      id: "pipia_records_kept_3_years",
      basis: [PIPL.provisions.art56_2],
      text: say(
        "个人信息保护影响评估报告和处理情况记录至少保存三年",
        "Keep the PIPIA report and processing records for at least three years",
      ),
    });
    if (d.sensitive.length > 0 && t.lawfulBasis === "consent") {
      drafts.push({
        id: "sensitive_pi_separate_consent",
        basis: [PIPL.provisions.art29],
        text: say("处理敏感个人信息取得单独同意", "Obtain separate consent for the sensitive PI"),
      });
    }
    if (d.sensitive.includes("minor_under_14") && t.lawfulBasis === "consent") {
      drafts.push({
        id: "guardian_consent",
        basis: [PIPL.provisions.art31],
        text: say(
          "不满十四周岁未成年人的个人信息取得父母或者其他监护人同意",
          "Obtain a parent's or guardian's consent for children under 14",
        ),
      });
    }
  }
  if (dec.pathway === "security_assessment") {
    drafts.push({
      id: "self_assessment",
      basis: [SAM_2022.provisions.art5],
      text: say("申报前开展数据出境风险自评估", "Carry out the data-export risk self-assessment before applying"),
    });
    drafts.push({
      id: "security_assessment_application",
      basis: [dec.basis[0], SAM_2022.provisions.art7],
      // Q&A Q15: "关键信息基础设施运营者或者其他不适合通过数据出境申报系统申报…的，采用线下方式…申报" — a direction.
      text: p.ciio
        ? say(
            "通过所在地省级网信部门向国家网信部门申报数据出境安全评估，通过后方可出境；关键信息基础设施运营者采用线下方式通过所在地省级网信部门申报（问答第15问）",
            "Apply through the provincial CAC for the CAC security assessment; transfer only once it is passed. A CIIO files offline, through the provincial CAC (Q&A Q15)",
          )
        : say(
            "通过所在地省级网信部门向国家网信部门申报数据出境安全评估，通过后方可出境；通过数据出境申报系统申报，不适合通过该系统申报的，采用线下方式通过所在地省级网信部门申报（问答第15问）",
            "Apply through the provincial CAC for the CAC security assessment; transfer only once it is passed. File in the CAC's online data-export system; a processor unsuited to it files offline, through the provincial CAC (Q&A Q15)",
          ),
    });
  }
  if (dec.pathway === "standard_contract_or_certification") {
    drafts.push({
      id: "standard_contract_filing",
      option: "standard_contract",
      basis: [scm && SCM_2023.provisions.art7],
      text: say(
        "订立标准合同，并在合同生效之日起10个工作日内向省级网信部门备案",
        "Sign the standard contract and file it with the provincial CAC within 10 working days after it takes effect",
      ),
    });
    drafts.push({
      id: "certification",
      option: "certification",
      basis: [PIPL.provisions.art38_1_2, inForceOn(CERT_2025, asOf) && CERT_2025.provisions.art3],
      text: say("或者经专业机构进行个人信息保护认证", "Or obtain PI protection certification from a professional body"),
    });
  }
  if (dec.gba) {
    drafts.push({
      id: "gba_notice_or_consent",
      option: "gba_standard_contract",
      basis: [dec.gba.notice],
      text: say(
        "如选用大湾区标准合同：跨境提供前按照处理者属地法律法规告知个人或者取得其同意",
        "If the GBA standard contract is used: before the transfer, give notice or obtain consent as the processor's local law requires",
      ),
    });
    drafts.push({
      id: "gba_pipia",
      option: "gba_standard_contract",
      basis: [dec.gba.pipia],
      text: say(
        "如选用大湾区标准合同：跨境提供前开展个人信息保护影响评估，重点评估目的、方式的合法性、正当性、必要性，对个人权益的影响及安全风险，以及接收方的义务、措施和能力",
        "If the GBA standard contract is used: a PIPIA before the transfer, on lawfulness, legitimacy and necessity; the impact on individuals' rights and the risks; and the recipient's undertakings, measures and capability",
      ),
    });
    drafts.push({
      id: "gba_standard_contract_filing",
      option: "gba_standard_contract",
      basis: [dec.gba.filing],
      text: say(
        "如选用大湾区标准合同：合同生效之日起10个工作日内，处理者和接收方各自按照属地向其监管机构备案（承诺书、标准合同及其他材料）",
        "If the GBA standard contract is used: within 10 working days after it takes effect, both parties file, each with its own regulator (undertaking, contract, anything else asked for)",
      ),
    });
  }
  if (d.importantData) {
    drafts.push({
      id: "important_data_risk_assessment",
      basis: [DSL.provisions.art30, inForceOn(NDSR_2024, asOf) && NDSR_2024.provisions.art33],
      text: say(
        "重要数据处理者定期（每年）开展风险评估并报送",
        "As an important-data processor, run and report a risk assessment (yearly)",
      ),
    });
  }
  drafts.push({
    id: "incident_reporting",
    basis: [cbdf && CBDF_2024.provisions.art11, pi && PIPL.provisions.art57],
    text: say(
      "发生或者可能发生数据安全事件时采取补救措施，及时向省级以上网信部门和其他有关主管部门报告",
      "On a data security incident, actual or possible, take remedial measures and report it promptly to the provincial-level (or higher) CAC and the other competent departments",
    ),
  });
  return finish(drafts, lang);
}

/** CBDF-2024 Art 2, as `assess` and the register both word it. */
export const IDENTIFY_IMPORTANT_DATA: Bilingual = say(
  "按照相关规定识别、申报重要数据（未被告知或者公开发布为重要数据的，不需要作为重要数据申报安全评估，但识别和申报的义务不因此免除）",
  "Identify and report important data under the relevant rules (until data is notified or announced as important it need not be declared as such for an assessment; the duty to identify and report stays)",
);

/** Duties of every processor, whatever its transfers. */
export function processorObligations(asOf: IsoDate, lang: Lang): Obligation[] {
  const drafts: Draft[] = [];
  if (inForceOn(CBDF_2024, asOf)) {
    drafts.push({
      id: "identify_and_report_important_data",
      basis: [CBDF_2024.provisions.art2],
      text: IDENTIFY_IMPORTANT_DATA,
    });
  }
  return finish(drafts, lang);
}

function finish(drafts: Draft[], lang: Lang): Obligation[] {
  return drafts
    .map((x) => {
      const o: Obligation = {
        id: x.id,
        basis: x.basis.filter((b): b is Provision | Citation => Boolean(b)).map((b) => ("cite" in b ? citationOf(b) : b)),
        description: x.text[lang],
      };
      if (x.option) o.option = x.option;
      return o;
    })
    .filter((o) => o.basis.length > 0);
}
