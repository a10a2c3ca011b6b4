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
