/**
 * Filings owed for the services the map declares (`services[]`): algorithm, deep-synthesis and
 * generative-AI filings with the CAC (within 10 working days of launch; the filing number shown),
 * App filing (before service; Apps already running by 2024-03-31), and the graded-protection
 * (等级保护) filing within 30 days of a level-2+ system's grading, with its yearly test from level 3.
 */
import { addDays, addMonths, type IsoDate } from "../../calendar/date.js";
import type { Calendar } from "../../calendar/working-days.js";
import { ALGO_2021, ATFL_2022, type Bilingual, CSL, DS_2022, GENAI_2023, instrument, MLPS_2007, type Provision } from "../../law/index.js";
import type { Service } from "../datamap.js";
import { say } from "../messages.js";
import type { ItemDraft } from "./item.js";

/** ALGO-2021 Art 24: 10 working days from the first day of service. */
export const ALGORITHM_FILING_WORKING_DAYS = 10;
/** MLPS-2007 Art 15: 30 days after the level is determined. */
export const MLPS_FILING_DAYS = 30;
/** Seed 003 (MIIT's notice of 2023-08-04): Apps running before the notice filed by the end of March 2024. */
export const APP_STOCK_NOTICE = "2023-08-04";
export const APP_STOCK_DEADLINE = "2024-03-31";

const NAMES: Record<Service["kind"], Bilingual> = {
  algorithm: say("算法推荐服务", "an algorithmic recommendation service"),
  deep_synthesis: say("深度合成服务", "a deep-synthesis service"),
  generative_ai: say("生成式人工智能服务", "a generative-AI service"),
  app: say("移动互联网应用程序", "a mobile App"),
  information_system: say("信息系统", "an information system"),
};

const ALGORITHM_BASIS: Partial<Record<Service["kind"], Provision[]>> = {
  algorithm: [ALGO_2021.provisions.art24],
  deep_synthesis: [DS_2022.provisions.art19, ALGO_2021.provisions.art24],
  generative_ai: [GENAI_2023.provisions.art17, ALGO_2021.provisions.art24],
};

/**
 * A product that uses a filed generative-AI model shows the model's name and filing number
 * prominently or on its details page — the user's duty, not only the provider's (the CAC's
 * announcement of filed generative-AI services, seed 001; the filing is GENAI-2023 Art 17's).
 */
function modelShownItem(s: Service, label: string): ItemDraft {
  const m = s.model!;
  return {
    id: `show_model_filing:${s.id}`,
    kind: "show_model_filing",
    service: s.id,
    done: m.shown === true,
    action: say(
      `在显著位置或者产品详情页面公示所使用的已备案生成式人工智能服务：模型名称${m.name}，备案号${m.filingNumber}（国家网信办关于生成式人工智能服务已备案信息的公告）`,
      `Show the filed generative-AI service it uses, prominently or on the product's details page: model ${m.name}, filing number ${m.filingNumber} (the CAC's announcement of filed generative-AI services)`,
    ),
    trigger: say(`${label}：使用已备案的生成式人工智能模型${m.name}`, `${label}: uses the filed generative-AI model ${m.name}`),
    basis: [GENAI_2023.provisions.art17],
  };
}

export function serviceItems(services: readonly Service[], calendar: Calendar): ItemDraft[] {
  const out: ItemDraft[] = [];
  services.forEach((s, i) => {
    const label = `services[${i}] ${s.id}${s.name ? `（${s.name}）` : ""}`;
    const what = NAMES[s.kind];
    const filed = s.filingNumber !== undefined || s.filedDate !== undefined;
    if (s.model) out.push(modelShownItem(s, label));
    const basis = ALGORITHM_BASIS[s.kind];
    if (basis) {
      if (s.publicOpinion === false) return;
      // A service already running when its rules took effect counts from that day (our reading, docs/rules.md).
      const inForce = instrument(basis[0]!.cite.instrument)?.inForce ?? undefined;
      const from = s.launchDate && inForce && s.launchDate < inForce ? inForce : s.launchDate;
      const due = from ? calendar.shiftWorkingDays(from, ALGORITHM_FILING_WORKING_DAYS) : undefined;
      const trigger = say(
        `${label}：${what.zh}${s.launchDate ? `，${s.launchDate}上线` : ""}${from !== s.launchDate ? `，自${from}规定施行起算` : ""}${s.publicOpinion === undefined ? "；未填写 publicOpinion，按具有舆论属性或者社会动员能力计" : ""}`,
        `${label}: ${what.en}${s.launchDate ? ` launched on ${s.launchDate}` : ""}${from !== s.launchDate ? `, counted from ${from} when its rules took effect` : ""}${s.publicOpinion === undefined ? "; publicOpinion not given: read as having public-opinion attributes or social-mobilisation capability" : ""}`,
      );
      out.push({
        id: `service_filing:${s.id}`,
        kind: `${s.kind}_filing`,
        service: s.id,
        due: due?.date,
        provisional: due?.provisional,
        done: filed,
        doneOn: s.filedDate,
        action: say(
          `通过互联网信息服务算法备案系统履行备案手续${s.filingNumber ? `（备案号${s.filingNumber}）` : ""}`,
          `File through the CAC's algorithm filing system${s.filingNumber ? ` (filing number ${s.filingNumber})` : ""}`,
        ),
        trigger,
        condition: say(
          "仅适用于具有舆论属性或者社会动员能力的服务",
          "only for a service with public-opinion attributes or social-mobilisation capability",
        ),
        basis,
      });
      if (s.kind === "generative_ai") {
        // GENAI-2023 Art 17: 按照国家有关规定开展安全评估, beside the filing; the measures set no date of their own.
        out.push({
          id: `genai_security_assessment:${s.id}`,
          kind: "generative_ai_security_assessment",
          service: s.id,
          doneOn: s.securityAssessedDate,
          action: say("按照国家有关规定开展安全评估", "Carry out the security assessment as the state provides"),
          trigger,
          condition: say(
            "仅适用于具有舆论属性或者社会动员能力的服务；评估的时点和内容按照国家有关规定",
            "only for a service with public-opinion attributes or social-mobilisation capability; when and how, as the state's rules on such assessments provide",
          ),
          basis: [GENAI_2023.provisions.art17],
        });
      }
      if (s.filingNumber) {
        out.push({
          id: `show_filing_number:${s.id}`,
          kind: "show_filing_number",
          service: s.id,
          done: s.numberShown === true,
          action:
            s.kind === "generative_ai"
              ? say(
                  `在显著位置公示所使用的模型名称及备案号${s.filingNumber}`,
                  `Show the model's name and filing number ${s.filingNumber} prominently`,
                )
              : say(
                  `在显著位置标明备案编号${s.filingNumber}并提供公示信息链接`,
                  `Show filing number ${s.filingNumber} prominently, with a link to the public record`,
                ),
          trigger,
          basis: s.kind === "generative_ai" ? [GENAI_2023.provisions.art17] : [ALGO_2021.provisions.art26],
        });
      }
      return;
    }
    if (s.kind === "app") {
      const stock = s.launchDate !== undefined && s.launchDate <= APP_STOCK_NOTICE;
      out.push({
        id: `service_filing:${s.id}`,
        kind: "app_filing",
        service: s.id,
        due: stock ? APP_STOCK_DEADLINE : s.launchDate,
        done: filed,
        doneOn: s.filedDate,
        action: say(
          `通过网络接入服务提供者或者分发平台向住所地省级通信管理局办理App备案${s.filingNumber ? `（备案号${s.filingNumber}）` : ""}`,
          `File the App with the provincial communications administration, through its network access provider or distribution platform${s.filingNumber ? ` (filing number ${s.filingNumber})` : ""}`,
        ),
        trigger: say(
          `${label}：${what.zh}${stock ? "，通知发布前已上线（存量App，2024年3月31日前）" : "，先备案后服务"}`,
          `${label}: ${what.en}${stock ? ", running before MIIT's notice (an existing App: by 2024-03-31)" : ", filed before it is offered"}`,
        ),
        basis: [ATFL_2022.provisions.art23],
      });
      return;
    }
    // information_system
    if (s.level === undefined || s.level < 2) return;
    out.push({
      id: `service_filing:${s.id}`,
      kind: "mlps_filing",
      service: s.id,
      due: s.levelDate ? addDays(s.levelDate, MLPS_FILING_DAYS) : undefined,
      done: filed,
      doneOn: s.filedDate,
      action: say(
        "向所在地设区的市级以上公安机关办理等级保护备案",
        "File the system under the multi-level protection scheme with the city-level (or higher) public-security organ",
      ),
      trigger: say(
        `${label}：第${s.level}级${s.levelDate ? `，${s.levelDate}定级` : ""}`,
        `${label}: level ${s.level}${s.levelDate ? `, graded on ${s.levelDate}` : ""}`,
      ),
      basis: [CSL.provisions.art21, MLPS_2007.provisions.art15],
    });
    if (s.level >= 3) {
      const from: IsoDate | undefined = s.lastTestDate;
      const half = s.level >= 4;
      out.push({
        id: `mlps_test:${s.id}`,
        kind: "mlps_test",
        service: s.id,
        due: from ? addMonths(from, half ? 6 : 12) : undefined,
        recurs: half ? "P6M" : "P1Y",
        action: say(
          half ? "开展等级测评（每半年至少一次）" : "开展等级测评（每年至少一次）",
          half ? "Have the system tested (at least every six months)" : "Have the system tested (at least once a year)",
        ),
        trigger: say(
          `${label}：第${s.level}级${from ? `，上次测评${from}` : "，未填写上次测评日期"}`,
          `${label}: level ${s.level}${from ? `, last tested ${from}` : ", no last test date given"}`,
        ),
        basis: [CSL.provisions.art21, MLPS_2007.provisions.art14],
      });
    }
  });
  return out;
}
