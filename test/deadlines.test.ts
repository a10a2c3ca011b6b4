/** Filing deadlines (contracts §3) on the working-day calendar. */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { assess } from "../src/engine/assess.js";
import { mapOf } from "./helpers.js";

const withFilings = (filings: object[], processor: Record<string, unknown> = {}, region = "US") =>
  mapOf(processor, [{ id: "crm-sync", general: 200_000, recipientRegion: region }], { filings } as never);

describe("standard contract filing (SCM-2023 Art 7)", () => {
  test("the 10th working day after the contract takes effect, across National Day 2024", () => {
    const a = assess(withFilings([{ type: "standard_contract", transfer: "crm-sync", effectiveDate: "2024-09-27" }]), {
      asOf: "2024-10-01",
    });
    assert.deepEqual(a.deadlines, [
      {
        filing: 0,
        transfer: "crm-sync",
        kind: "filing_due",
        date: "2024-10-16",
        basis: [{ instrument: "SCM-2023", article: 7 }],
        status: "upcoming",
      },
    ]);
  });
  test("across Spring Festival 2025 (make-up Sunday 26 Jan, Saturday 8 Feb)", () => {
    // 2025: 1/28–2/4 off; 1/26 (Sun) and 2/8 (Sat) are working days.
    const a = assess(withFilings([{ type: "standard_contract", transfer: "crm-sync", effectiveDate: "2025-01-24" }]), {
      asOf: "2025-03-01",
    });
    // 1/26 (1), 1/27 (2), 2/5 (3), 2/6 (4), 2/7 (5), 2/8 (6), 2/10 (7), 2/11 (8), 2/12 (9), 2/13 (10)
    assert.equal(a.deadlines[0]?.date, "2025-02-13");
    assert.equal(a.deadlines[0]?.status, "passed");
  });
  test("a filing window reaching into an unpublished year is provisional", () => {
    const a = assess(withFilings([{ type: "standard_contract", transfer: "crm-sync", effectiveDate: "2026-12-24" }]), {
      asOf: "2026-12-24",
    });
    assert.equal(a.deadlines[0]?.provisional, true);
    const b = assess(withFilings([{ type: "standard_contract", transfer: "crm-sync", effectiveDate: "2026-12-01" }]), {
      asOf: "2026-12-01",
    });
    assert.equal(b.deadlines[0]?.provisional, undefined);
  });
  test("the GBA contract files under its own guideline", () => {
    const a = assess(
      withFilings([{ type: "gba_standard_contract", transfer: "crm-sync", effectiveDate: "2024-09-27" }], { region: "440300" }, "MO"),
      {
        asOf: "2024-10-01",
      },
    );
    assert.deepEqual(a.deadlines[0]?.basis, [{ instrument: "GBA-MO-2024", article: 7 }]);
    assert.equal(a.deadlines[0]?.date, "2024-10-16");
  });
});

describe("security assessment validity (CBDF-2024 Art 9; SAM-2022 Art 14)", () => {
  test("3 years from the result; extension window opens 60 working days before expiry", () => {
    const a = assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", resultDate: "2024-05-10" }]), {
      asOf: "2026-11-22",
    });
    const expires = a.deadlines.find((d) => d.kind === "assessment_expires");
    const opens = a.deadlines.find((d) => d.kind === "extension_window_opens");
    assert.deepEqual(expires?.date, "2027-05-10");
    assert.equal(expires?.provisional, undefined, "a calendar date needs no holiday schedule");
    assert.deepEqual(opens?.basis, [{ instrument: "CBDF-2024", article: 9 }]);
    assert.equal(opens?.provisional, true, "2027's schedule is not published");
  });
  test("a result issued before 2024-03-22 is valid 2 years (SAM-2022 Art 14)", () => {
    const a = assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", resultDate: "2023-12-29" }]), {
      asOf: "2024-06-01",
    });
    const expires = a.deadlines.find((d) => d.kind === "assessment_expires");
    assert.equal(expires?.date, "2025-12-29");
    assert.deepEqual(expires?.basis, [{ instrument: "SAM-2022", article: 14 }]);
    const opens = a.deadlines.find((d) => d.kind === "extension_window_opens");
    assert.equal(opens?.provisional, undefined);
    // 60 working days before 2025-12-29, across National Day 2025 (10/1–10/8 off, 9/28 and 10/11 worked)
    assert.equal(opens?.date, "2025-09-29");
  });
  test("29 February results expire on 28 February", () => {
    const a = assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", resultDate: "2024-02-29" }]), {
      asOf: "2024-06-01",
    });
    assert.equal(a.deadlines.find((d) => d.kind === "assessment_expires")?.date, "2026-02-28");
  });
});

describe("conditions travel with their dates (regulations.md §0)", () => {
  test("the extension window states that no re-declaration trigger may have occurred", () => {
    const a = assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", resultDate: "2024-05-10" }]), {
      asOf: "2026-11-22",
    });
    assert.match(
      a.deadlines.find((d) => d.kind === "extension_window_opens")?.condition ?? "",
      /Only if the transfer is to continue and nothing has occurred that requires a new declaration/,
    );
    assert.equal(a.deadlines.find((d) => d.kind === "assessment_expires")?.condition, undefined);
    const zh = assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", resultDate: "2024-05-10" }]), {
      asOf: "2026-11-22",
      lang: "zh",
    });
    assert.match(zh.deadlines.find((d) => d.kind === "extension_window_opens")?.condition ?? "", /未发生需要重新申报/);
  });
});

describe("an assessment under review: SAM-2022's clocks (Arts 7, 12, 13)", () => {
  const sa = (f: object, asOf = "2026-12-01") =>
    assess(withFilings([{ type: "security_assessment", transfer: "crm-sync", ...f }]), { asOf }).deadlines;
  test("submitted: completeness 5 working days, then acceptance 7 — across National Day 2025", () => {
    // 2025-09-26 (Fri); 9/28 (Sun) worked; 10/1–10/8 off; 10/11 (Sat) worked.
    const ds = sa({ submittedDate: "2025-09-26" });
    assert.deepEqual(
      ds.map((d) => [d.kind, d.date, d.basis]),
      [
        ["completeness_check_due", "2025-10-10", [{ instrument: "SAM-2022", article: 7 }]],
        ["acceptance_decision_due", "2025-10-20", [{ instrument: "SAM-2022", article: 7 }]],
      ],
    );
    assert.match(ds[1]?.condition ?? "", /the latest date/);
  });
  test("accepted: the assessment within 45 working days, across Qingming and Labour Day 2026", () => {
    const ds = sa({ submittedDate: "2026-02-24", acceptedDate: "2026-03-02" });
    assert.deepEqual(
      ds.map((d) => d.kind),
      ["completeness_check_due", "review_due"],
    );
    const review = ds.find((d) => d.kind === "review_due");
    assert.equal(review?.date, "2026-05-08");
    assert.deepEqual(review?.basis, [{ instrument: "SAM-2022", article: 12 }]);
    assert.match(review?.condition ?? "", /may extend/);
  });
  test("refused: 15 working days to ask for a re-review (across Dragon Boat 2026), no validity", () => {
    const ds = sa({ submittedDate: "2026-03-02", acceptedDate: "2026-03-10", resultDate: "2026-06-01", outcome: "refused" });
    const kinds = ds.map((d) => d.kind);
    assert.ok(!kinds.includes("assessment_expires") && !kinds.includes("review_due"));
    const rereview = ds.find((d) => d.kind === "rereview_request_due");
    assert.equal(rereview?.date, "2026-06-23");
    assert.deepEqual(rereview?.basis, [{ instrument: "SAM-2022", article: 13 }]);
  });
  test("a passed result still gives validity and the extension window", () => {
    const kinds = sa({ acceptedDate: "2026-03-10", resultDate: "2026-06-01", outcome: "passed" }).map((d) => d.kind);
    assert.deepEqual(kinds, ["assessment_expires", "extension_window_opens"]);
  });
  test("bad filing dates are input errors naming the field", () => {
    assert.throws(() => sa({}), /filings\[0\]\.resultDate: required for a security_assessment filing \(or submittedDate/);
    assert.throws(
      () => sa({ submittedDate: "2026-03-10", acceptedDate: "2026-03-02" }),
      /filings\[0\]\.acceptedDate: 2026-03-02 is before submittedDate 2026-03-10/,
    );
    assert.throws(() => sa({ submittedDate: "2026-03-10", outcome: "refused" }), /filings\[0\]\.resultDate: required with outcome/);
  });
});
