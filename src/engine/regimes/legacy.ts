/**
 * Pathways before 2024-03-22: the Security Assessment Measures (SAM-2022, from 2022-09-01)
 * and the Standard Contract Measures (SCM-2023, from 2023-06-01). No exemptions existed; the
 * window runs from 1 January of the previous year; the total processed (personsProcessed) counts.
 */
import { startOfYear } from "../../calendar/date.js";
import { SAM_2022_BANDS as BANDS, type Bilingual, inForceOn, meets, PIPL, type Provision, SAM_2022, SCM_2023 } from "../../law/index.js";
import { withGba } from "../gba.js";
import { num, say } from "../messages.js";
import type { Decision } from "../types.js";
import { cites, notOutbound, prohibited } from "./common.js";
import { isMainlandRecipient, type Regime, type TransferContext } from "./regime.js";

const S = SAM_2022.provisions;

function assessment(ctx: TransferContext, counted: boolean, basis: Provision, reasons: Bilingual[]): Decision {
  const dec: Decision = {
    pathway: "security_assessment",
    options: ["security_assessment"],
    counted,
    basis: cites(basis),
    optionBasis: {},
    reasons,
  };
  return withGba(ctx, dec);
}

function decideLegacy(ctx: TransferContext): Decision {
  const { map, dataset: d, recipient: r, asOf } = ctx;
  const p = map.processor;
  if (d.coreData) return prohibited();
  if (isMainlandRecipient(r)) return notOutbound(r.region);
  const reasons: Bilingual[] = [
    say(
      "评估日早于2024年3月22日：适用《数据出境安全评估办法》与《个人信息出境标准合同办法》，当时没有豁免情形",
      "The assessment date is before 2024-03-22: the 2022 assessment measures and 2023 standard contract measures apply, with no exemptions",
    ),
  ];
  if (!d.personalInformation && !d.importantData) {
    reasons.push(
      say(
        "数据集不含个人信息或者重要数据，不在出境安全评估范围内（第二条）",
        "The dataset holds no PI and no important data: outside the Measures' scope (Art 2)",
      ),
    );
    return { pathway: "exempt", options: [], counted: false, basis: cites(S.art2), optionBasis: {}, reasons };
  }
  if (d.importantData) {
    reasons.push(say("向境外提供重要数据（第四条第一项）", "Important data is sent abroad (Art 4(1))"));
    return assessment(ctx, d.personalInformation, S.art4_1, reasons);
  }
  if (p.ciio) {
    reasons.push(say("关键信息基础设施运营者向境外提供个人信息（第四条第二项）", "A CIIO sends PI abroad (Art 4(2))"));
    return assessment(ctx, true, S.art4_2, reasons);
  }
  if (p.personsProcessed !== undefined && meets(BANDS.processedGeneral, p.personsProcessed)) {
    reasons.push(
      say(
        `处理${num(p.personsProcessed)}人个人信息，达到100万人以上（第四条第二项）`,
        `It processes PI of ${num(p.personsProcessed)} people, 1,000,000 or more (Art 4(2))`,
      ),
    );
    return assessment(ctx, true, S.art4_2, reasons);
  }
  const { general: G, sensitive: Sn } = ctx.cumulative;
  const from = startOfYear(asOf, 1);
  reasons.push(
    say(
      `自${from}起累计：个人信息${num(G)}人，敏感个人信息${num(Sn)}人`,
      `Since ${from}: ${num(G)} people's PI, ${num(Sn)} people's sensitive PI`,
    ),
  );
  if (meets(BANDS.sentGeneral, G) || meets(BANDS.sentSensitive, Sn)) {
    reasons.push(
      say(
        "累计达到10万人个人信息或者1万人敏感个人信息（第四条第三项）",
        "That reaches 100,000 people's PI or 10,000 people's sensitive PI (Art 4(3))",
      ),
    );
    return assessment(ctx, true, S.art4_3, reasons);
  }
  if (p.personsProcessed === undefined) {
    reasons.push(
      say(
        "数据图未给出处理个人信息总人数（personsProcessed），按不满100万人计",
        "The data map does not give personsProcessed: taken as under 1,000,000",
      ),
    );
  }
  const scm = inForceOn(SCM_2023, asOf);
  reasons.push(
    scm
      ? say(
          "未达到安全评估标准，可以订立标准合同（《标准合同办法》第四条）或者通过认证",
          "Below the assessment thresholds: the standard contract (SCM-2023 Art 4) or certification",
        )
      : say(
          "未达到安全评估标准：个人信息保护法第三十八条的认证或者标准合同（《标准合同办法》自2023年6月1日施行）",
          "Below the assessment thresholds: certification or the standard contract under PIPL Art 38 (the Standard Contract Measures take effect on 2023-06-01)",
        ),
  );
  return withGba(ctx, {
    pathway: "standard_contract_or_certification",
    options: ["standard_contract", "certification"],
    counted: true,
    basis: scm ? cites(SCM_2023.provisions.art4) : cites(PIPL.provisions.art38_1_2, PIPL.provisions.art38_1_3),
    optionBasis: {},
    reasons,
  });
}

export const LEGACY_REGIME: Regime = {
  id: "SAM-2022",
  from: "2022-09-01",
  until: "2024-03-21",
  instruments: (asOf) => (inForceOn(SCM_2023, asOf) ? ["SAM-2022", "SCM-2023", "PIPL"] : ["SAM-2022", "PIPL"]),
  window: (asOf) => ({ from: startOfYear(asOf, 1), to: asOf }),
  decide: decideLegacy,
};
