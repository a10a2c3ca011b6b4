/**
 * The register's processor-wide duties: PI protection compliance audits (PIPL Arts 54, 64;
 * PIPCA-2025, with its 2023 draft shown beside as not law), the PI protection officer (PIPL Art 52,
 * PIPCA-2025), the duties of important-data processors and of processors of PI of 10,000,000 people
 * or more (NDSR-2024 Arts 28, 30, 32, 33), and incident reporting (CBDF-2024 Art 11) with notice to
 * individuals (PIPL Art 57).
 */
import { addYears, type IsoDate, yearOf } from "../../calendar/date.js";
import type { Calendar } from "../../calendar/working-days.js";
import { CBDF_2024, DSL, inForceOn, meets, NDSR_2024, PIPCA_2025, PIPCA_DRAFT_2023, PIPL } from "../../law/index.js";
import type { DataMap } from "../datamap.js";
import { num, say } from "../messages.js";
import { IDENTIFY_IMPORTANT_DATA } from "../obligations.js";
import type { ItemDraft } from "./item.js";

/** PIPCA-2025 Art 4: 超过1000万人 (excludes the number: regulations.md §0). */
export const AUDIT_BIENNIAL = { over: 10_000_000 } as const;
/** PIPCA-2025 Art 12: 100万人以上 (includes it). */
export const OFFICER_REQUIRED = { atLeast: 1_000_000 } as const;
/** NDSR-2024 Art 28: 1000万人以上 (includes it). */
export const NDSR_LARGE_PROCESSOR = { atLeast: 10_000_000 } as const;
/** PIPCA-DRAFT-2023 Art 4: 超过100万人 audits yearly, others every two years. */
export const DRAFT_AUDIT_YEARLY = { over: 1_000_000 } as const;
/** The officer's report: within 30 working days of reaching the number, or of the CAC's announcement (secondary). */
export const OFFICER_REPORT_WORKING_DAYS = 30;
export const OFFICER_ANNOUNCEMENT = "2025-07-18";

const sortedAudits = (map: DataMap) =>
  map.audits.filter((a): a is typeof a & { date: IsoDate } => a.date !== undefined).sort((x, y) => x.date.localeCompare(y.date));

export function auditItems(map: DataMap, asOf: IsoDate): { items: ItemDraft[]; drafts: ItemDraft[] } {
  const items: ItemDraft[] = [];
  const drafts: ItemDraft[] = [];
  const persons = map.processor.personsProcessed;
  const done = sortedAudits(map);
  const regular = done.filter((a) => a.kind === "regular");
  const last = regular.at(-1)?.date;
  const pipca = inForceOn(PIPCA_2025, asOf);
  if (pipca && persons !== undefined && meets(AUDIT_BIENNIAL, persons)) {
    // The cycle starts when the measures took effect or the processor first exceeded the number; audits
    // before that do not count (our reading, docs/rules.md).
    const since = [PIPCA_2025.inForce, map.processor.overTenMillionSince ?? PIPCA_2025.inForce].sort().at(-1) as IsoDate;
    const anchor = last !== undefined && last >= since ? last : since;
    items.push({
      id: "compliance_audit",
      kind: "compliance_audit",
      due: addYears(anchor, 2),
      recurs: "P2Y",
      action: say("开展个人信息保护合规审计（每两年至少一次）", "Run the PI protection compliance audit (at least once every two years)"),
      trigger: say(
        `处理${num(persons)}人的个人信息（超过1000万人）；${anchor === last ? `上次审计${last}` : `自${since}起算`}`,
        `PI of ${num(persons)} people is processed (more than 10,000,000); ${anchor === last ? `last audit ${last}` : `counted from ${since}`}`,
      ),
      basis: [PIPCA_2025.provisions.art4, PIPL.provisions.art54],
    });
  } else {
    items.push({
      id: "compliance_audit",
      kind: "compliance_audit",
      doneOn: last,
      action: say(
        "定期开展个人信息保护合规审计（法律未规定周期）",
        "Audit PI protection compliance regularly (no interval is set for this size)",
      ),
      trigger:
        persons === undefined
          ? say(
              "未填写 processor.personsProcessed：无法判断是否适用每两年一次的审计",
              "processor.personsProcessed is not given: whether the two-year cadence applies is unknown",
            )
          : say(
              `处理${num(persons)}人的个人信息（未超过1000万人）`,
              `PI of ${num(persons)} people is processed (not more than 10,000,000)`,
            ),
      basis: [PIPL.provisions.art54, pipca && PIPCA_2025.provisions.art4],
    });
  }
  if (persons !== undefined) {
    const yearly = meets(DRAFT_AUDIT_YEARLY, persons);
    drafts.push({
      id: "compliance_audit:draft-2023",
      kind: "compliance_audit",
      due: last ? addYears(last, yearly ? 1 : 2) : undefined,
      recurs: yearly ? "P1Y" : "P2Y",
      action: yearly
        ? say("征求意见稿（未生效）：每年至少审计一次", "Draft, never law: audit at least once a year")
        : say("征求意见稿（未生效）：每两年至少审计一次", "Draft, never law: audit at least once every two years"),
      trigger: say(`处理${num(persons)}人的个人信息`, `PI of ${num(persons)} people is processed`),
      basis: [PIPCA_DRAFT_2023.provisions.art4],
    });
  }
  map.audits.forEach((a, i) => {
    if (a.kind !== "ordered") return;
    items.push({
      id: `ordered_audit:${i}`,
      kind: "ordered_audit",
      due: a.deadline,
      doneOn: a.date,
      action: say("委托专业机构完成监管部门要求的合规审计", "Have a professional body complete the audit the authorities ordered"),
      trigger: say(
        `audits[${i}]：${a.orderedDate ?? ""}监管部门要求`,
        `audits[${i}]: ordered${a.orderedDate ? ` on ${a.orderedDate}` : ""}`,
      ),
      condition:
        a.deadline === undefined
          ? say("在监管部门规定的时限内（未填写 deadline）", "within the time limit the authorities set (no deadline given)")
          : undefined,
      basis: [PIPL.provisions.art64, pipca && PIPCA_2025.provisions.art5],
    });
  });
  // 不得连续三次以上: three in a row is already too many (以上 includes the number), so after two the firm must change.
  const byFirm = done.filter((a) => a.firm !== undefined && !/^(internal|内部)/i.test(a.firm.trim()));
  const [p, q] = byFirm.slice(-2);
  if (pipca && p && q && p.firm!.trim().toLowerCase() === q.firm!.trim().toLowerCase()) {
    items.push({
      id: "audit_firm_rotation",
      kind: "audit_firm_rotation",
      due: items.find((x) => x.id === "compliance_audit")?.due,
      on: say("下次合规审计", "the next audit"),
      action: say(
        `下次合规审计不得再委托${q.firm}（及其关联机构、同一审计负责人）`,
        `The next audit may not be done by ${q.firm} (nor an affiliate, nor the same lead)`,
      ),
      trigger: say(`${p.date}和${q.date}的审计均由${q.firm}开展`, `${q.firm} did the audits of ${p.date} and ${q.date}`),
      basis: [PIPCA_2025.provisions.art13],
      status: "upcoming",
    });
  }
  return { items, drafts };
}

export function officerItems(map: DataMap, asOf: IsoDate, calendar: Calendar): ItemDraft[] {
  const persons = map.processor.personsProcessed;
  if (persons === undefined || !inForceOn(PIPCA_2025, asOf) || !meets(OFFICER_REQUIRED, persons)) return [];
  const o = map.processor.protectionOfficer ?? {};
  const from = [OFFICER_ANNOUNCEMENT, o.reachedDate ?? OFFICER_ANNOUNCEMENT].sort().at(-1) as IsoDate;
  const due = calendar.shiftWorkingDays(from, OFFICER_REPORT_WORKING_DAYS);
  const trigger = say(
    `处理${num(persons)}人的个人信息（100万人以上）${o.reachedDate ? `，${o.reachedDate}达到` : "；未填写达到日期，按公告发布前已达到计"}`,
    `PI of ${num(persons)} people is processed (1,000,000 or more)${o.reachedDate ? `, reached on ${o.reachedDate}` : "; no date reached given: read as reached before the CAC's announcement"}`,
  );
  const basis = [PIPL.provisions.art52, PIPCA_2025.provisions.art12];
  return [
    {
      id: "protection_officer_designation",
      kind: "protection_officer_designation",
      due: due.date,
      provisional: due.provisional,
      done: o.designated === true || o.reportedDate !== undefined,
      action: say("指定个人信息保护负责人并公开其联系方式", "Designate a PI protection officer and publish the officer's contact details"),
      trigger,
      basis,
    },
    {
      id: "protection_officer_report",
      kind: "protection_officer_report",
      due: due.date,
      provisional: due.provisional,
      doneOn: o.reportedDate,
      action: say("向网信部门报送个人信息保护负责人信息", "Report the PI protection officer to the CAC"),
      trigger,
      condition: say(
        `达到100万人之日（或2025年7月18日公告之日）起${OFFICER_REPORT_WORKING_DAYS}个工作日内（公告：二手来源）`,
        `within ${OFFICER_REPORT_WORKING_DAYS} working days of reaching 1,000,000 people (or of the CAC's announcement of 2025-07-18; secondary source)`,
      ),
      basis,
    },
  ];
}

export function dataSecurityItems(map: DataMap, asOf: IsoDate): ItemDraft[] {
  const out: ItemDraft[] = [];
  // CBDF-2024 Art 2: every processor, as xborder assess lists it (processorObligations) — a standing duty.
  if (inForceOn(CBDF_2024, asOf)) {
    out.push({
      id: "identify_and_report_important_data",
      kind: "identify_and_report_important_data",
      on: say("按照相关规定识别重要数据时（持续）", "as the relevant rules and catalogues identify important data (ongoing)"),
      action: IDENTIFY_IMPORTANT_DATA,
      trigger: say("数据处理者", "every data processor"),
      basis: [CBDF_2024.provisions.art2],
    });
  }
  const ndsr = inForceOn(NDSR_2024, asOf);
  const important = map.datasets.filter((d) => d.importantData).map((d) => d.id);
  const persons = map.processor.personsProcessed;
  const large = persons !== undefined && meets(NDSR_LARGE_PROCESSOR, persons);
  if (important.length > 0) {
    const year = yearOf(asOf);
    const years = ndsr && year - 1 >= yearOf(NDSR_2024.inForce) ? [year - 1, year] : [year];
    for (const y of years) {
      const done = map.riskAssessments.find((r) => yearOf(r.date) === y);
      out.push({
        id: `risk_assessment:${y}`,
        kind: "risk_assessment",
        due: `${y}-12-31`,
        recurs: "P1Y",
        doneOn: done?.date,
        action: say(
          `开展${y}年度数据处理活动风险评估并报送省级以上主管部门`,
          `Run the ${y} risk assessment of the data processing and report it to the provincial-level (or higher) authorities`,
        ),
        trigger: say(`重要数据：${important.join("、")}`, `important data: ${important.join(", ")}`),
        basis: [DSL.provisions.art30, ndsr && NDSR_2024.provisions.art33],
      });
    }
  }
  if (ndsr && (important.length > 0 || large)) {
    const trigger = large
      ? say(`处理${num(persons!)}人的个人信息（1000万人以上）`, `PI of ${num(persons!)} people is processed (10,000,000 or more)`)
      : say(`重要数据：${important.join("、")}`, `important data: ${important.join(", ")}`);
    const via = large && important.length === 0 ? [NDSR_2024.provisions.art28] : [];
    out.push({
      id: "data_security_officer",
      kind: "data_security_officer",
      done: map.processor.dataSecurityOfficer === true,
      action: say(
        "明确网络数据安全负责人和网络数据安全管理机构",
        "Name a network data security officer and a network data security management body",
      ),
      trigger,
      basis: [...via, NDSR_2024.provisions.art30],
    });
    out.push({
      id: "restructuring_report",
      kind: "restructuring_report",
      on: say("合并、分立、解散、破产等可能影响重要数据安全时", "a merger, division, dissolution or bankruptcy that may affect the data"),
      action: say(
        "采取措施保障数据安全，并向省级以上有关主管部门报告",
        "Secure the data and report to the provincial-level (or higher) authorities",
      ),
      trigger,
      basis: [...via, NDSR_2024.provisions.art32],
    });
  }
  return out;
}

/**
 * Incidents: remedial measures and a report to the provincial-level (or higher) CAC and the other
 * competent departments (CBDF-2024 Art 11); where PI is involved, notice to the PI authorities and
 * to individuals, the latter not owed where the measures effectively avoid harm unless the
 * authorities ask (PIPL Art 57) — CBDF-2024 Art 11 itself asks no notice to individuals.
 */
export function incidentItems(map: DataMap, asOf: IsoDate): ItemDraft[] {
  const on = say("发生或者可能发生数据安全事件时", "a data security incident, actual or possible");
  const trigger = say("数据出境活动", "outbound transfers");
  const out: ItemDraft[] = [];
  if (inForceOn(CBDF_2024, asOf)) {
    out.push({
      id: "incident_reporting",
      kind: "incident_reporting",
      on,
      action: say(
        "采取补救措施，及时向省级以上网信部门和其他有关主管部门报告",
        "Take remedial measures and report promptly to the provincial-level (or higher) CAC and the other competent departments",
      ),
      trigger,
      basis: [CBDF_2024.provisions.art11],
    });
  }
  if (map.datasets.some((d) => d.personalInformation)) {
    out.push({
      id: "incident_notice",
      kind: "incident_notice",
      on: say("发生或者可能发生个人信息泄露、篡改、丢失时", "a leak, tampering or loss of PI, actual or possible"),
      action: say(
        "立即采取补救措施，并通知履行个人信息保护职责的部门和个人",
        "Take remedial measures at once and notify the PI protection authorities and the individuals",
      ),
      trigger,
      condition: say(
        "采取措施能够有效避免信息泄露、篡改、丢失造成危害的，可以不通知个人；履行个人信息保护职责的部门认为可能造成危害的，有权要求通知个人",
        "individuals need not be told where the measures taken effectively avoid harm, unless the authorities consider harm possible and require it",
      ),
      basis: [PIPL.provisions.art57],
    });
  }
  return out;
}
