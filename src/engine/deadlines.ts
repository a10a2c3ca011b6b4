/**
 * Deadlines from filings (contracts §3), on China's working-day calendar.
 * - standard contracts (national: SCM-2023 Art 7; GBA: guideline Art 7): the 10th working day
 *   after the contract takes effect, the start day not counted;
 * - security assessments: valid 2 years (SAM-2022 Art 14, results issued before 2024-03-22)
 *   or 3 years (CBDF-2024 Art 9); extension window opens on the 60th working day before expiry,
 *   only if no re-declaration trigger has occurred (the entry says so: regulations.md §0);
 * - an assessment under way: SAM-2022's review clocks — completeness 5 and acceptance 7 working
 *   days (Art 7), the assessment 45 working days from acceptance (Art 12, extendable), and 15
 *   working days to ask for a re-review of a refusal (Art 13).
 */
import { addYears, type IsoDate } from "../calendar/date.js";
import { type Calendar, CalendarRangeError, defaultCalendar } from "../calendar/working-days.js";
import {
  type Bilingual,
  CBDF_2024,
  citationOf,
  GBA_HK_2023,
  GBA_MO_2024,
  inForceOn,
  type Lang,
  type Provision,
  SAM_2022,
  SCM_2023,
} from "../law/index.js";
import type { DataMap } from "./datamap.js";
import { say } from "./messages.js";
import type { Deadline, DeadlineKind } from "./types.js";

/** Working days to file a standard contract (SCM-2023 Art 7; GBA-MO-2024 Art 7). */
export const FILING_WORKING_DAYS = 10;
/** Working days before expiry when an extension may be applied for (CBDF-2024 Art 9). */
export const EXTENSION_WORKING_DAYS = 60;
/** SAM-2022 Art 7: the provincial CAC's completeness check; the CAC's decision to accept. */
export const COMPLETENESS_WORKING_DAYS = 5;
export const ACCEPTANCE_WORKING_DAYS = 7;
/** SAM-2022 Art 12: the assessment, from the written notice of acceptance (extendable). */
export const REVIEW_WORKING_DAYS = 45;
/** SAM-2022 Art 13: a re-review may be asked for within 15 working days of receiving the result. */
export const REREVIEW_WORKING_DAYS = 15;

const CONDITIONS: Partial<Record<DeadlineKind, Bilingual>> = {
  extension_window_opens: say(
    "仅在有效期届满需要继续开展数据出境活动且未发生需要重新申报数据出境安全评估情形时，可在届满前60个工作日内通过所在地省级网信部门向国家网信部门申请延长；发生重新申报情形的，应当重新申报",
    "Only if the transfer is to continue and nothing has occurred that requires a new declaration: then an extension may be applied for through the provincial CAC within the 60 working days before expiry; otherwise a new declaration is needed",
  ),
  reapplication_due: say(
    "有效期届满需要继续出境的，应当在届满60个工作日前重新申报",
    "Only if the transfer is to continue after expiry: re-apply 60 working days before it",
  ),
  completeness_check_due: say(
    "省级网信部门自收到申报材料之日起5个工作日内完成完备性查验（以提交日为收到日）",
    "The provincial CAC checks completeness within 5 working days of receipt (the submission date taken as the day of receipt)",
  ),
  acceptance_decision_due: say(
    "国家网信部门自收到申报材料之日起7个工作日内确定是否受理；按省级网信部门在查验期限最后一日报送推算的最晚日期",
    "The CAC decides within 7 working days of receiving the material whether to accept it; the latest date, if the province forwards it on the last day of its check",
  ),
  review_due: say(
    "自书面受理通知书发出之日起45个工作日内完成评估；情况复杂或者需要补充、更正材料的，可以适当延长",
    "The CAC completes the assessment within 45 working days of the written notice of acceptance; it may extend this where the case is complex or material must be supplemented",
  ),
  rereview_request_due: say(
    "对评估结果有异议的，可以在收到评估结果15个工作日内申请复评（以结果出具日为收到日）",
    "To contest the result, ask for a re-review within 15 working days of receiving it (the result date taken as the day of receipt)",
  ),
};

export interface DeadlineOptions {
  calendar?: Calendar;
  lang?: Lang;
}

export function deadlinesFor(map: DataMap, asOf: IsoDate, opts: DeadlineOptions = {}): Deadline[] {
  const calendar = opts.calendar ?? defaultCalendar();
  const lang = opts.lang ?? "en";
  return map.filings.flatMap((f, i) => {
    try {
      return filingDeadlines(map, f, i, asOf, calendar, lang);
    } catch (e) {
      if (!(e instanceof CalendarRangeError)) throw e;
      throw new CalendarRangeError(`filings[${i}]: ${e.message}`);
    }
  });
}

/** The deadlines of one filing (`i`: its place in the map). */
function filingDeadlines(
  map: DataMap,
  f: DataMap["filings"][number],
  i: number,
  asOf: IsoDate,
  calendar: Calendar,
  lang: Lang,
): Deadline[] {
  const out: Deadline[] = [];
  const add = (kind: DeadlineKind, date: IsoDate, basis: Provision, provisional: boolean) => {
    const d: Deadline = {
      filing: i,
      transfer: f.transfer,
      kind,
      date,
      basis: [citationOf(basis)],
      status: date < asOf ? "passed" : "upcoming",
    };
    if (provisional) d.provisional = true;
    const condition = CONDITIONS[kind];
    if (condition) d.condition = condition[lang];
    out.push(d);
  };
  const shift = (from: IsoDate, n: number) => calendar.shiftWorkingDays(from, n);
  if (f.type === "standard_contract" || f.type === "gba_standard_contract") {
    const due = shift(f.effectiveDate as IsoDate, FILING_WORKING_DAYS);
    add(
      "filing_due",
      due.date,
      f.type === "standard_contract" ? SCM_2023.provisions.art7 : gbaFilingBasis(map, f.transfer),
      due.provisional,
    );
    return out;
  }
  if (f.submittedDate !== undefined) {
    const complete = shift(f.submittedDate, COMPLETENESS_WORKING_DAYS);
    add("completeness_check_due", complete.date, SAM_2022.provisions.art7, complete.provisional);
    if (f.acceptedDate === undefined) {
      const accept = shift(complete.date, ACCEPTANCE_WORKING_DAYS);
      add("acceptance_decision_due", accept.date, SAM_2022.provisions.art7, accept.provisional || complete.provisional);
    }
  }
  if (f.acceptedDate !== undefined && f.resultDate === undefined) {
    const review = shift(f.acceptedDate, REVIEW_WORKING_DAYS);
    add("review_due", review.date, SAM_2022.provisions.art12, review.provisional);
  }
  if (f.resultDate === undefined) return out;
  const issued = f.resultDate;
  if (f.outcome === "refused") {
    const rereview = shift(issued, REREVIEW_WORKING_DAYS);
    add("rereview_request_due", rereview.date, SAM_2022.provisions.art13, rereview.provisional);
    return out;
  }
  const underCbdf = inForceOn(CBDF_2024, issued);
  const expires = addYears(issued, underCbdf ? 3 : 2);
  add("assessment_expires", expires, underCbdf ? CBDF_2024.provisions.art9 : SAM_2022.provisions.art14, false);
  const before = shift(expires, -EXTENSION_WORKING_DAYS);
  if (inForceOn(CBDF_2024, asOf)) {
    add("extension_window_opens", before.date, CBDF_2024.provisions.art9, before.provisional);
  } else {
    add("reapplication_due", before.date, SAM_2022.provisions.art14, before.provisional);
  }
  return out;
}

function gbaFilingBasis(map: DataMap, transferId: string): Provision {
  const t = map.transfers.find((x) => x.id === transferId);
  const r = map.recipients.find((x) => x.id === t?.recipient);
  return r?.region === "HK" ? GBA_HK_2023.provisions.art7 : GBA_MO_2024.provisions.art7;
}
