/**
 * Greater Bay Area standard contracts (regulations.md §3): an extra option beside the national
 * pathway whenever both parties are in the GBA and the data may use it. The Mainland–Hong Kong
 * contract is in force from 2023-12-13, for the pilot sectors only until 2024-10-31 (secondary);
 * the Mainland–Macao one from 2024-09-10 (GBA-MO-2024 Art 14, seed 000).
 */

import type { Bilingual } from "../law/index.js";
import {
  citationOf,
  CSL,
  formatCitation,
  GBA_HK_2023,
  GBA_MAINLAND_CITIES,
  GBA_MO_2024,
  inForceOn,
  PIPL,
  type Provision,
} from "../law/index.js";
import { GBA_HK_ALL_SECTORS_FROM, GBA_HK_PILOT_SECTORS } from "../law/instruments/gba.js";
import type { DataMap, Dataset, Recipient, Transfer } from "./datamap.js";
import { say } from "./messages.js";
import type { TransferContext } from "./regimes/regime.js";
import type { Decision, GbaProvisions } from "./types.js";

export interface GbaFinding {
  eligible: boolean;
  /** The guideline that would govern (by the recipient's side: Hong Kong or Macao). */
  guideline?: typeof GBA_HK_2023 | typeof GBA_MO_2024;
  /** Why (not): only said when the parties are on both sides of the GBA border. */
  reasons: Bilingual[];
  eligibility?: Provision;
  provisions?: GbaProvisions;
}

/** A provision named as a reader of each language expects ("《…》第二条" / "GBA-MO-2024 Art 2"). */
export const ref = (p: Provision): Bilingual => {
  const c = citationOf(p);
  return say(formatCitation(c, "zh"), formatCitation(c, "en"));
};

export function gbaCity(region: string | undefined): Bilingual | undefined {
  if (!region) return undefined;
  return GBA_MAINLAND_CITIES[region.slice(0, 4)];
}

const SECTOR_NAMES: Record<string, Bilingual> = {
  banking: say("银行业", "banking"),
  credit_referencing: say("征信业", "credit referencing"),
  healthcare: say("医疗卫生", "healthcare"),
};
const pilotSectors = say(
  GBA_HK_PILOT_SECTORS.map((s) => SECTOR_NAMES[s]?.zh).join("、"),
  GBA_HK_PILOT_SECTORS.map((s) => SECTOR_NAMES[s]?.en).join(", "),
);

export function assessGba(map: DataMap, t: Transfer, d: Dataset, r: Recipient, asOf: string): GbaFinding {
  const guideline = r.region === "HK" ? GBA_HK_2023 : r.region === "MO" ? GBA_MO_2024 : undefined;
  if (!guideline) return { eligible: false, reasons: [] };
  const city = gbaCity(map.processor.region);
  const art2 = ref(guideline.provisions.art2);
  const side = r.region === "HK" ? say("香港", "Hong Kong") : say("澳门", "Macao");
  const no = (reason: Bilingual): GbaFinding => ({ eligible: false, guideline, reasons: [reason] });
  if (!city) {
    // The recipient is across the GBA border but the processor is not in the nine cities: not worth a line
    // unless it is in Guangdong, where a reader may expect the option.
    if (!map.processor.region?.startsWith("44")) return { eligible: false, guideline, reasons: [] };
    return no(
      say(
        `处理者不在大湾区内地九市，不适用大湾区标准合同（${art2.zh}）`,
        `The processor is not in one of the nine mainland GBA cities: no GBA standard contract (${art2.en})`,
      ),
    );
  }
  let pilot: Bilingual | undefined;
  if (!inForceOn(guideline, asOf)) {
    return no(
      say(
        `《${guideline.name.zh}》自${guideline.inForce}起施行，评估日尚不可用`,
        `${guideline.id} is in force from ${guideline.inForce}: not available on this date`,
      ),
    );
  }
  if (guideline === GBA_HK_2023 && asOf < GBA_HK_ALL_SECTORS_FROM) {
    const sector = t.sector ?? map.processor.sector;
    if (sector === undefined) {
      return no(
        say(
          `${GBA_HK_ALL_SECTORS_FROM}前大湾区（内地、香港）标准合同仅在${pilotSectors.zh}先行先试：是否可选取决于行业，请在数据图中写明 processor.sector 或 transfers[].sector`,
          `Before ${GBA_HK_ALL_SECTORS_FROM} the Mainland–Hong Kong GBA contract was open only to the ${pilotSectors.en} pilot: whether it is an option depends on the sector — declare processor.sector or transfers[].sector`,
        ),
      );
    }
    if (!(GBA_HK_PILOT_SECTORS as readonly string[]).includes(sector)) {
      return no(
        say(
          `${GBA_HK_ALL_SECTORS_FROM}前大湾区（内地、香港）标准合同仅对${pilotSectors.zh}先行先试，本行业尚不可用`,
          `Before ${GBA_HK_ALL_SECTORS_FROM} the Mainland–Hong Kong GBA contract was open only to the ${pilotSectors.en} pilot: not to this sector`,
        ),
      );
    }
    pilot = say(
      `（先行先试期间，${SECTOR_NAMES[sector]?.zh}可用；${GBA_HK_ALL_SECTORS_FROM}起适用于所有行业）`,
      ` (the early and pilot implementation, open to ${SECTOR_NAMES[sector]?.en} until all sectors from ${GBA_HK_ALL_SECTORS_FROM})`,
    );
  }
  if (!d.personalInformation) return { eligible: false, guideline, reasons: [] };
  if (d.importantData) {
    return no(say(`重要数据不适用大湾区标准合同（${art2.zh}）`, `Important data cannot use the GBA standard contract (${art2.en})`));
  }
  const onward = ref(guideline.provisions.art4_2);
  if (t.onwardOutsideGBA) {
    return no(
      say(
        `接收方向大湾区以外提供，不适用大湾区标准合同（${onward.zh}）`,
        `The recipient passes the data on outside the GBA: no GBA standard contract (${onward.en})`,
      ),
    );
  }
  const regulator =
    guideline === GBA_HK_2023
      ? say(
          "内地一方向广东省互联网信息办公室、香港一方向数字政策办公室",
          "the mainland party with the Guangdong CAC, the Hong Kong party with the Digital Policy Office",
        )
      : say(
          "内地一方向广东省互联网信息办公室、澳门一方向澳门个人资料保护局",
          "the mainland party with the Guangdong CAC, the Macao party with Macao's Personal Data Protection Bureau",
        );
  return {
    eligible: true,
    guideline,
    eligibility: guideline.provisions.art2,
    provisions: { notice: guideline.provisions.art4_1, pipia: guideline.provisions.art5, filing: guideline.provisions.art7 },
    reasons: [
      say(
        `处理者在${city.zh}、接收方在${side.zh}，可选用大湾区标准合同（${art2.zh}）${pilot?.zh ?? ""}；合同生效之日起10个工作日内双方按照属地备案（${regulator.zh}）`,
        `The processor is in ${city.en} and the recipient in ${side.en}: the GBA standard contract is also available (${art2.en})${pilot?.en ?? ""}; both parties file within 10 working days after it takes effect (${regulator.en})`,
      ),
    ],
  };
}

/**
 * Add the GBA contract as an option beside a national pathway that needs one (regulations.md
 * §0): never for a CIIO, whose security assessment stays mandatory (CSL Art 37 admits other
 * routes only by law or administrative regulation); in the volume band of Art 7(1)(2), offered
 * with a notice that this is our reading (PIPL Art 40; the guidelines set no threshold).
 */
export function withGba(ctx: TransferContext, dec: Decision): Decision {
  const gba = assessGba(ctx.map, ctx.transfer, ctx.dataset, ctx.recipient, ctx.asOf);
  if (!gba.eligible || !gba.eligibility || !gba.provisions) {
    dec.reasons.push(...gba.reasons);
    return dec;
  }
  // Eligible by the guideline, not offered to a CIIO: its "also available" line would say the opposite.
  if (ctx.map.processor.ciio) {
    const csl = ref(CSL.provisions.art37);
    dec.reasons.push(
      say(
        `处理者是关键信息基础设施运营者：大湾区标准合同不能替代数据出境安全评估（${csl.zh}：其他方式须有法律、行政法规规定；本项目约定，见 regulations.md §0）`,
        `The processor is a CIIO: the GBA contract is not offered in place of the security assessment (${csl.en}: other routes need a law or administrative regulation; our reading, regulations.md §0)`,
      ),
    );
    return dec;
  }
  dec.reasons.push(...gba.reasons);
  if (dec.pathway === "security_assessment") {
    const pipl40 = ref(PIPL.provisions.art40);
    dec.reasons.push(
      say(
        `达到安全评估数量标准时仍列出大湾区标准合同，是本项目对指引的理解（${pipl40.zh}“国家网信部门规定可以不进行安全评估的，从其规定”；指引未设数量门槛）：选用前请向网信部门确认`,
        `Listing the GBA contract in the security-assessment volume band is our reading (${pipl40.en}: "where the CAC provides that no assessment is needed, that applies"; the guidelines set no threshold): confirm with the CAC before relying on it`,
      ),
    );
  }
  dec.options.push("gba_standard_contract");
  dec.optionBasis.gba_standard_contract = [citationOf(gba.eligibility)];
  dec.gba = gba.provisions;
  return dec;
}
