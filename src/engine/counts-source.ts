/**
 * Which people counts an answer used (人数来源): the ledger's de-duplicated counts (出境台账) or the
 * `persons` written in the data map (数据地图). Every surface — the assessment, the overview, the
 * compare page, the register, the API and the command line — says which, in these words.
 */
import type { Lang } from "../law/index.js";

export type CountsSource = "ledger" | "data_map";

export const COUNTS_SOURCE_NAMES: Record<CountsSource, { zh: string; en: string }> = {
  ledger: { zh: "出境台账", en: "the ledger" },
  data_map: { zh: "数据地图", en: "the data map" },
};

/** "人数来源：出境台账" / "Counts from: the ledger". */
export function countsSourceLine(s: CountsSource, lang: Lang): string {
  return lang === "zh" ? `人数来源：${COUNTS_SOURCE_NAMES[s].zh}` : `Counts from: ${COUNTS_SOURCE_NAMES[s].en}`;
}
