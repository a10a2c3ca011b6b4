/**
 * The obligations register (xborder obligations): each duty's due date on the working-day
 * calendar, its status and citations, at the boundaries the law draws.
 */
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test } from "node:test";
import ICAL from "ical.js";
import { stringify } from "yaml";
import type { DataMap } from "../src/engine/datamap.js";
import { buildRegister, nextItems, type Register, type RegisterItem } from "../src/engine/register/index.js";
import { registerToIcs } from "../src/report/register-ics.js";
import { renderRegister } from "../src/report/register.js";
import { mapOf, xborder } from "./helpers.js";

const at = (r: Register, id: string): RegisterItem | undefined => r.items.find((i) => i.id === id);
const must = (r: Register, id: string): RegisterItem => {
  const i = at(r, id);
  assert.ok(i, `${id} not in the register: ${r.items.map((x) => x.id).join(", ")}`);
  return i;
};
const cites = (i: Pick<RegisterItem, "basis">) => i.basis.map((c) => `${c.instrument} ${c.article}`);
const register = (map: DataMap, asOf = "2026-12-05") => buildRegister(map, { asOf });
const withPeople = (personsProcessed: number, more: Record<string, unknown> = {}, extra: Partial<DataMap> = {}) =>
  mapOf({ personsProcessed, ...more }, [{ general: 1000 }], extra);

describe("PI protection compliance audits (PIPCA-2025, in force 2025-05-01)", () => {
  test("超过1000万人: 10,000,001 people audit every two years; 10,000,000 and 9,999,999 have no fixed cadence", () => {
    for (const n of [9_999_999, 10_000_000]) {
      const a = must(register(withPeople(n)), "compliance_audit");
      assert.equal(a.due, undefined, `${n}`);
      assert.equal(a.recurs, undefined);
      assert.deepEqual(cites(a).slice(0, 1), ["PIPL 54"]);
    }
    const a = must(register(withPeople(10_000_001)), "compliance_audit");
    assert.equal(a.due, "2027-05-01", "two years from the day the measures took effect");
    assert.equal(a.recurs, "P2Y");
    assert.deepEqual(cites(a), ["PIPCA-2025 4", "PIPL 54"]);
    assert.equal(a.secondary, true, "the measures' article numbers come from secondary reports");
  });
  test("the cycle runs from the last audit; an audit before the measures does not count; overdue after two years", () => {
    const after = register(
      withPeople(20_000_000, {}, { audits: [{ kind: "regular", date: "2025-06-30", firm: "A" }] } as Partial<DataMap>),
    );
    assert.equal(must(after, "compliance_audit").due, "2027-06-30");
    const before = register(withPeople(20_000_000, {}, { audits: [{ kind: "regular", date: "2024-06-30" }] } as Partial<DataMap>));
    assert.equal(must(before, "compliance_audit").due, "2027-05-01");
    const late = register(
      withPeople(20_000_000, {}, { audits: [{ kind: "regular", date: "2025-06-30" }] } as Partial<DataMap>),
      "2027-07-01",
    );
    assert.equal(must(late, "compliance_audit").status, "overdue");
    const crossed = register(withPeople(20_000_000, { overTenMillionSince: "2026-03-01" }));
    assert.equal(must(crossed, "compliance_audit").due, "2028-03-01");
  });
  test("before 2025-05-01 the measures do not apply", () => {
    const r = register(withPeople(20_000_000), "2025-04-30");
    assert.equal(must(r, "compliance_audit").due, undefined);
    assert.equal(at(r, "protection_officer_report"), undefined);
  });
  test("the 2023 draft is shown beside, as not law: yearly over 1,000,000 people, else every two years", () => {
    const audits = { audits: [{ kind: "regular", date: "2026-01-15" }] } as Partial<DataMap>;
    const over = register(withPeople(1_000_001, {}, audits));
    assert.deepEqual(
      over.notLaw.map((i) => [i.due, i.recurs, cites(i)[0]]),
      [["2027-01-15", "P1Y", "PIPCA-DRAFT-2023 4"]],
    );
    assert.equal(register(withPeople(1_000_000, {}, audits)).notLaw[0]?.recurs, "P2Y");
    assert.ok(!over.items.some((i) => i.basis.some((c) => c.instrument === "PIPCA-DRAFT-2023")), "the draft decides nothing");
    assert.match(renderRegister(over), /draft that never became law/);
  });
  test("a draft (PIPCA-DRAFT-2023 Art 4) creates no overdue duty: its dates are shown without a status", () => {
    const audits = { audits: [{ kind: "regular", date: "2024-01-15" }] } as Partial<DataMap>;
    const r = register(withPeople(1_000_001, {}, audits));
    const draft = r.notLaw[0];
    assert.equal(draft?.due, "2025-01-15", "a year after the last audit, long past");
    assert.ok(draft && !("status" in draft), "no status on a draft");
    for (const lang of ["en", "zh"] as const) {
      const text = renderRegister(buildRegister(withPeople(1_000_001, {}, audits), { asOf: "2026-12-05", lang }));
      const beside = text.slice(text.indexOf(lang === "zh" ? "未生效的征求意见稿" : "never became law"));
      assert.match(beside, /2025-01-15/);
      assert.doesNotMatch(beside, /OVERDUE|逾期|\[(due|upcoming|待办|即将)\]/);
    }
  });
  test("an ordered audit is due by the regulator's deadline; done once completed", () => {
    const audits = (date?: string) =>
      ({ audits: [{ kind: "ordered", orderedDate: "2026-11-01", deadline: "2026-12-20", ...(date ? { date } : {}) }] }) as Partial<DataMap>;
    const open = must(register(withPeople(500, {}, audits())), "ordered_audit:0");
    assert.deepEqual([open.due, open.status], ["2026-12-20", "due"]);
    assert.deepEqual(cites(open), ["PIPL 64", "PIPCA-2025 5"]);
    assert.equal(must(register(withPeople(500, {}, audits()), "2026-12-21"), "ordered_audit:0").status, "overdue");
    assert.equal(must(register(withPeople(500, {}, audits("2026-12-10")), "2026-12-21"), "ordered_audit:0").status, "done");
  });
  test("不得连续三次以上: after two audits in a row by one firm, the next must be by another", () => {
    const two = {
      audits: [
        { kind: "regular", date: "2025-06-01", firm: "Audit Co" },
        { kind: "regular", date: "2026-06-01", firm: "audit co " },
      ],
    };
    const r = register(withPeople(20_000_000, {}, two as Partial<DataMap>));
    const rot = must(r, "audit_firm_rotation");
    assert.match(rot.action, /audit co/i);
    assert.deepEqual(cites(rot), ["PIPCA-2025 13"]);
    const mixed = {
      audits: [
        { kind: "regular", date: "2025-06-01", firm: "A" },
        { kind: "regular", date: "2026-06-01", firm: "B" },
      ],
    };
    assert.equal(at(register(withPeople(20_000_000, {}, mixed as Partial<DataMap>)), "audit_firm_rotation"), undefined);
  });
});

describe("the PI protection officer (PIPL Art 52; 100万人以上)", () => {
  test("999,999 people: no officer; 1,000,000: designate and report", () => {
    assert.equal(at(register(withPeople(999_999)), "protection_officer_report"), undefined);
    const r = register(withPeople(1_000_000));
    assert.ok(at(r, "protection_officer_designation"));
    assert.deepEqual(cites(must(r, "protection_officer_report")), ["PIPL 52", "PIPCA-2025 12"]);
  });
  test("the report is due on the 30th working day after reaching the number, across the National Day holiday", () => {
    // 2025-09-01 + 30 working days: Sunday 28 September and Saturday 11 October are working days, 1–8 October are not.
    const r = register(withPeople(1_200_000, { protectionOfficer: { reachedDate: "2025-09-01" } }));
    const report = must(r, "protection_officer_report");
    assert.deepEqual([report.due, report.status], ["2025-10-17", "overdue"]);
    const done = register(withPeople(1_200_000, { protectionOfficer: { reachedDate: "2025-09-01", reportedDate: "2025-10-10" } }));
    assert.deepEqual(
      [must(done, "protection_officer_report").status, must(done, "protection_officer_report").doneOn],
      ["done", "2025-10-10"],
    );
  });
  test("without the date reached, the 30 working days run from the CAC's announcement of 2025-07-18", () => {
    assert.equal(must(register(withPeople(3_000_000)), "protection_officer_report").due, "2025-08-29");
  });
});

describe("Network Data Security Management Regulations (NDSR-2024, in force 2025-01-01)", () => {
  test("1000万人以上: 10,000,000 people take on the data security officer duty; 9,999,999 do not", () => {
    assert.equal(at(register(withPeople(9_999_999)), "data_security_officer"), undefined);
    const r = register(withPeople(10_000_000));
    assert.deepEqual(cites(must(r, "data_security_officer")), ["NDSR-2024 28", "NDSR-2024 30"]);
    assert.equal(must(r, "restructuring_report").status, "upcoming", "owed on an event");
    assert.equal(must(r, "compliance_audit").due, undefined, "while the audit cadence needs more than 10,000,000");
  });
  test("important data: a risk assessment every year, reported by 31 December; last year's overdue if missing", () => {
    const m = mapOf({}, [{ general: 0, dataset: { personalInformation: false, importantData: true } }], {
      riskAssessments: [{ date: "2026-03-01" }],
    } as Partial<DataMap>);
    const r = register(m);
    assert.deepEqual(
      [must(r, "risk_assessment:2025").status, must(r, "risk_assessment:2026").status, must(r, "risk_assessment:2026").due],
      ["overdue", "done", "2026-12-31"],
    );
    assert.deepEqual(cites(must(r, "risk_assessment:2026")), ["DSL 30", "NDSR-2024 33"]);
  });
});

describe("per transfer", () => {
  const sc = (filing: Record<string, unknown>, transfer: Record<string, unknown> = {}, extra: Partial<DataMap> = {}) =>
    mapOf({}, [{ id: "crm", general: 200_000, transfer }], {
      filings: [{ type: "standard_contract", transfer: "crm", ...filing }],
      ...extra,
    } as Partial<DataMap>);
  test("a contract taking effect before the National Day holiday: filed by the 10th working day after", () => {
    const r = register(sc({ effectiveDate: "2025-09-26" }), "2025-09-30");
    const f = must(r, "filing_due:0");
    assert.deepEqual([f.due, f.status], ["2025-10-16", "due"]);
    assert.deepEqual(cites(f), ["SCM-2023 7"]);
    assert.equal(must(register(sc({ effectiveDate: "2025-09-26" }), "2025-10-17"), "filing_due:0").status, "overdue");
    assert.equal(must(register(sc({ effectiveDate: "2025-09-26", filedDate: "2025-10-09" }), "2025-10-17"), "filing_due:0").status, "done");
  });
  test("status: due within 30 days, upcoming beyond", () => {
    assert.equal(must(register(sc({ effectiveDate: "2025-09-26" }), "2025-09-17"), "filing_due:0").status, "due");
    assert.equal(must(register(sc({ effectiveDate: "2025-09-26" }), "2025-09-15"), "filing_due:0").status, "upcoming");
  });
  test("notice, consent and PIPIA before the start date; the PIPIA kept three years", () => {
    const r = register(sc({ effectiveDate: "2026-01-01" }, { startDate: "2026-02-01", pipiaDate: "2025-12-01", noticeGiven: true }));
    const consent = must(r, "notice_and_separate_consent:crm");
    assert.deepEqual([consent.due, consent.status], ["2026-02-01", "overdue"], "notice given but no separate consent");
    assert.deepEqual([must(r, "pipia:crm").status, must(r, "pipia:crm").doneOn], ["done", "2025-12-01"]);
    assert.equal(must(r, "pipia_records_kept:crm").due, "2028-12-01");
    assert.deepEqual(cites(must(r, "pipia_records_kept:crm")), ["PIPL 56"]);
  });
  test("a transfer in the contract band with no contract: sign and file, or certify, before it starts", () => {
    const r = register(mapOf({}, [{ id: "crm", general: 200_000 }]));
    const i = must(r, "standard_contract_or_certification:crm");
    assert.equal(i.status, "due");
    assert.ok(cites(i).includes("SCM-2023 7"));
  });
  test("an extension window that opens in a year whose holidays are unpublished is provisional", () => {
    const m = mapOf({}, [{ id: "geo", general: 0, dataset: { personalInformation: false, importantData: true } }], {
      filings: [{ type: "security_assessment", transfer: "geo", resultDate: "2024-06-01" }],
    } as Partial<DataMap>);
    const w = must(register(m), "extension_window:0");
    assert.equal(w.provisional, true);
    assert.equal(w.status, "provisional");
    assert.ok(w.condition && /re-?declaration|new declaration/.test(w.condition));
    assert.equal(must(register(m), "assessment_expires:0").due, "2027-06-01");
    assert.equal(must(register(m, "2027-04-01"), "extension_window:0").status, "due", "the window is open");
  });
  test("a change on the last day of a contract's term reopens it; the day after, only a new PIPIA", () => {
    const change = (date: string) =>
      sc({ effectiveDate: "2025-01-01", endDate: "2026-06-30" }, {}, {
        changes: [{ date, transfer: "crm", what: ["purpose"] }],
      } as Partial<DataMap>);
    const last = must(register(change("2026-06-30")), "redo_after_change:0");
    assert.equal(last.kind, "redo_after_change");
    assert.deepEqual(cites(last), ["SCM-2023 8"]);
    assert.equal(last.filing, 0);
    const after = must(register(change("2026-07-01")), "redo_after_change:0");
    assert.equal(after.kind, "pipia_after_change");
    assert.deepEqual(cites(after), ["PIPL 55"]);
    const redone = register(
      sc({ effectiveDate: "2025-01-01" }, {}, {
        changes: [{ date: "2026-03-01", transfer: "crm", what: ["manner"], redoneDate: "2026-03-20" }],
      } as Partial<DataMap>),
    );
    assert.equal(must(redone, "redo_after_change:0").status, "done");
  });
  test("a change found by comparing with an earlier map (as xborder diff) sets off a redo now", () => {
    const before = sc({ effectiveDate: "2025-01-01" });
    const after = sc({ effectiveDate: "2025-01-01" }, { storagePlace: "Frankfurt" });
    const r = buildRegister(after, { asOf: "2026-12-05", changedFrom: before });
    const i = must(r, "redo_after_change:diff:crm");
    assert.deepEqual([i.due, i.status], ["2026-12-05", "due"]);
    assert.deepEqual(cites(i), ["SCM-2023 8"]);
  });
  test("more people under the filed contract, same band (150,000 → 300,000): a change to review, citing SCM-2023 Art 8", () => {
    const before = mapOf({}, [{ id: "crm", general: 150_000 }], {
      filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2025-01-01" }],
    } as Partial<DataMap>);
    const after = mapOf({}, [{ id: "crm", general: 300_000 }], {
      filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2025-01-01" }],
    } as Partial<DataMap>);
    const i = must(buildRegister(after, { asOf: "2026-12-05", changedFrom: before }), "review_after_change:diff:crm");
    assert.equal(i.kind, "review_after_change");
    assert.deepEqual(cites(i), ["SCM-2023 8"]);
    assert.match(i.action, /unsettled/);
  });
});

describe("CBDF-2024 Art 2: identifying and reporting important data is in the register, as in xborder assess", () => {
  test("from 2024-03-22 every processor has it, a standing duty owed on the event; the day before, not", () => {
    const i = must(register(mapOf({}, [{ general: 10 }])), "identify_and_report_important_data");
    assert.deepEqual(cites(i), ["CBDF-2024 2"]);
    assert.equal(i.status, "upcoming");
    assert.ok(i.on);
    assert.match(i.action, /Identify and report important data/);
    assert.ok(at(register(mapOf({}, [{ general: 10 }]), "2024-03-22"), "identify_and_report_important_data"));
    assert.equal(at(register(mapOf({}, [{ general: 10 }]), "2024-03-21"), "identify_and_report_important_data"), undefined);
  });
});

describe("incidents: CBDF-2024 Art 11 reports; notice to individuals is PIPL Art 57's, with its exception", () => {
  test("CBDF-2024 Art 11 asks for remedial measures and a report, not notice to individuals", () => {
    const r = register(mapOf({}, [{ general: 10 }]));
    const report = must(r, "incident_reporting");
    assert.deepEqual(cites(report), ["CBDF-2024 11"]);
    assert.doesNotMatch(report.action, /individual/);
    const zh = buildRegister(mapOf({}, [{ general: 10 }]), { asOf: "2026-12-05", lang: "zh" });
    assert.doesNotMatch(must(zh, "incident_reporting").action, /通知个人/);
  });
  test("PIPL Art 57: notify individuals, unless the measures effectively avoid harm (the condition stated)", () => {
    const n = must(register(mapOf({}, [{ general: 10 }])), "incident_notice");
    assert.deepEqual(cites(n), ["PIPL 57"]);
    assert.match(n.action, /notify the PI protection authorities and the individuals/);
    assert.match(n.condition ?? "", /need not be told where the measures taken effectively avoid harm/);
  });
  test("no PI held: no notice to individuals; before 2024-03-22: no CBDF-2024 Art 11", () => {
    const noPi = register(mapOf({}, [{ general: 0, dataset: { personalInformation: false, importantData: true } }]));
    assert.equal(at(noPi, "incident_notice"), undefined);
    assert.ok(at(noPi, "incident_reporting"));
    const early = register(mapOf({}, [{ general: 10 }]), "2024-03-21");
    assert.equal(at(early, "incident_reporting"), undefined);
    assert.ok(at(early, "incident_notice"));
  });
});

describe("recorded changes during an assessment's validity: re-declare on SAM-2022 Art 14 para 2's own conditions", () => {
  const sa = (what: string[], dataset: Record<string, unknown> = {}) =>
    mapOf({}, [{ id: "geo", general: 2_000_000, dataset }], {
      filings: [{ type: "security_assessment", transfer: "geo", resultDate: "2025-03-01" }],
      changes: [{ date: "2026-03-01", transfer: "geo", what }],
    } as Partial<DataMap>);
  test("the storage place alone (SAM-2022 Art 14 para 2 item 3): re-declare if the change affects the security of the exported data", () => {
    const i = must(register(sa(["storage_place"])), "redo_after_change:0");
    assert.equal(i.action, "Re-declare the security assessment");
    assert.equal(i.condition, "if the change affects the security of the exported data (SAM-2022 Art 14(2)(3))");
    assert.deepEqual(cites(i), ["SAM-2022 14"]);
  });
  test("a change of actual control of the processor or the recipient (SAM-2022 Art 14 para 2 item 2): `control`, conditional", () => {
    const i = must(register(sa(["control"])), "redo_after_change:0");
    assert.match(i.trigger, /actual control of the processor or the recipient changed/);
    assert.match(i.condition ?? "", /\(SAM-2022 Art 14\(2\)\(2\)\)$/);
  });
  test("a longer retention (item 1) is a trigger as such: no condition", () => {
    assert.equal(must(register(sa(["retention", "storage_place"])), "redo_after_change:0").condition, undefined);
  });
  test("under a standard contract, `control` falls under SCM-2023 Art 8's other circumstances: if it may affect PI rights", () => {
    const m = mapOf({}, [{ id: "crm", general: 200_000 }], {
      filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2025-01-01" }],
      changes: [{ date: "2026-03-01", transfer: "crm", what: ["control"] }],
    } as Partial<DataMap>);
    assert.equal(must(register(m), "redo_after_change:0").condition, "if it may affect individuals' rights in their PI (SCM-2023 Art 8)");
  });
  test("important data without PI, no result in force: the risk self-assessment and the declaration, not a PIPIA (CBDF-2024 Art 7; SAM-2022 Art 5)", () => {
    const m = mapOf({}, [{ id: "geo", general: 0, dataset: { personalInformation: false, importantData: true } }], {
      changes: [{ date: "2026-03-01", transfer: "geo", what: ["storage_place"] }],
    } as Partial<DataMap>);
    const i = must(register(m), "redo_after_change:0");
    assert.equal(i.kind, "pipia_after_change");
    assert.doesNotMatch(i.action, /PIPIA before/);
    assert.match(i.action, /risk self-assessment and the security assessment declared/);
    assert.deepEqual(cites(i), ["CBDF-2024 7", "SAM-2022 5"]);
    assert.ok(!cites(i).includes("PIPL 55"));
  });
});

describe("services (seeds 001–003)", () => {
  const svc = (s: Record<string, unknown>) => mapOf({}, [{ general: 10 }], { services: [{ id: "s", ...s }] } as Partial<DataMap>);
  test("an algorithm service files within 10 working days of launch, then shows its number", () => {
    const r = register(svc({ kind: "algorithm", launchDate: "2025-09-26" }), "2025-10-01");
    const f = must(r, "service_filing:s");
    assert.deepEqual([f.due, f.kind], ["2025-10-16", "algorithm_filing"]);
    assert.deepEqual(cites(f), ["ALGO-2021 24"]);
    assert.equal(at(register(svc({ kind: "algorithm", publicOpinion: false, launchDate: "2025-09-26" })), "service_filing:s"), undefined);
    const filed = register(svc({ kind: "deep_synthesis", launchDate: "2025-01-02", filingNumber: "110108-XX" }));
    assert.equal(must(filed, "service_filing:s").status, "done");
    assert.deepEqual(cites(must(filed, "service_filing:s")), ["DS-2022 19", "ALGO-2021 24"]);
    assert.equal(must(filed, "show_filing_number:s").status, "due");
    assert.match(must(filed, "show_filing_number:s").action, /110108-XX/);
    const gen = register(svc({ kind: "generative_ai", launchDate: "2025-01-02", filingNumber: "Beijing-1", numberShown: true }));
    assert.equal(must(gen, "show_filing_number:s").status, "done");
    assert.deepEqual(cites(must(gen, "show_filing_number:s")), ["GENAI-2023 17"]);
  });
  test("a service running before its rules took effect counts its 10 working days from the day they did (GENAI-2023: 2023-08-15)", () => {
    const due = (launchDate: string) => must(register(svc({ kind: "generative_ai", launchDate })), "service_filing:s").due;
    assert.equal(due("2023-08-14"), "2023-08-29", "launched the day before: from 2023-08-15");
    assert.equal(due("2023-08-15"), "2023-08-29");
    assert.equal(due("2023-08-16"), "2023-08-30");
    assert.match(
      must(register(svc({ kind: "generative_ai", launchDate: "2023-01-01" })), "service_filing:s").trigger,
      /counted from 2023-08-15/,
    );
  });
  test("GENAI-2023 Art 17: the security assessment 按照国家有关规定 beside the algorithm filing; done with securityAssessedDate; not without public-opinion attributes", () => {
    const r = register(svc({ kind: "generative_ai", launchDate: "2025-01-02" }));
    const a = must(r, "genai_security_assessment:s");
    assert.deepEqual(cites(a), ["GENAI-2023 17"]);
    assert.match(a.action, /security assessment as the state provides/);
    assert.equal(a.status, "due");
    assert.ok(must(r, "service_filing:s"), "beside the filing");
    assert.equal(
      must(register(svc({ kind: "generative_ai", securityAssessedDate: "2024-12-20" })), "genai_security_assessment:s").status,
      "done",
    );
    assert.equal(at(register(svc({ kind: "generative_ai", publicOpinion: false })), "genai_security_assessment:s"), undefined);
    assert.equal(at(register(svc({ kind: "algorithm" })), "genai_security_assessment:s"), undefined);
  });
  test("a product that uses a filed model shows the model's name and filing number (the CAC's announcement; GENAI-2023 Art 17): the user's duty too", () => {
    const model = { name: "通义千问", filingNumber: "Zhejiang-Tongyi-20230901" };
    const r = register(svc({ kind: "app", launchDate: "2026-01-05", model }));
    const i = must(r, "show_model_filing:s");
    assert.match(i.action, /model 通义千问, filing number Zhejiang-Tongyi-20230901/);
    assert.deepEqual(cites(i), ["GENAI-2023 17"]);
    assert.equal(i.status, "due");
    assert.equal(at(r, "genai_security_assessment:s"), undefined, "the provider's assessment is not the user's");
    assert.equal(must(register(svc({ kind: "app", model: { ...model, shown: true } })), "show_model_filing:s").status, "done");
    assert.equal(at(register(svc({ kind: "app" })), "show_model_filing:s"), undefined);
    assert.throws(() => svc({ kind: "app", model: { name: "x" } }), /services\[0\]\.model\.filingNumber/);
  });
  test("Apps: filed before service, existing ones by 2024-03-31; graded systems: filed within 30 days, tested yearly from level 3", () => {
    assert.equal(must(register(svc({ kind: "app", launchDate: "2022-05-01" })), "service_filing:s").due, "2024-03-31");
    assert.equal(must(register(svc({ kind: "app", launchDate: "2026-12-20" })), "service_filing:s").due, "2026-12-20");
    const sys = register(svc({ kind: "information_system", level: 3, levelDate: "2026-11-10", lastTestDate: "2026-01-31" }));
    assert.equal(must(sys, "service_filing:s").due, "2026-12-10");
    assert.deepEqual(cites(must(sys, "service_filing:s")), ["CSL 21", "MLPS-2007 15"]);
    assert.deepEqual([must(sys, "mlps_test:s").due, must(sys, "mlps_test:s").recurs], ["2027-01-31", "P1Y"]);
    const four = register(svc({ kind: "information_system", level: 4, lastTestDate: "2026-08-31" }));
    assert.deepEqual([must(four, "mlps_test:s").due, must(four, "mlps_test:s").recurs], ["2027-02-28", "P6M"]);
    assert.equal(at(register(svc({ kind: "information_system", level: 1 })), "service_filing:s"), undefined);
  });
});

describe("reading it", () => {
  const m = mapOf(
    { personsProcessed: 1_500_000, protectionOfficer: { reachedDate: "2026-11-02" } },
    [{ id: "crm", general: 200_000, transfer: { startDate: "2026-12-20" } }],
    { filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2026-11-25" }] } as Partial<DataMap>,
  );
  test("every item has a citation; the text groups by due date in both languages", () => {
    const r = register(m);
    assert.ok(r.items.every((i) => i.basis.length > 0 && i.action && i.trigger));
    const en = renderRegister(r);
    assert.match(en, /^2026-12-09:$/m);
    assert.match(en, /\[due\] File the standard contract/);
    const zh = renderRegister(buildRegister(m, { asOf: "2026-12-05", lang: "zh" }));
    assert.match(zh, /义务登记簿/);
    assert.match(zh, /《个人信息出境标准合同办法》/);
  });
  test("status's next three: the soonest duties not yet done", () => {
    const next = nextItems(register(m));
    assert.equal(next.length, 3);
    assert.ok(next.every((i) => i.status !== "done"));
    assert.equal(next[0]?.id, "filing_due:0");
  });
  test("the ICS file parses and holds one event per dated duty", () => {
    const r = buildRegister(m, { asOf: "2026-12-05", lang: "zh" });
    const ics = registerToIcs(r);
    const cal = new ICAL.Component(ICAL.parse(ics));
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    const dated = r.items.filter((i) => i.due);
    assert.equal(events.length, dated.length);
    const filing = events.find((e) => e.startDate.toString() === "2026-12-09");
    assert.ok(filing, "the filing deadline is an event");
    assert.ok(filing.startDate.isDate, "an all-day event");
    assert.match(filing.summary, /标准合同/);
    assert.equal(new Set(events.map((e) => e.uid)).size, events.length, "unique ids");
    assert.equal(registerToIcs(r).replace(/DTSTAMP:.*\r?\n/g, ""), ics.replace(/DTSTAMP:.*\r?\n/g, ""), "stable across runs");
  });
});

describe("xborder obligations", () => {
  const dir = mkdtempSync(join(tmpdir(), "xborder-obligations-"));
  const file = join(dir, "map.yaml");
  const late = mapOf({}, [{ id: "crm", general: 200_000 }], {
    filings: [{ type: "standard_contract", transfer: "crm", effectiveDate: "2026-09-01" }],
  } as Partial<DataMap>);
  writeFileSync(file, stringify(late));
  test("--format json prints the register; --fail-on overdue exits 1 naming the duty, with the register still printed", () => {
    const ok = xborder(["obligations", file, "--as-of", "2026-12-05", "--format", "json"]);
    assert.equal(ok.code, 0, ok.stderr);
    const r = JSON.parse(ok.stdout) as Register;
    assert.equal(r.items.find((i) => i.id === "filing_due:0")?.status, "overdue");
    const gate = xborder(["obligations", file, "--as-of", "2026-12-05", "--fail-on", "overdue"]);
    assert.equal(gate.code, 1);
    assert.match(gate.stderr, /filing_due:0 \(2026-09-15\)/);
    assert.match(gate.stdout, /OVERDUE/);
    const early = xborder(["obligations", file, "--as-of", "2026-09-02", "--fail-on", "overdue"]);
    assert.equal(early.code, 0, early.stderr);
  });
  test("--format ics writes a calendar; a bad option or map is a clear error", () => {
    const ics = xborder(["obligations", file, "--as-of", "2026-12-05", "--format", "ics"]);
    assert.equal(ics.code, 0, ics.stderr);
    assert.match(ics.stdout, /^BEGIN:VCALENDAR/);
    const bad = xborder(["obligations", file, "--format", "pdf"]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--format: expected text, json or ics/);
    const broken = join(dir, "broken.yaml");
    writeFileSync(broken, stringify({ ...late, services: [{ id: "x", kind: "satellite" }] }));
    const e = xborder(["obligations", broken]);
    assert.equal(e.code, 2);
    assert.match(e.stderr, /services\[0\]\.kind: expected one of algorithm/);
    assert.equal(e.stdout, "");
  });
});
