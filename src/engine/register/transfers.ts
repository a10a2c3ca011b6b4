/**
 * The register's per-transfer duties: notice (and separate consent), the PIPIA before the transfer
 * and its three-year record, the filing within 10 working days, a security assessment's expiry and
 * its extension window, the filing still to be made, and the redo after a change.
 */
import { addYears, type IsoDate } from "../../calendar/date.js";
import { type Bilingual, CBDF_2024, inForceOn, PIPL, type Provision, SAM_2022 } from "../../law/index.js";
import type { ChangeKind, DataMap, Filing, RecordedChange, Transfer } from "../datamap.js";
import type { MapDiff } from "../diff.js";
import { PATHWAY_NAMES, say } from "../messages.js";
import { redoCondition, redoProvision } from "../redo.js";
import type { Assessment, Deadline, TransferAssessment } from "../types.js";
import type { ItemDraft } from "./item.js";

const CHANGE_NAMES: Record<ChangeKind, Bilingual> = {
  purpose: say("出境目的", "the purpose"),
  scope: say("出境个人信息的范围", "the scope of PI sent"),
  types: say("个人信息的种类", "the types of PI"),
  sensitivity: say("个人信息的敏感程度", "the sensitivity of the PI"),
  manner: say("出境方式", "the manner of transfer"),
  storage_place: say("保存地点", "the storage place"),
  recipient_use: say("境外接收方处理个人信息的用途、方式", "the recipient's use or manner of processing"),
  retention: say("延长境外保存期限", "a longer retention abroad"),
  recipient_law: say("境外接收方所在国家或者地区的个人信息保护政策和法规", "the PI law of the recipient's country or region"),
  control: say("数据处理者或者境外接收方实际控制权", "actual control of the processor or the recipient"),
  other: say("其他可能影响个人信息权益的情形", "something else that may affect PI rights"),
};

function transferTrigger(t: TransferAssessment, transfer: Transfer): Bilingual {
  return say(
    `出境活动 ${t.id}（${t.dataset} → ${t.recipient}）：${PATHWAY_NAMES[t.pathway].zh}`,
    `transfer ${t.id} (${t.dataset} → ${t.recipient}): ${PATHWAY_NAMES[t.pathway].en}${transfer.startDate ? `, starting ${transfer.startDate}` : ""}`,
  );
}

/** Duties that come with each transfer's decision. */
export function transferItems(map: DataMap, a: Assessment): ItemDraft[] {
  const out: ItemDraft[] = [];
  for (const t of a.transfers) {
    const transfer = map.transfers.find((x) => x.id === t.id) as Transfer;
    const trigger = transferTrigger(t, transfer);
    const before = transfer.startDate;
    const ob = (id: string) => t.obligations.find((o) => o.id === id);
    const filings = map.filings.filter((f) => f.transfer === t.id);
    if (t.pathway === "prohibited") {
      out.push({
        id: `do_not_transfer:${t.id}`,
        kind: "do_not_transfer",
        transfer: t.id,
        action: say("停止出境核心数据", "Do not send core data abroad"),
        trigger,
        basis: t.obligations.find((o) => o.id === "do_not_transfer")?.basis ?? t.basis,
      });
      continue;
    }
    const notice = ob("notice") ?? ob("notice_and_separate_consent");
    if (notice) {
      const consent = notice.id === "notice_and_separate_consent";
      out.push({
        id: `${notice.id}:${t.id}`,
        kind: notice.id,
        transfer: t.id,
        due: before,
        done: consent ? transfer.noticeGiven === true && transfer.consentObtained === true : transfer.noticeGiven === true,
        action: consent
          ? say("出境前告知个人并取得单独同意", "Before the transfer: tell individuals and obtain their separate consent")
          : say("出境前告知个人（单独同意不需取得）", "Before the transfer: tell individuals (no separate consent needed)"),
        trigger,
        basis: notice.basis,
      });
    }
    const pipia = ob("pipia");
    if (pipia) {
      out.push({
        id: `pipia:${t.id}`,
        kind: "pipia",
        transfer: t.id,
        due: before,
        doneOn: transfer.pipiaDate,
        action: say("出境前开展个人信息保护影响评估", "Before the transfer: carry out the PIPIA"),
        trigger,
        basis: pipia.basis,
      });
    }
    const kept = ob("pipia_records_kept_3_years");
    if (kept && transfer.pipiaDate) {
      const until = addYears(transfer.pipiaDate, 3);
      out.push({
        id: `pipia_records_kept:${t.id}`,
        kind: "pipia_records_kept",
        transfer: t.id,
        due: until,
        done: until < a.asOf,
        status: until < a.asOf ? "done" : "upcoming",
        action: say(`个人信息保护影响评估报告和处理情况记录保存至${until}`, `Keep the PIPIA report and processing records until ${until}`),
        trigger: say(`${transfer.pipiaDate}的个人信息保护影响评估`, `the PIPIA of ${transfer.pipiaDate}`),
        basis: kept.basis,
      });
    }
    const contract = ob("standard_contract_filing");
    const hasContract = filings.some((f) => f.type === "standard_contract" || f.type === "gba_standard_contract");
    if (contract && !hasContract) {
      out.push({
        id: `standard_contract_or_certification:${t.id}`,
        kind: "standard_contract_or_certification",
        transfer: t.id,
        due: before,
        action: say(
          "出境前订立标准合同（生效之日起10个工作日内备案）或者取得个人信息保护认证",
          "Before the transfer: sign the standard contract (file it within 10 working days after it takes effect) or obtain certification",
        ),
        trigger,
        basis: [...contract.basis, ...(ob("certification")?.basis ?? [])],
      });
    }
    const application = ob("security_assessment_application");
    const hasAssessment = filings.some((f) => f.type === "security_assessment" && f.outcome !== "refused");
    if (application && !hasAssessment) {
      out.push({
        id: `security_assessment_application:${t.id}`,
        kind: "security_assessment_application",
        transfer: t.id,
        due: before,
        action: say(
          "出境前申报数据出境安全评估（通过后方可出境）",
          "Before the transfer: apply for the security assessment (transfer only once passed)",
        ),
        trigger,
        basis: application.basis,
      });
    }
  }
  return out;
}

/** The dates the filings set (contracts §3), as duties: file, renew, extend, ask for a re-review. */
export function deadlineItems(map: DataMap, deadlines: readonly Deadline[], asOf: IsoDate): ItemDraft[] {
  const out: ItemDraft[] = [];
  for (const d of deadlines) {
    const f = map.filings[d.filing] as Filing;
    const base = { transfer: d.transfer, filing: d.filing, due: d.date, provisional: d.provisional === true, basis: d.basis };
    const trigger = (zh: string, en: string) =>
      say(`filings[${d.filing}]（${d.transfer}）：${zh}`, `filings[${d.filing}] (${d.transfer}): ${en}`);
    const renewed = map.filings.some(
      (g) =>
        g !== f &&
        g.transfer === f.transfer &&
        g.type === "security_assessment" &&
        g.outcome !== "refused" &&
        (g.resultDate ?? "") > (f.resultDate ?? ""),
    );
    const condition = d.condition ? { zh: d.condition, en: d.condition } : undefined;
    switch (d.kind) {
      case "filing_due":
        out.push({
          ...base,
          id: `filing_due:${d.filing}`,
          kind: "filing_due",
          doneOn: f.filedDate,
          action:
            f.type === "standard_contract"
              ? say(
                  "向省级网信部门备案标准合同（及个人信息保护影响评估报告）",
                  "File the standard contract (with the PIPIA report) with the provincial CAC",
                )
              : say(
                  "备案大湾区标准合同（双方各自向属地监管机构备案）",
                  "File the GBA standard contract (each party with its own regulator)",
                ),
          trigger: trigger(`合同${f.effectiveDate}生效`, `the contract took effect on ${f.effectiveDate}`),
        });
        break;
      case "assessment_expires":
        out.push({
          ...base,
          id: `assessment_expires:${d.filing}`,
          kind: "assessment_expires",
          done: renewed,
          action: say(
            "评估结果有效期届满：此前获得延长或者重新通过评估，否则停止出境",
            "The assessment result expires: have it extended or pass a new one by then, or stop the transfer",
          ),
          trigger: trigger(`评估结果${f.resultDate}出具`, `the result was issued on ${f.resultDate}`),
        });
        break;
      case "extension_window_opens": {
        const expires = deadlines.find((x) => x.filing === d.filing && x.kind === "assessment_expires")?.date;
        const open = d.date <= asOf && expires !== undefined && asOf <= expires;
        out.push({
          ...base,
          id: `extension_window:${d.filing}`,
          kind: "extension_window",
          done: renewed,
          status: renewed ? "done" : open ? "due" : undefined,
          action: say(
            `可以申请延长评估结果有效期（窗口至${expires}）`,
            `The window to apply for an extension opens (it runs to ${expires})`,
          ),
          trigger: trigger(`评估结果${f.resultDate}出具`, `the result was issued on ${f.resultDate}`),
          condition,
        });
        break;
      }
      case "reapplication_due":
        out.push({
          ...base,
          id: `reapplication_due:${d.filing}`,
          kind: "reapplication_due",
          done: renewed,
          action: say("有效期届满后继续出境的，重新申报", "To continue after expiry: apply again"),
          trigger: trigger(`评估结果${f.resultDate}出具`, `the result was issued on ${f.resultDate}`),
          condition,
        });
        break;
      case "rereview_request_due":
        out.push({
          ...base,
          id: `rereview_request:${d.filing}`,
          kind: "rereview_request",
          status: d.date < asOf ? "done" : undefined,
          action: say("对不予通过的评估结果有异议的，申请复评", "To contest the refusal: ask for a re-review"),
          trigger: trigger(`评估结果${f.resultDate}不予通过`, `the result of ${f.resultDate} refused the transfer`),
          condition,
        });
        break;
      default:
        // The CAC's own review clocks are its duties, not the processor's: `xborder assess` shows them.
        break;
    }
  }
  return out;
}

/** The filing whose term or validity covers `date`, with the provision that says what a change then sets off. */
function coveringFiling(
  map: DataMap,
  transferId: string,
  date: IsoDate,
): { index: number; redo: Provision; route: Filing["type"] } | undefined {
  const t = map.transfers.find((x) => x.id === transferId);
  const region = map.recipients.find((r) => r.id === t?.recipient)?.region;
  for (const [index, f] of map.filings.entries()) {
    if (f.transfer !== transferId) continue;
    if (f.type !== "security_assessment") {
      // A change on the last day of the term is still during it (届满 includes the day: regulations.md §0).
      if (f.effectiveDate && f.effectiveDate <= date && (f.endDate === undefined || date <= f.endDate)) {
        return { index, redo: redoProvision(f.type, region), route: f.type };
      }
    } else if (f.resultDate && f.outcome !== "refused" && f.resultDate <= date) {
      const expires = addYears(f.resultDate, inForceOn(CBDF_2024, f.resultDate) ? 3 : 2);
      if (date <= expires) return { index, redo: redoProvision(f.type, region), route: f.type };
    }
  }
  return undefined;
}

function redoAction(route: Filing["type"]): Bilingual {
  if (route === "security_assessment") return say("重新申报数据出境安全评估", "Re-declare the security assessment");
  return say(
    "重新开展个人信息保护影响评估，补充或者重新订立合同，并重新备案",
    "A new PIPIA, a supplemented or new contract, and a new filing",
  );
}

/**
 * With no contract or assessment result in force: a new PIPIA where the data holds PI (PIPL Art 55);
 * for important data without PI, the risk self-assessment and the declaration (CBDF-2024 Art 7;
 * SAM-2022 Art 5 — PIPL Art 55 and CBDF-2024 Art 10 concern PI only); otherwise nothing.
 */
function uncoveredRedo(map: DataMap, transferId: string, date: IsoDate): { action: Bilingual; basis: Provision[] } | undefined {
  const t = map.transfers.find((x) => x.id === transferId);
  const d = map.datasets.find((x) => x.id === t?.dataset);
  if (!d || d.personalInformation) {
    return {
      action: say("变更后的出境前重新开展个人信息保护影响评估", "A new PIPIA before the changed transfer goes on"),
      basis: [PIPL.provisions.art55],
    };
  }
  if (!d.importantData) return undefined;
  const declare = inForceOn(CBDF_2024, date)
    ? map.processor.ciio
      ? CBDF_2024.provisions.art7_1_1
      : CBDF_2024.provisions.art7_1_2
    : SAM_2022.provisions.art4_1;
  return {
    action: say(
      "变更后的出境前重新开展数据出境风险自评估并申报数据出境安全评估（数据不含个人信息，不适用个人信息保护影响评估）",
      "A new data-export risk self-assessment and the security assessment declared before the changed transfer goes on (the data holds no PI, so no PIPIA)",
    ),
    basis: [declare, SAM_2022.provisions.art5],
  };
}

/**
 * Recorded changes (`changes[]`): a redo during a contract's term or an assessment's validity, with
 * the condition its article attaches (./redo.ts); else a new PIPIA, or for important data without
 * PI the self-assessment and the declaration.
 */
export function changeItems(map: DataMap): ItemDraft[] {
  return map.changes.flatMap((c: RecordedChange, i): ItemDraft[] => {
    const covered = coveringFiling(map, c.transfer, c.date);
    const uncovered = covered ? undefined : uncoveredRedo(map, c.transfer, c.date);
    if (!covered && !uncovered) return [];
    const what = c.what.map((k) => CHANGE_NAMES[k]);
    const during = covered
      ? covered.route === "security_assessment"
        ? say("评估结果有效期内", "during the assessment's validity")
        : say("合同有效期内", "during the contract's term")
      : say("（无生效中的合同或者评估结果）", "(no contract or assessment result in force then)");
    return [
      {
        id: `redo_after_change:${i}`,
        kind: covered ? "redo_after_change" : "pipia_after_change",
        transfer: c.transfer,
        filing: covered?.index,
        due: c.date,
        doneOn: c.redoneDate,
        action: covered ? redoAction(covered.route) : uncovered!.action,
        trigger: say(
          `changes[${i}]：${c.date}${during.zh}${what.map((w) => w.zh).join("、")}发生变化`,
          `changes[${i}]: on ${c.date} ${what.map((w) => w.en).join(", ")} changed ${during.en}`,
        ),
        condition: covered ? redoCondition(covered.route, c.what, covered.redo) : undefined,
        basis: covered ? [covered.redo] : uncovered!.basis,
      },
    ];
  });
}

/** What `xborder diff OLD NEW` found (the change is taken as made on the as-of date). */
export function diffItems(d: MapDiff): ItemDraft[] {
  const KINDS: Partial<Record<string, string>> = {
    refile: "redo_after_change",
    reassess: "pipia_after_change",
    review: "review_after_change",
  };
  return d.consequences
    .filter((c) => KINDS[c.id] !== undefined)
    .map((c) => ({
      id: `${c.id === "review" ? "review_after_change" : "redo_after_change"}:diff:${c.transfer}`,
      kind: KINDS[c.id]!,
      transfer: c.transfer,
      due: d.asOf,
      action: say(c.description, c.description),
      trigger: say(`与旧版数据地图相比的变更（${d.asOf}）`, `the change from the earlier data map (as of ${d.asOf})`),
      condition: c.condition === undefined ? undefined : say(c.condition, c.condition),
      basis: c.basis,
    }));
}
