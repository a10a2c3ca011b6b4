/**
 * What follows from a pathway (CBDF-2024 Arts 10–11; PIPL Arts 29, 31, 39, 55–57; SCM-2023
 * Arts 5, 7; SAM-2022 Art 5; DSL Art 30; the GBA guidelines). Each obligation carries its citations.
 */
import type { IsoDate } from "../calendar/date.js";
import {
  type Bilingual,
  CBDF_2024,
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
import type { Dataset } from "./datamap.js";
import { say } from "./messages.js";
import type { Decision, Obligation, Option } from "./types.js";

interface Draft {
  id: string;
  basis: (Provision | Citation | undefined | false)[];
  text: Bilingual;
  option?: Option;
}

export function obligationsFor(dec: Decision, d: Dataset, asOf: IsoDate, lang: Lang): Obligation[] {
  const cbdf = inForceOn(CBDF_2024, asOf);
  const scm = inForceOn(SCM_2023, asOf);
  const drafts: Draft[] = [];
  if (dec.pathway === "prohibited") {
    drafts.push({ id: "do_not_transfer", basis: [DSL.provisions.art21_2], text: say("停止出境核心数据", "Do not send core data abroad") });
    return finish(drafts, lang);
  }
  const pi = d.personalInformation;
  if (pi) {
    drafts.push({
      id: "notice_and_separate_consent",
      basis: [PIPL.provisions.art39, cbdf && CBDF_2024.provisions.art10],
      text: say(
        "向个人告知境外接收方的名称、联系方式、处理目的和方式等，并取得单独同意",
        "Tell individuals about the foreign recipient and its processing, and obtain their separate consent",
      ),
    });
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
    if (d.sensitive.length > 0) {
      drafts.push({
        id: "sensitive_pi_separate_consent",
        basis: [PIPL.provisions.art29],
        text: say("处理敏感个人信息取得单独同意", "Obtain separate consent for the sensitive PI"),
      });
    }
    if (d.sensitive.includes("minor_under_14")) {
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
      basis: [dec.basis[0]],
      text: say(
        "通过所在地省级网信部门向国家网信部门申报数据出境安全评估，通过后方可出境",
        "Apply through the provincial CAC for the CAC security assessment; transfer only once it is passed",
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
      basis: [PIPL.provisions.art38_1_2],
      text: say("或者经专业机构进行个人信息保护认证", "Or obtain PI protection certification from a professional body"),
    });
  }
  if (dec.gbaFiling) {
    drafts.push({
      id: "gba_standard_contract_filing",
      option: "gba_standard_contract",
      basis: [dec.gbaFiling],
      text: say(
        "如选用大湾区标准合同：合同生效之日起10个工作日内备案",
        "If the GBA standard contract is used: file within 10 working days after it takes effect",
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
    text: say("发生数据安全事件时采取补救措施并报告网信部门", "On a data security incident, remedy it and report to the CAC"),
  });
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
