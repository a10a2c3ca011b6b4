/**
 * Pathways under the 2024 Provisions (CBDF-2024), in force from 2024-03-22.
 * Order of reading: core data → scope (PI / important data) → important data (Art 2, Art 7,
 * Art 5 para 2, Q&A Q12) → exemptions (Arts 4, 5(1)(1)–(3), 6) → CIIO (Art 7(1)(1)) →
 * the bands of Art 7(1)(2), Art 8 and Art 5(1)(4) on the cumulative counts (Q&A Q11).
 */
import { startOfYear } from "../../calendar/date.js";
import type { Bilingual } from "../../law/index.js";
import { CBDF_2024_BANDS as BANDS, CBDF_2024, enPlace, meets, type Provision, zhPlace } from "../../law/index.js";
import { ftzFinding } from "../ftz.js";
import { withGba } from "../gba.js";
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

/**
 * The facts Art 5(1)(1)–(3) need, read literally (regulations.md §0): 确需 (`necessary: true`);
 * for HR, employees' PI, labour rules made according to law and a collective contract signed
 * according to law. Each missing or false fact is named, with what to declare.
 */
function missingPurposeFacts(ctx: TransferContext, exemption: Provision): Bilingual[] {
  const { transfer: t, dataset: d } = ctx;
  const item = exemption.cite.item ?? 0;
  const where = say(zhPlace(exemption.cite), enPlace(exemption.cite));
  const out: Bilingual[] = [];
  if (t.necessary === undefined) {
    out.push(
      say(
        `数据图未写明所提供的个人信息是否确需（necessary），按否处理，${where.zh}不适用：如所提供的个人信息确为${PURPOSE_NAMES[t.purpose]?.zh}所必需，请写明 necessary: true`,
        `The data map does not say the PI is truly necessary (necessary), so it is read as not: ${where.en} does not apply — declare necessary: true if the PI sent is what ${PURPOSE_NAMES[t.purpose]?.en} truly needs`,
      ),
    );
  } else if (!t.necessary) {
    out.push(
      say(
        `数据图写明并非确需（necessary: false），${where.zh}不适用`,
        `The data map says the PI is not truly necessary (necessary: false): ${where.en} does not apply`,
      ),
    );
  }
  if (item !== 2) return out;
  if (d.subjects === undefined) {
    out.push(
      say(
        "数据图未写明数据集的个人信息主体（datasets[].subjects），无法确认是员工个人信息：请写明 subjects: [employees]",
        "The data map does not say whose PI the dataset holds (datasets[].subjects), so it is not shown to be employees' PI: declare subjects: [employees]",
      ),
    );
  } else if (!d.subjects.includes("employees")) {
    out.push(
      say(
        "数据集的个人信息主体不是员工，第二项只适用于员工个人信息",
        "The dataset's subjects are not employees: item 2 covers employees' PI only",
      ),
    );
  }
  if (t.labourRules !== true) {
    out.push(
      t.labourRules === false
        ? say("未按照依法制定的劳动规章制度实施（labourRules: false）", "Not under labour rules made according to law (labourRules: false)")
        : say(
            "数据图未写明是否按照依法制定的劳动规章制度实施（labourRules），按否处理",
            "The data map does not say it is under labour rules made according to law (labourRules): read as not",
          ),
    );
  }
  if (t.collectiveContract !== true) {
    out.push(
      say(
        `${t.collectiveContract === false ? "没有依法签订的集体合同（collectiveContract: false）" : "数据图未写明是否有依法签订的集体合同（collectiveContract），按否处理"}：第二项要求劳动规章制度和集体合同两者兼备（按字面理解）；履行劳动合同本身所必需的个人信息可能适用第五条第一款第一项`,
        `${t.collectiveContract === false ? "No collective contract signed according to law (collectiveContract: false)" : "The data map does not say a collective contract signed according to law exists (collectiveContract): read as not"} — item 2 needs both the labour rules and the collective contract (read literally); what the employment contract itself needs may be covered by Art 5(1)(1)`,
      ),
    );
  }
  return out;
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
  const missing = purposeExemption ? missingPurposeFacts(ctx, purposeExemption) : [];
  const purposeApplies = purposeExemption !== undefined && missing.length === 0;
  if (purposeExemption && purposeApplies) {
    exemptions.push(purposeExemption);
    reasons.push(
      say(
        `为${PURPOSE_NAMES[t.purpose]?.zh}确需向境外提供（${zhPlace(purposeExemption.cite)}）`,
        `Truly necessary for ${PURPOSE_NAMES[t.purpose]?.en} (${enPlace(purposeExemption.cite)})`,
      ),
    );
    if (purposeExemption === P.art5_1_1) {
      reasons.push(
        say(
          "该项豁免只覆盖作为合同一方当事人的个人的个人信息，不包括同行人、紧急联系人等其他人的个人信息",
          "It covers the PI of the individual who is party to the contract, not that of co-travellers, emergency contacts or other people",
        ),
      );
    }
  }
  reasons.push(...missing);
  const ftz = ftzFinding(p, t, d, ctx.asOf);
  if (ftz?.applies) exemptions.push(P.art6_2);
  if (ftz) reasons.push(...ftz.reasons);
  if (exemptions.length > 0) {
    reasons.push(
      say("豁免的出境不计入累计人数（问答第11问）", "Exempt transfers are not counted toward the cumulative thresholds (Q&A Q11)"),
    );
    const dec = decision("exempt", false, exemptions, reasons);
    if (purposeApplies) dec.consentRelief = purposeExemption;
    return dec;
  }

  if (p.ciio) {
    reasons.push(
      say(
        "处理者是关键信息基础设施运营者，向境外提供个人信息（第七条第一款第一项）",
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
            `敏感个人信息${num(S)}人，达到1万人以上（第七条第一款第二项）`,
            `${num(S)} people's sensitive PI is 10,000 or more (Art 7(1)(2))`,
          )
        : say(`个人信息${num(G)}人，达到100万人以上（第七条第一款第二项）`, `${num(G)} people's PI is 1,000,000 or more (Art 7(1)(2))`);
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
      `非关键信息基础设施运营者，累计不满10万人个人信息且本次不含敏感个人信息（第五条第一款第四项），计入累计人数`,
      `Not a CIIO, fewer than 100,000 people's PI in total, and no sensitive PI in this transfer (Art 5(1)(4)); it still counts toward the total`,
    ),
  );
  return decision("exempt", true, [P.art5_1_4], reasons);
}

export const CBDF_REGIME: Regime = {
  id: "CBDF-2024",
  from: "2024-03-22",
  instruments: () => ["CBDF-2024", "SAM-2022", "SCM-2023", "PIPL"],
  window: (asOf) => ({ from: startOfYear(asOf), to: asOf }),
  decide: decideCbdf,
};
