/**
 * Processor-level remarks that do not change a pathway but a compliance officer must see.
 * Tianjin FTZ classification standard (seed 003): some PI is likely important data; under
 * CBDF-2024 Art 2 it is important only once notified, so we flag it for identification.
 */
import { type Bound, type Lang, meets } from "../law/index.js";

/** Tianjin FTZ data classification standard (2024-02-05, seed 003): PI of 1000万人以上, sensitive PI of 100万人以上. */
export const TIANJIN_LIKELY_IMPORTANT = {
  general: { atLeast: 10_000_000 },
  sensitive: { atLeast: 1_000_000 },
} as const satisfies Record<string, Bound>;
import type { DataMap } from "./datamap.js";
import type { Counts } from "./types.js";

export function notices(map: DataMap, cumulative: Counts, lang: Lang): string[] {
  const out: string[] = [];
  const p = map.processor;
  const inTianjin = p.region?.startsWith("12") || /tianjin|天津/i.test(p.ftz ?? "");
  if (inTianjin) {
    const total = p.personsProcessed ?? cumulative.general;
    if (meets(TIANJIN_LIKELY_IMPORTANT.general, total) || meets(TIANJIN_LIKELY_IMPORTANT.sensitive, cumulative.sensitive)) {
      out.push(
        lang === "zh"
          ? "按天津自贸试验区数据分类分级标准，个人信息1000万人以上或者敏感个人信息100万人以上的数据可能属于重要数据：请报请主管部门识别（在被告知前不作为重要数据申报，促进和规范数据跨境流动规定第二条）"
          : "Under the Tianjin FTZ classification standard, PI of ≥ 10,000,000 people or sensitive PI of ≥ 1,000,000 people is likely important data: report it for identification (it is not important data until notified, CBDF-2024 Art 2)",
      );
    }
  }
  if (p.ftz && !map.datasets.some((d) => d.inNegativeList)) {
    out.push(
      lang === "zh"
        ? `自由贸易试验区（${p.ftz}）负面清单外的数据可以免予申报；请确认该自贸区负面清单已经发布（问答第8问：清单出台前按国家规定执行）`
        : `Data outside the ${p.ftz} FTZ negative list is exempt; confirm that zone's negative list is in force (Q&A Q8: until it is, national rules apply)`,
    );
  }
  return out;
}
