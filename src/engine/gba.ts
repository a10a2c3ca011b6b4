/**
 * Greater Bay Area standard contracts (regulations.md §3): an extra option beside the national
 * pathway whenever both parties are in the GBA and the data may use it.
 */

import type { Bilingual } from "../law/index.js";
import { GBA_HK_2023, GBA_MAINLAND_CITIES, GBA_MO_2024, inForceOn, type Provision } from "../law/index.js";
import type { DataMap, Dataset, Recipient, Transfer } from "./datamap.js";
import { say } from "./messages.js";

export interface GbaFinding {
  eligible: boolean;
  /** The guideline that would govern (by the recipient's side: Hong Kong or Macao). */
  guideline?: typeof GBA_HK_2023 | typeof GBA_MO_2024;
  /** Why (not): only said when the parties are on both sides of the GBA border. */
  reasons: Bilingual[];
  eligibility?: Provision;
  filing?: Provision;
}

export function gbaCity(region: string | undefined): string | undefined {
  if (!region) return undefined;
  return GBA_MAINLAND_CITIES[region.slice(0, 4)]?.en;
}

export function assessGba(map: DataMap, t: Transfer, d: Dataset, r: Recipient, asOf: string): GbaFinding {
  const guideline = r.region === "HK" ? GBA_HK_2023 : r.region === "MO" ? GBA_MO_2024 : undefined;
  if (!guideline) return { eligible: false, reasons: [] };
  const city = gbaCity(map.processor.region);
  const art2 = guideline.provisions.art2;
  const side = r.region === "HK" ? say("香港", "Hong Kong") : say("澳门", "Macao");
  if (!city) {
    // The recipient is across the GBA border but the processor is not in the nine cities: not worth a line
    // unless it is in Guangdong, where a reader may expect the option.
    const reasons = map.processor.region?.startsWith("44")
      ? [
          say(
            `处理者不在大湾区内地九市，不适用大湾区标准合同（${guideline.id} 第2条）`,
            `The processor is not in one of the nine mainland GBA cities: no GBA standard contract (${guideline.id} Art 2)`,
          ),
        ]
      : [];
    return { eligible: false, guideline, reasons };
  }
  if (!inForceOn(guideline, asOf)) {
    return {
      eligible: false,
      guideline,
      reasons: [
        say(
          `${guideline.id} 自 ${guideline.inForce} 起适用于所有行业，评估日尚不可用`,
          `${guideline.id} is open to all sectors only from ${guideline.inForce}: not available on this date`,
        ),
      ],
    };
  }
  if (!d.personalInformation) return { eligible: false, guideline, reasons: [] };
  if (d.importantData) {
    return {
      eligible: false,
      guideline,
      reasons: [
        say(
          `重要数据不适用大湾区标准合同（${guideline.id} 第2条）`,
          `Important data cannot use the GBA standard contract (${guideline.id} Art 2)`,
        ),
      ],
    };
  }
  if (t.onwardOutsideGBA) {
    return {
      eligible: false,
      guideline,
      reasons: [
        say(
          "接收方向大湾区以外提供，不适用大湾区标准合同（澳门指引第4条）",
          "The recipient passes the data on outside the GBA: no GBA standard contract (GBA-MO-2024 Art 4)",
        ),
      ],
    };
  }
  return {
    eligible: true,
    guideline,
    eligibility: art2,
    filing: guideline.provisions.art7,
    reasons: [
      say(
        `处理者在${city}、接收方在${side.zh}，可选用大湾区标准合同（${guideline.id} 第2条），合同生效后10个工作日内备案`,
        `The processor is in ${city} and the recipient in ${side.en}: the GBA standard contract is also available (${guideline.id} Art 2), filed within 10 working days of taking effect`,
      ),
    ],
  };
}
