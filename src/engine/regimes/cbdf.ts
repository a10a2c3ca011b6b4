/**
 * Pathways under the 2024 Provisions (CBDF-2024), in force from 2024-03-22.
 * Order of reading: core data → scope (PI / important data) → important data (Art 2, Art 7,
 * Art 5 para 2, Q&A Q12) → exemptions (Arts 4, 5(1)(1)–(3), 6) → CIIO (Art 7(1)(1)) →
 * the bands of Art 7(1)(2), Art 8 and Art 5(1)(4) on the cumulative counts (Q&A Q11).
 */
import { startOfYear } from "../../calendar/date.js";
import type { Bilingual } from "../../law/index.js";
import { CBDF_2024_BANDS as BANDS, CBDF_2024, meets, type Provision } from "../../law/index.js";
import { assessGba } from "../gba.js";
import { num, PURPOSE_NAMES, say } from "../messages.js";
import type { Decision, Option, Pathway } from "../types.js";
import { cites, notOutbound, prohibited } from "./common.js";
import { isMainlandRecipient, type Regime, type TransferContext } from "./regime.js";

const P = CBDF_2024.provisions;

/** Art 5 para 1 items 1–3: purposes that exempt PI when truly necessary (确需). */
const PURPOSE_EXEMPTIONS: Partial<Record<string, Provision>> = {
  contract_with_individual: P.art5_1_1,
  cross_border_hr: P.art5_1_2,
  emergency: P.art5_1_3,
};

function decision(pathway: Pathway, counted: boolean, basis: Provision[], reasons: Bilingual[], options: Option[] = []): Decision {
  return { pathway, options, counted, basis: cites(...basis), optionBasis: {}, reasons };
}

/** What the transfer sends: sensitive PI if counted or declared; ordinary PI otherwise too. */
function contents(ctx: TransferContext): { general: boolean; sensitive: boolean } {
  const sensitive = ctx.transfer.persons.sensitive > 0 || ctx.dataset.sensitive.length > 0;
  const general = ctx.transfer.persons.general > 0 || !sensitive;
  return { general, sensitive };
}

function decideCbdf(ctx: TransferContext): Decision {
  const { map, transfer: t, dataset: d, recipient: r } = ctx;
  const p = map.processor;
  if (d.coreData) return prohibited();
  if (isMainlandRecipient(r)) return notOutbound(r.region);

  // Neither PI nor important data: outside the export regimes (Art 3; Q&A Q1).
  if (!d.personalInformation && !d.importantData) {
    return decision(
      "exempt",
      false,
      [P.art3],
      [
        say(
          `数据集不含个人信息或者重要数据（目的：${PURPOSE_NAMES[t.purpose]?.zh}），免予申报安全评估、订立标准合同、通过认证`,
          `The dataset holds no personal information and no important data (purpose: ${PURPOSE_NAMES[t.purpose]?.en}): exempt`,
        ),
      ],
    );
  }

  // Important data (as notified, Art 2) always goes to assessment, whatever the exemptions (Art 5 para 2, Q&A Q12).
  if (d.importantData) {
    const basis: Provision[] = [p.ciio ? P.art7_1_1 : P.art7_1_2, P.art2];
    const reasons = [
      say(
        "数据集已被告知或者公开发布为重要数据：应当申报数据出境安全评估，不得选择标准合同或者认证（问答第12问）",
        "The dataset has been notified or announced as important data: a security assessment is required; the standard contract and certification are not open to it (Q&A Q12)",
      ),
    ];
    if (d.personalInformation && PURPOSE_EXEMPTIONS[t.purpose]) {
      basis.push(P.art5_2);
      reasons.push(say("第五条的豁免不包括重要数据（第五条第二款）", "Art 5's exemptions do not cover important data (Art 5 para 2)"));
    }
    const dec = decision("security_assessment", d.personalInformation, basis, reasons, ["security_assessment"]);
    return withGba(ctx, dec);
  }

  // Exemptions (Arts 4, 5(1)(1)–(3), 6): not counted toward the thresholds (Q&A Q11).
  const exemptions: Provision[] = [];
  const reasons: Bilingual[] = [];
  if (d.collectedAbroad && !d.domesticDataIntroduced) {
    exemptions.push(P.art4);
    reasons.push(
      say(
        "个人信息在境外收集和产生，境内处理未引入境内个人信息或者重要数据（第四条）",
        "The PI was collected abroad and no mainland PI or important data was mixed in (Art 4)",
      ),
    );
  } else if (d.collectedAbroad) {
    reasons.push(
      say("境外收集的个人信息中引入了境内个人信息，第四条不适用", "Mainland PI was mixed into PI collected abroad: Art 4 does not apply"),
    );
  }
  const purposeExemption = PURPOSE_EXEMPTIONS[t.purpose];
  if (purposeExemption && t.necessary !== false) {
    exemptions.push(purposeExemption);
    if (t.necessary === undefined) {
      reasons.push(
        say(
          "数据图未写明是否确需（necessary），按确需处理：请核实所提供的个人信息仅限于该目的所需",
          "The data map does not say whether the PI is truly necessary (necessary): read as yes — check that only what the purpose needs is sent",
        ),
      );
    }
    reasons.push(
      say(
        `为${PURPOSE_NAMES[t.purpose]?.zh}确需向境外提供（第五条第一款第（${purposeExemption.cite.item}）项）`,
        `Truly necessary for ${PURPOSE_NAMES[t.purpose]?.en} (Art 5(1)(${purposeExemption.cite.item}))`,
      ),
    );
  } else if (purposeExemption) {
    reasons.push(
      say(
        `目的为${PURPOSE_NAMES[t.purpose]?.zh}，但未表明确需（necessary: false），第五条第一款不适用`,
        `The purpose is ${PURPOSE_NAMES[t.purpose]?.en}, but the data map does not say it is truly necessary (necessary: false): Art 5(1) does not apply`,
      ),
    );
  }
  if (p.ftz && !d.inNegativeList) {
    exemptions.push(P.art6_2);
    reasons.push(
      say(
        `处理者在自由贸易试验区（${p.ftz}），数据不在负面清单内（第六条）`,
        `The processor is in the ${p.ftz} pilot FTZ and the data is outside its negative list (Art 6)`,
      ),
    );
  } else if (p.ftz) {
    reasons.push(
      say(
        `数据在自由贸易试验区（${p.ftz}）负面清单内，第六条不适用`,
        `The data is on the ${p.ftz} FTZ negative list: Art 6 does not apply`,
      ),
    );
  }
  if (exemptions.length > 0) {
    reasons.push(
      say("豁免的出境不计入累计人数（问答第11问）", "Exempt transfers are not counted toward the cumulative thresholds (Q&A Q11)"),
    );
    return decision("exempt", false, exemptions, reasons);
  }

  if (p.ciio) {
    reasons.push(
      say(
        "处理者是关键信息基础设施运营者，向境外提供个人信息（第七条第一款第（一）项）",
        "The processor is a CIIO sending personal information abroad (Art 7(1)(1))",
      ),
    );
    return withGba(ctx, decision("security_assessment", true, [P.art7_1_1], reasons, ["security_assessment"]));
  }

  const { general: G, sensitive: S } = ctx.cumulative;
  const sends = contents(ctx);
  const tally = say(
    `自${startOfYear(ctx.asOf)}起累计（计入的出境，按自然人去重）：个人信息${num(G)}人，敏感个人信息${num(S)}人`,
    `Since ${startOfYear(ctx.asOf)} (counted transfers, people de-duplicated): ${num(G)} people's PI, ${num(S)} people's sensitive PI`,
  );
  reasons.push(tally);
  if ((sends.general && meets(BANDS.assessmentGeneral, G)) || (sends.sensitive && meets(BANDS.assessmentSensitive, S))) {
    const why =
      sends.sensitive && meets(BANDS.assessmentSensitive, S)
        ? say(
            `敏感个人信息${num(S)}人，达到1万人以上（第七条第一款第（二）项）`,
            `${num(S)} people's sensitive PI is 10,000 or more (Art 7(1)(2))`,
          )
        : say(`个人信息${num(G)}人，达到100万人以上（第七条第一款第（二）项）`, `${num(G)} people's PI is 1,000,000 or more (Art 7(1)(2))`);
    reasons.push(why);
    return withGba(ctx, decision("security_assessment", true, [P.art7_1_2], reasons, ["security_assessment"]));
  }
  if ((sends.general && meets(BANDS.contractGeneral, G)) || sends.sensitive) {
    const why = sends.sensitive
      ? say(
          `本次出境含敏感个人信息，累计不满1万人（第八条）`,
          `This transfer sends sensitive PI, and fewer than 10,000 people's in total (Art 8)`,
        )
      : say(
          `个人信息${num(G)}人，在10万人以上、不满100万人（第八条）`,
          `${num(G)} people's PI is at least 100,000 and under 1,000,000 (Art 8)`,
        );
    reasons.push(why);
    return withGba(ctx, decision("standard_contract_or_certification", true, [P.art8], reasons, ["standard_contract", "certification"]));
  }
  reasons.push(
    say(
      `非关键信息基础设施运营者，累计不满10万人个人信息且本次不含敏感个人信息（第五条第一款第（四）项），计入累计人数`,
      `Not a CIIO, fewer than 100,000 people's PI in total, and no sensitive PI in this transfer (Art 5(1)(4)); it still counts toward the total`,
    ),
  );
  return decision("exempt", true, [P.art5_1_4], reasons);
}

/** Add the GBA contract as an option beside a national pathway that needs one. */
export function withGba(ctx: TransferContext, dec: Decision): Decision {
  const gba = assessGba(ctx.map, ctx.transfer, ctx.dataset, ctx.recipient, ctx.asOf);
  dec.reasons.push(...gba.reasons);
  if (gba.eligible && gba.eligibility) {
    dec.options.push("gba_standard_contract");
    dec.optionBasis.gba_standard_contract = cites(gba.eligibility);
    dec.gbaFiling = gba.filing;
  }
  return dec;
}

export const CBDF_REGIME: Regime = {
  id: "CBDF-2024",
  from: "2024-03-22",
  instruments: () => ["CBDF-2024", "SAM-2022", "SCM-2023", "PIPL"],
  window: (asOf) => ({ from: startOfYear(asOf), to: asOf }),
  decide: decideCbdf,
};
