/**
 * Processor-level remarks that do not change a pathway but a compliance officer must see.
 * - Tianjin FTZ classification standard (seed 003, regulations.md §8): four criteria make PI
 *   likely important data, read on the PI the processor *holds* (`personsProcessed` and the
 *   datasets' categories), not on what it sends. Under CBDF-2024 Art 2 such data is important
 *   only once notified: we flag it for identification, we do not treat it as important.
 * - The free-trade-zone list a processor's transfers were read against (or that none applies),
 *   saying the same as the transfers' pathways.
 */
import type { IsoDate } from "../calendar/date.js";
import { type Bound, type Lang, meets } from "../law/index.js";
import { firstList, ftzLists, listInForce, zoneOf } from "../law/ftz.js";
import type { DataMap } from "./datamap.js";
import { listLabel } from "./ftz.js";
import { num, say } from "./messages.js";

/** Tianjin FTZ data classification standard (2024-02-05, seed 003): the PI criteria for likely important data. */
export const TIANJIN_LIKELY_IMPORTANT = {
  /** PI of 1000万人以上 held */
  general: { atLeast: 10_000_000 },
  /** sensitive PI of 100万人以上 held */
  sensitive: { atLeast: 1_000_000 },
  /** sensitive PI of 10万人以上 including bank, insurance or registered accounts, or medical records */
  accountsOrMedical: { atLeast: 100_000 },
} as const satisfies Record<string, Bound>;

/**
 * The standard is the Tianjin FTZ's, for enterprises in the zone (`ftz: tianjin`); a processor
 * registered elsewhere in Tianjin (region 12…) is shown the same criteria as a reference only.
 */
function tianjinNotices(map: DataMap): { zh: string; en: string }[] {
  const p = map.processor;
  const inZone = p.ftz !== null && p.ftz !== undefined && zoneOf(p.ftz) === "tianjin";
  const reference = !inZone && p.region?.startsWith("12") === true;
  if (!inZone && !reference) return [];
  const pi = map.datasets.filter((d) => d.personalInformation);
  if (pi.length === 0) return [];
  const sensitive = pi.some((d) => d.sensitive.length > 0);
  const accountsOrMedical = pi.some((d) => d.sensitive.includes("financial_account") || d.sensitive.includes("medical_health"));
  const held = p.personsProcessed;
  const met: { zh: string; en: string }[] = [];
  if (held !== undefined && meets(TIANJIN_LIKELY_IMPORTANT.general, held)) {
    met.push(say(`处理${num(held)}人个人信息（1000万人以上）`, `PI of ${num(held)} people held (10,000,000 or more)`));
  }
  if (held !== undefined && sensitive && meets(TIANJIN_LIKELY_IMPORTANT.sensitive, held)) {
    met.push(
      say(
        `处理${num(held)}人个人信息且含敏感个人信息：敏感个人信息达到100万人以上的`,
        `PI of ${num(held)} people held, with sensitive PI: if that sensitive PI covers 1,000,000 people or more`,
      ),
    );
  }
  if (held !== undefined && accountsOrMedical && meets(TIANJIN_LIKELY_IMPORTANT.accountsOrMedical, held)) {
    met.push(
      say(
        `处理${num(held)}人个人信息，含银行、保险、注册账户或者病历等敏感个人信息：达到10万人以上的`,
        `PI of ${num(held)} people held, with bank, insurance or registered accounts or medical records: if those cover 100,000 people or more`,
      ),
    );
  }
  if (p.ciio && sensitive) {
    met.push(say("关键信息基础设施运营者处理的敏感个人信息", "sensitive PI held by a CIIO"));
  }
  const out: { zh: string; en: string }[] = [];
  if (met.length && reference) {
    out.push(
      say(
        `天津自贸试验区企业数据分类分级标准适用于自贸试验区内企业；数据图未写明 processor.ftz: tianjin，以下仅供参考：${met.map((m) => m.zh).join("；")}，按该标准可能属于重要数据。重要数据的识别、申报按照相关规定进行（《促进和规范数据跨境流动规定》第二条）`,
        `The Tianjin FTZ data classification standard applies to enterprises in the zone; the data map does not declare processor.ftz: tianjin, so for reference only: ${met.map((m) => m.en).join("; ")} would be likely important data under it. Important data is identified and reported under the relevant rules (CBDF-2024 Art 2)`,
      ),
    );
  } else if (met.length) {
    out.push(
      say(
        `按天津自贸试验区企业数据分类分级标准，以下数据可能属于重要数据：${met.map((m) => m.zh).join("；")}。请报请主管部门识别（在被告知或者公开发布前不作为重要数据申报安全评估，但应当识别、申报，《促进和规范数据跨境流动规定》第二条）`,
        `Under the Tianjin FTZ data classification standard this data is likely important data: ${met.map((m) => m.en).join("; ")}. Report it for identification (until notified or announced it is not declared as important data for an assessment, but it must be identified and reported: CBDF-2024 Art 2)`,
      ),
    );
  } else if (held === undefined && inZone) {
    out.push(
      say(
        "数据图未写明处理个人信息的总人数（personsProcessed）：无法按天津自贸试验区数据分类分级标准判断是否可能属于重要数据",
        "The data map does not give personsProcessed: the Tianjin FTZ classification standard's important-data criteria (on PI held) cannot be checked",
      ),
    );
  }
  return out;
}

function ftzNotices(map: DataMap, asOf: IsoDate): { zh: string; en: string }[] {
  const p = map.processor;
  const lists = ftzLists();
  if (!p.ftz) {
    const beijing = p.region?.startsWith("11") && !p.ciio ? listInForce("beijing", asOf, lists) : undefined;
    if (beijing?.scope.registration !== "city") return [];
    return [
      say(
        `${listLabel(beijing).zh}适用于北京全市：如拟适用，请在数据图中写明 processor.ftz: beijing，并完成使用申请和备案`,
        `${capitalise(listLabel(beijing).en)} applies city-wide in Beijing: to have it considered, declare processor.ftz: beijing and complete the zone's application and filing`,
      ),
    ];
  }
  const zone = zoneOf(p.ftz, lists);
  const list = zone ? listInForce(zone, asOf, lists) : undefined;
  if (!list) {
    const name = zone ? (firstList(zone, lists)?.zoneName.zh ?? p.ftz) : `自由贸易试验区（${p.ftz}）`;
    return [
      say(
        `${name}在评估日没有可适用的负面清单：各出境活动按照国家规定判断（问答第8问）；已知清单见 xborder ftz`,
        `The ${p.ftz} zone has no negative list in force on this date: every transfer is decided under the national rules (Q&A Q8); the known lists: xborder ftz`,
      ),
    ];
  }
  const marks = [list.published.mark, list.effective.mark, list.procedure.mark];
  const weakest = marks.includes("unverified") ? "unverified" : marks.includes("secondary") ? "secondary" : "official";
  const weakZh = { official: "官方来源", secondary: "二手来源", unverified: "部分未核实" }[weakest];
  return [
    say(
      `自由贸易试验区：各出境活动按${listLabel(list).zh}（${list.from}起）判断，只有逐项满足第六条的条件才免予申报，否则按国家规定；该清单的依据为${weakZh}，未核实事项${list.unverified.length}项，详见 xborder ftz`,
      `Free trade zone: transfers were read against ${listLabel(list).en} (from ${list.from}); Art 6 exempts only where each of its conditions holds, otherwise the national rules decide; the list's facts are ${weakest}, with ${list.unverified.length} unverified point(s): see xborder ftz`,
    ),
  ];
}

const capitalise = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

export function notices(map: DataMap, asOf: IsoDate, lang: Lang): string[] {
  return [...tianjinNotices(map), ...ftzNotices(map, asOf)].map((n) => n[lang]);
}
