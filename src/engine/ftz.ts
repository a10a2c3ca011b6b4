/**
 * CBDF-2024 Art 6: the free-trade-zone exemption, applied only when all five conditions of
 * CBDF-2024 Art 6 para 2 and each zone's published list hold (docs/rules.md, Art 6 para 2; data/ftz/):
 * (1) a list of the processor's zone can be relied on on the date (before it, Q&A Q8: national
 * rules), and the processor is registered within its scope; (2) not a CIIO; (3) for a scenario
 * list, the transfer's sector and scenario are ones it covers (`ftzCovered`); (4) the data hits
 * no listed row (`inNegativeList`); (5) the zone's own procedure is done (`ftzListFiled`).
 * Important data and core data are decided before any exemption is read (cbdf.ts), so an FTZ
 * exemption never lifts them.
 */
import type { IsoDate } from "../calendar/date.js";
import type { Bilingual } from "../law/index.js";
import { firstList, type FtzList, ftzLists, listInForce, zoneOf } from "../law/ftz.js";
import type { Dataset, Processor, Transfer } from "./datamap.js";
import { say } from "./messages.js";

export interface FtzFinding {
  /** Art 6 exempts this transfer. */
  applies: boolean;
  /** The list the finding rests on, where one is in force. */
  list?: FtzList;
  reasons: Bilingual[];
}

/** The zone's Chinese and English names and its list's title, for messages. */
export const listLabel = (l: FtzList): Bilingual => say(`《${l.title}》`, `the ${l.zoneName.en} list (${l.edition} edition)`);

export function ftzFinding(
  p: Processor,
  t: Transfer,
  d: Dataset,
  asOf: IsoDate,
  lists: readonly FtzList[] = ftzLists(),
): FtzFinding | undefined {
  if (!p.ftz) return undefined;
  const fail = (reason: Bilingual, list?: FtzList): FtzFinding => ({
    applies: false,
    list,
    reasons: [reason, say("按国家数据出境规定判断（第六条不适用）", "National rules decide this transfer (Art 6 does not apply)")],
  });
  const zone = zoneOf(p.ftz, lists);
  if (!zone) {
    return fail(
      say(
        `未掌握“${p.ftz}”自由贸易试验区已发布的负面清单：清单出台前按照国家数据出境安全管理有关规定执行（问答第8问）`,
        `No negative list is known for the "${p.ftz}" zone: until a zone's list is issued, national rules apply (Q&A Q8)`,
      ),
    );
  }
  const list = listInForce(zone, asOf, lists);
  if (!list) {
    const first = firstList(zone, lists);
    return fail(
      say(
        `评估日${first?.zoneName.zh ?? ""}尚无可适用的负面清单（${first ? `《${first.title}》自${first.from}起` : "未发布"}）：清单出台前按照国家规定执行（问答第8问）`,
        `On this date the ${first?.zoneName.en ?? zone} has no negative list in force (${first ? `its first applies from ${first.from}` : "none issued"}): until then, national rules apply (Q&A Q8)`,
      ),
    );
  }
  const label = listLabel(list);
  const province = p.region?.slice(0, 2);
  if (province !== undefined && province !== list.province) {
    return fail(
      say(
        `处理者登记在${p.region}，不在${list.zoneName.zh}范围内，不能适用${label.zh}`,
        `The processor is registered in ${p.region}, outside the ${list.zoneName.en}: ${label.en} does not apply to it`,
      ),
      list,
    );
  }
  if (p.ciio) {
    return fail(
      say(
        `关键信息基础设施运营者不适用自由贸易试验区负面清单（${label.zh}适用范围；第七条第一款第一项）`,
        `A CIIO cannot use a zone's negative list (the scope of ${label.en}; Art 7(1)(1))`,
      ),
      list,
    );
  }
  if (list.structure === "scenario" && t.ftzCovered !== true) {
    const sectors = list.sectors === "all" ? "" : list.sectors.map((s) => s.name).join("、");
    return fail(
      t.ftzCovered === false
        ? say(
            `该出境活动的行业、场景不在${label.zh}覆盖范围内：未纳入清单的行业与场景，数据出境义务不受影响`,
            `The transfer's sector and scenario are not among those ${label.en} covers: outside them the national duties are unchanged`,
          )
        : say(
            `${label.zh}按行业、场景制定${sectors ? `（已知行业：${sectors}）` : ""}；数据图未写明该出境活动属于清单覆盖的行业和场景（ftzCovered），第六条不适用`,
            `${label.en} covers listed sectors and scenarios only${sectors ? ` (known: ${list.sectors === "all" ? "" : list.sectors.map((s) => s.name).join(", ")})` : ""}; the data map does not say this transfer is one of them (declare ftzCovered: true if it is)`,
          ),
      list,
    );
  }
  if (d.inNegativeList) {
    return fail(
      say(
        `数据属于${label.zh}所列数据：按清单所列要求（安全评估或者标准合同、认证）办理`,
        `The data is on ${label.en}: the mechanism the list names (assessment, or contract or certification) applies`,
      ),
      list,
    );
  }
  const reasons: Bilingual[] = [];
  if (list.procedure.required === true && p.ftzListFiled !== true) {
    return fail(
      say(
        `${list.zoneName.zh}要求使用清单前办理：${list.procedure.description.zh}；数据图未写明已办理（ftzListFiled），第六条不适用`,
        `The ${list.zoneName.en} requires, before the list is used: ${list.procedure.description.en}; the data map does not say it is done (declare processor.ftzListFiled: true once it is)`,
      ),
      list,
    );
  }
  if (list.procedure.required === null) {
    reasons.push(
      say(
        `${list.zoneName.zh}是否要求使用前备案或者报备尚未核实：请向自贸区管理机构确认`,
        `Whether the ${list.zoneName.en} requires a filing or report before its list is used is unverified: confirm with the zone`,
      ),
    );
  }
  reasons.unshift(
    say(
      `处理者在${list.zoneName.zh}，适用${label.zh}（${list.from}起）${list.structure === "classification" ? "，该清单覆盖所有行业" : "，出境活动属于清单覆盖的行业和场景"}，数据不在清单内：免予申报（第六条第二款）`,
      `The processor is in the ${list.zoneName.en}, whose ${list.edition} list applies (from ${list.from})${list.structure === "classification" ? ", a list covering every sector" : ", the transfer being in a sector and scenario it covers"}; the data is not on it: exempt (Art 6 para 2)`,
    ),
  );
  return { applies: true, list, reasons };
}
